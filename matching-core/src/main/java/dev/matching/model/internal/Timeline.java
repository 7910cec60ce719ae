package dev.matching.model.internal;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
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
 * An availability expanded over a window {@code [from, to)} of epoch seconds: sorted, disjoint
 * intervals. Immutable and thread-safe. Built by {@link Availability#timeline}.
 *
 * <p>Overlap queries are exact integer arithmetic, so a timeline over any window that contains
 * a shift gives the same answer for that shift.
 */
public final class Timeline {
  private final long from;
  private final long to;
  private final long[] bounds;

  Timeline(long from, long to, long[] bounds) {
    this.from = from;
    this.to = to;
    this.bounds = bounds;
  }

  /**
   * The time {@code availability} offers within {@code [from, to)} as sorted, disjoint,
   * non-adjacent intervals of epoch seconds: {@code [s0, e0, s1, e1, ...]}.
   */
  public static Timeline of(Availability availability, Instant from, Instant to) {
    return of(availability, from.getEpochSecond(), to.getEpochSecond());
  }

  /** As {@link #of(Availability, Instant, Instant)}, with epoch seconds. */
  public static Timeline of(Availability availability, long fromEpochSecond, long toEpochSecond) {
    ZoneId zone = availability.zone();
    if (toEpochSecond <= fromEpochSecond) {
      return new Timeline(fromEpochSecond, fromEpochSecond, new long[0]);
    }
    Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
    for (WeeklyWindow w : availability.weekly()) {
      byDay.computeIfAbsent(w.day(), d -> new ArrayList<>()).add(w.time());
    }
    Map<LocalDate, List<TimeRange>> byDate = new HashMap<>();
    for (DateOverride o : availability.overrides()) {
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

  /** Inclusive start of the window, epoch seconds. */
  public long from() {
    return from;
  }

  /** Exclusive end of the window, epoch seconds. */
  public long to() {
    return to;
  }

  /** Whether {@code [start, end)} lies inside the window this timeline covers. */
  public boolean covers(long start, long end) {
    return start >= from && end <= to;
  }

  /** The intervals as {@code [s0, e0, s1, e1, ...]} epoch seconds (a copy). */
  public long[] bounds() {
    return bounds.clone();
  }

  /** Number of intervals. */
  public int intervals() {
    return bounds.length / 2;
  }

  /** Total available seconds in the window. */
  public long totalSeconds() {
    long t = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      t += bounds[i + 1] - bounds[i];
    }
    return t;
  }

  /**
   * Seconds of {@code [start, end)} that are available. The interval must lie inside the window
   * ({@link #covers}); outside it nothing is known and this fails.
   */
  public long overlapSeconds(long start, long end) {
    if (!covers(start, end)) {
      throw Checks.fail("interval", "[" + start + ", " + end + ") is outside the timeline window ["
          + from + ", " + to + ")");
    }
    long[] b = bounds;
    // first interval whose end is after start
    int lo = 0;
    int hi = b.length / 2;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (b[2 * mid + 1] <= start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long total = 0;
    for (int i = 2 * lo; i < b.length && b[i] < end; i += 2) {
      total += Math.min(end, b[i + 1]) - Math.max(start, b[i]);
    }
    return total;
  }

  /**
   * The available seconds of several intervals at once: the sum of {@link #overlapSeconds} over
   * {@code [base + starts[k], base + ends[k])} for {@code k} in {@code [from, to)}, where the
   * starts are in ascending order (intervals may overlap; each is counted on its own). One pass
   * over the timeline instead of a search per interval: this is how column-stored shifts, kept
   * sorted by start, are scored. Every interval must lie inside the window.
   *
   * @param atLeast the caller only needs sums of at least this many seconds: as soon as the
   *     intervals not yet counted cannot bring the sum up to it, returns -1 (0 never stops)
   * @return the sum, or -1 when it is certainly below {@code atLeast}
   */
  public long overlapSecondsOfSorted(int[] starts, int[] ends, int from, int to, long base, long atLeast) {
    long[] b = bounds;
    int i = 0; // index of the first interval whose end is after the current start
    long total = 0;
    long remaining = 0;
    for (int k = from; k < to; k++) {
      remaining += (long) ends[k] - starts[k];
    }
    long previousStart = Long.MIN_VALUE;
    for (int k = from; k < to; k++) {
      long start = base + starts[k];
      long end = base + ends[k];
      if (start < previousStart) {
        throw Checks.fail("starts", "not in ascending order at index " + k);
      }
      previousStart = start;
      if (!covers(start, end)) {
        throw Checks.fail("interval", "[" + start + ", " + end + ") is outside the timeline window ["
            + from() + ", " + to() + ")");
      }
      while (i < b.length && b[i + 1] <= start) {
        i += 2;
      }
      for (int x = i; x < b.length && b[x] < end; x += 2) {
        total += Math.min(end, b[x + 1]) - Math.max(start, b[x]);
      }
      remaining -= end - start;
      if (total + remaining < atLeast) {
        return -1;
      }
    }
    return total;
  }

  static long[] normalize(long[] raw, int n) {
    int count = n / 2;
    long[][] pairs = new long[count][];
    for (int i = 0; i < count; i++) {
      pairs[i] = new long[] {raw[2 * i], raw[2 * i + 1]};
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    long[] out = new long[n];
    int m = 0;
    for (long[] p : pairs) {
      if (m > 0 && p[0] <= out[m - 1]) {
        out[m - 1] = Math.max(out[m - 1], p[1]);
      } else {
        out[m++] = p[0];
        out[m++] = p[1];
      }
    }
    return Arrays.copyOf(out, m);
  }
}
