package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.time.DayOfWeek;

/**
 * A recurring weekly availability window starting on {@code day}. Immutable.
 *
 * @param day the day the window starts on
 * @param time the local time range (overnight allowed)
 */
public record WeeklyWindow(DayOfWeek day, TimeRange time) {
  /** Validates. */
  public WeeklyWindow {
    Checks.required(day, "availability.weekly.day");
    Checks.required(time, "availability.weekly.time");
  }

  /** Shorthand: {@code WeeklyWindow.of(MONDAY, "09:00", "17:00")}. */
  public static WeeklyWindow of(DayOfWeek day, String start, String end) {
    return new WeeklyWindow(day, TimeRange.of(start, end));
  }
}
