package dev.matching.index;

import dev.matching.model.internal.Timeline;
import dev.matching.scoring.internal.JobColumns;

/**
 * Hour-of-week slots (168 per week, counted in UTC from the epoch) used to bound schedule
 * coverage: a job's shift seconds falling in slots where a worker is never available cannot be
 * covered. Stateless and thread-safe.
 */
final class HourSlots {
  static final int SLOTS = 168;

  private HourSlots() {}

  static int slot(long epochSecond) {
    return (int) Math.floorMod(Math.floorDiv(epochSecond, 3600L), (long) SLOTS);
  }

  /**
   * A 12-bit schedule pattern of shifts: the hour of the day (UTC) the first shift starts at
   * {@code firstStart}, then {@code weekdays}, the days of the week any shift starts on
   * ({@link #weekday} bits). Jobs with equal patterns put their shift time in the same slots
   * when their shifts last alike.
   */
  static long pattern(long firstStart, int weekdays) {
    return (Math.floorMod(Math.floorDiv(firstStart, 3600L), 24L) << 7) | weekdays;
  }

  /** The bit of the day of the week (UTC) of {@code epochSecond}, for {@link #pattern}. */
  static int weekday(long epochSecond) {
    return 1 << (int) Math.floorMod(Math.floorDiv(epochSecond, 86_400L), 7L);
  }

  /**
   * Adds to {@code frac} (168 entries) the share of job {@code j}'s shift time in each slot;
   * returns false (and adds nothing) when the job has no shifts.
   */
  static boolean jobFractions(JobColumns c, int j, double[] frac) {
    int n = c.shiftCount(j);
    if (n == 0) {
      return false;
    }
    long total = 0;
    for (int k = 0; k < n; k++) {
      total += c.shiftEnd(j, k) - c.shiftStart(j, k);
    }
    for (int k = 0; k < n; k++) {
      long s = c.shiftStart(j, k);
      long e = c.shiftEnd(j, k);
      while (s < e) {
        long hourEnd = Math.floorDiv(s, 3600L) * 3600L + 3600L;
        long until = Math.min(e, hourEnd);
        frac[slot(s)] += (double) (until - s) / total;
        s = until;
      }
    }
    return true;
  }

  /** The slots touched by any interval of {@code t}, as a 3-long bit mask. */
  static long[] mask(Timeline t) {
    long[] mask = new long[3];
    long[] b = t.bounds();
    for (int i = 0; i < b.length; i += 2) {
      long s = b[i];
      long e = b[i + 1];
      int count = 0;
      for (long h = Math.floorDiv(s, 3600L); h * 3600L < e && count < SLOTS; h++, count++) {
        int slot = (int) Math.floorMod(h, (long) SLOTS);
        mask[slot >>> 6] |= 1L << (slot & 63);
      }
    }
    return mask;
  }

  static boolean has(long[] mask, int slot) {
    return (mask[slot >>> 6] & (1L << (slot & 63))) != 0;
  }

  /** Rounds a share up to 1/255 steps for compact storage; never below the share. */
  static byte quantizeUp(double share) {
    int q = (int) Math.ceil(Math.min(1.0, share) * 255.0 - 1e-9);
    if (q / 255.0 < share) {
      q++;
    }
    return (byte) Math.min(255, q);
  }

  static double dequantize(byte q) {
    return (q & 0xff) / 255.0;
  }
}
