package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A recurring weekly shift (for example Mon/Wed/Fri 22:00-06:00 in Asia/Tokyo) that expands
 * into concrete {@link Shift}s over a horizon. Immutable and thread-safe.
 *
 * @param days the days the shift starts on, not empty
 * @param startTime local start time
 * @param endTime local end time; at or before {@code startTime} means overnight
 * @param zone zone of the local times
 */
public record WeeklyShiftPattern(Set<DayOfWeek> days, LocalTime startTime, LocalTime endTime, ZoneId zone) {

  /** Validates and copies. */
  public WeeklyShiftPattern {
    Checks.required(days, "pattern.days");
    Checks.check(!days.isEmpty(), "pattern.days", "must not be empty");
    days = Set.copyOf(EnumSet.copyOf(Checks.listOf(days, "pattern.days")));
    Checks.required(startTime, "pattern.startTime");
    Checks.required(endTime, "pattern.endTime");
    Checks.required(zone, "pattern.zone");
  }

  /** The shifts starting on the matching days in {@code [from, from + days)}, in order. */
  public List<Shift> expand(LocalDate from, int numberOfDays) {
    Checks.required(from, "from");
    Checks.intIn(numberOfDays, 0, 3660, "numberOfDays");
    List<Shift> shifts = new ArrayList<>();
    for (int i = 0; i < numberOfDays; i++) {
      LocalDate d = from.plusDays(i);
      if (days.contains(d.getDayOfWeek())) {
        shifts.add(Shift.of(d, startTime, endTime, zone));
      }
    }
    return shifts;
  }
}
