package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One concrete working interval of a job, as real instants, with the zone it was planned in.
 * Immutable and thread-safe.
 *
 * <p>Overnight shifts are ordinary: use {@link #of(LocalDate, LocalTime, LocalTime, ZoneId)}
 * with an end time at or before the start time and the shift ends on the next day. Local times
 * falling into a daylight-saving gap move forward by the gap, as {@link ZonedDateTime#of} does.
 *
 * @param start inclusive start
 * @param end exclusive end, after {@code start} and at most {@link #MAX_LENGTH} later
 * @param zone the zone the shift was planned in (for display and weekly patterns)
 */
public record Shift(Instant start, Instant end, ZoneId zone) implements Comparable<Shift> {

  /** Longest shift accepted. */
  public static final Duration MAX_LENGTH = Duration.ofHours(24);
  /** Earliest instant a shift may start (indexes store shift times as 32-bit seconds). */
  public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  /** Latest instant a shift may end. */
  public static final Instant LATEST = Instant.parse("2110-01-01T00:00:00Z");

  /** Validates the interval. */
  public Shift {
    Checks.required(start, "shift.start");
    Checks.required(end, "shift.end");
    Checks.required(zone, "shift.zone");
    if (!(start.getNano() == 0)) {
      throw Checks.fail("shift.start",
          "must be a whole second, was " + start);
    }
    if (!(end.getNano() == 0)) {
      throw Checks.fail("shift.end",
          "must be a whole second, was " + end);
    }
    if (!(!start.isBefore(EARLIEST))) {
      throw Checks.fail("shift.start",
          "must not be before " + EARLIEST + ", was " + start);
    }
    if (!(!end.isAfter(LATEST))) {
      throw Checks.fail("shift.end",
          "must not be after " + LATEST + ", was " + end);
    }
    if (!(end.isAfter(start))) {
      throw Checks.fail("shift.end",
          "must be after shift.start (" + start + "), was " + end);
    }
    if (!(Duration.between(start, end).compareTo(MAX_LENGTH) <= 0)) {
      throw Checks.fail("shift.end",
          "must be at most " + MAX_LENGTH.toHours() + "h after shift.start (" + start + "), was " + end);
    }
  }

  /**
   * A shift on a local date from {@code startTime} to {@code endTime} in {@code zone}; an end at
   * or before the start means the shift ends on the following day.
   */
  public static Shift of(LocalDate date, LocalTime startTime, LocalTime endTime, ZoneId zone) {
    Checks.required(date, "shift.date");
    Checks.required(startTime, "shift.startTime");
    Checks.required(endTime, "shift.endTime");
    Checks.required(zone, "shift.zone");
    LocalDate endDate = endTime.isAfter(startTime) ? date : date.plusDays(1);
    return new Shift(
        ZonedDateTime.of(date, startTime, zone).toInstant(),
        ZonedDateTime.of(endDate, endTime, zone).toInstant(),
        zone);
  }

  /** A shift between two local date-times in {@code zone}; the end must be after the start. */
  public static Shift of(LocalDateTime start, LocalDateTime end, ZoneId zone) {
    Checks.required(start, "shift.start");
    Checks.required(end, "shift.end");
    Checks.required(zone, "shift.zone");
    return new Shift(ZonedDateTime.of(start, zone).toInstant(), ZonedDateTime.of(end, zone).toInstant(), zone);
  }

  /** Length of the shift. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Orders by start, then end. */
  @Override
  public int compareTo(Shift o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }
}
