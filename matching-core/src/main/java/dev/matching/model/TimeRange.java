package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.time.LocalTime;

/**
 * A local time-of-day range; an end at or before the start runs past midnight into the next
 * day ({@code 22:00-06:00}), and {@code 00:00-00:00} is the whole day. Immutable.
 *
 * @param start local start
 * @param end local end
 */
public record TimeRange(LocalTime start, LocalTime end) {
  /** Validates. */
  public TimeRange {
    Checks.required(start, "window.start");
    Checks.required(end, "window.end");
  }

  /** Shorthand: {@code TimeRange.of("09:00", "17:00")}. */
  public static TimeRange of(String start, String end) {
    return new TimeRange(parse(start, "window.start"), parse(end, "window.end"));
  }

  /** Whether the range runs into the next day. */
  public boolean overnight() {
    return !end.isAfter(start);
  }

  private static LocalTime parse(String text, String field) {
    try {
      return LocalTime.parse(Checks.required(text, field));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidArgumentException(field, "must be a time like 09:00, was \"" + text + "\"", e);
    }
  }
}
