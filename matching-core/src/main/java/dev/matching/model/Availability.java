package dev.matching.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
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

  /**
   * The available time within {@code [from, to)} as sorted, disjoint, non-adjacent intervals of
   * epoch seconds: {@code [s0, e0, s1, e1, ...]}.
   */
  public Timeline timeline(Instant from, Instant to) {
    return timeline(from.getEpochSecond(), to.getEpochSecond());
  }

  /** As {@link #timeline(Instant, Instant)}, with epoch seconds. */
  public Timeline timeline(long fromEpochSecond, long toEpochSecond) {
    if (toEpochSecond <= fromEpochSecond) {
      return new Timeline(fromEpochSecond, fromEpochSecond, new long[0]);
    }
    Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
    for (WeeklyWindow w : weekly) {
      byDay.computeIfAbsent(w.day(), d -> new ArrayList<>()).add(w.time());
    }
    Map<LocalDate, List<TimeRange>> byDate = new HashMap<>();
    for (DateOverride o : overrides) {
      byDate.put(o.date(), o.windows());
    }
    // A window starting the day before `from` may run into it.
    LocalDate first = Instant.ofEpochSecond(fromEpochSecond).atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = Instant.ofEpochSecond(toEpochSecond).atZone(zone).toLocalDate();
    long[] raw = new long[16];
    int n = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      List<TimeRange> ranges = byDate.containsKey(d) ? byDate.get(d) : byDay.getOrDefault(d.getDayOfWeek(), List.of());
      for (TimeRange r : ranges) {
        long s = ZonedDateTime.of(d, r.start(), zone).toEpochSecond();
        long e = ZonedDateTime.of(r.overnight() ? d.plusDays(1) : d, r.end(), zone).toEpochSecond();
        s = Math.max(s, fromEpochSecond);
        e = Math.min(e, toEpochSecond);
        if (e > s) {
          if (n + 2 > raw.length) {
            raw = Arrays.copyOf(raw, raw.length * 2);
          }
          raw[n++] = s;
          raw[n++] = e;
        }
      }
    }
    return new Timeline(fromEpochSecond, toEpochSecond, Timeline.normalize(raw, n));
  }

  /** Seconds of {@code [start, end)} (epoch seconds) that fall inside this availability. */
  public long overlapSeconds(long startEpochSecond, long endEpochSecond) {
    return timeline(startEpochSecond, endEpochSecond).overlapSeconds(startEpochSecond, endEpochSecond);
  }
}
