package dev.matching.model;

import dev.matching.model.internal.Checks;
import dev.matching.model.internal.Timeline;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a worker can work: weekly recurring windows in a zone, plus dated overrides.
 * Immutable and thread-safe.
 *
 * <p>Windows are interpreted in {@link #zone()} and turned into real instants, so overnight
 * windows, daylight-saving changes and a worker in another zone than the job are all exact.
 *
 * @param zone the zone of the local times
 * @param weekly the weekly windows
 * @param overrides dated exceptions, at most one per date
 */
public record Availability(ZoneId zone, List<WeeklyWindow> weekly, List<DateOverride> overrides) {

  /** Validates and copies. */
  public Availability {
    Checks.required(zone, "availability.zone");
    weekly = Checks.listOf(weekly, "availability.weekly");
    overrides = Checks.listOf(overrides, "availability.overrides");
    Map<LocalDate, DateOverride> seen = new HashMap<>();
    for (DateOverride o : overrides) {
      if (!(seen.put(o.date(), o) == null)) {
        throw Checks.fail("availability.overrides",
            "has two entries for " + o.date());
      }
    }
  }

  /** Weekly windows only. */
  public static Availability weekly(ZoneId zone, List<WeeklyWindow> windows) {
    return new Availability(zone, windows, List.of());
  }

  /** A copy with one more dated override. */
  public Availability withOverride(DateOverride override) {
    List<DateOverride> o = new ArrayList<>(overrides);
    o.add(override);
    return new Availability(zone, weekly, o);
  }

  /** Seconds of {@code [start, end)} (epoch seconds) that fall inside this availability. */
  public long overlapSeconds(long startEpochSecond, long endEpochSecond) {
    return Timeline.of(this, startEpochSecond, endEpochSecond).overlapSeconds(startEpochSecond, endEpochSecond);
  }
}
