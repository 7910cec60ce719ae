package dev.matching.model;

import java.util.Arrays;

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
      throw new IllegalArgumentException("interval: [" + start + ", " + end + ") is outside the timeline window ["
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
