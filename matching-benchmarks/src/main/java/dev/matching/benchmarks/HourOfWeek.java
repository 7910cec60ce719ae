package dev.matching.benchmarks;

import dev.matching.model.Shift;
import dev.matching.model.internal.Timeline;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Hour-of-week slots (168, counted in UTC hours from the epoch) for the Lucene peer's schedule
 * bound: a job's shift time is stored as its share per slot, and a worker's availability as the
 * slots it touches, so the shares in those slots bound the coverage from above. The same idea
 * as the engine's range bounds. Stateless.
 */
final class HourOfWeek {
  static final int SLOTS = 168;
  private static final int ENTRY_BYTES = 1 + 4;

  private HourOfWeek() {}

  private static int slot(long epochSecond) {
    return (int) Math.floorMod(Math.floorDiv(epochSecond, 3600L), (long) SLOTS);
  }

  /** The shares of {@code shifts}' total time per slot, as (slot, share rounded up) entries. */
  static byte[] encodeShares(List<Shift> shifts) {
    double[] share = new double[SLOTS];
    long total = 0;
    for (Shift s : shifts) {
      total += s.end().getEpochSecond() - s.start().getEpochSecond();
    }
    for (Shift shift : shifts) {
      long s = shift.start().getEpochSecond();
      long e = shift.end().getEpochSecond();
      while (s < e) {
        long until = Math.min(e, Math.floorDiv(s, 3600L) * 3600L + 3600L);
        share[slot(s)] += (double) (until - s) / total;
        s = until;
      }
    }
    int used = 0;
    for (double x : share) {
      used += x > 0 ? 1 : 0;
    }
    ByteBuffer out = ByteBuffer.allocate(used * ENTRY_BYTES);
    for (int h = 0; h < SLOTS; h++) {
      if (share[h] > 0) {
        float f = (float) share[h];
        out.put((byte) h).putFloat(f < share[h] ? Math.nextUp(f) : f);
      }
    }
    return out.array();
  }

  /** The slots any interval of {@code timeline} touches, or null without a timeline. */
  static boolean @Nullable [] available(@Nullable Timeline timeline) {
    if (timeline == null) {
      return null;
    }
    boolean[] available = new boolean[SLOTS];
    long[] bounds = timeline.bounds();
    for (int i = 0; i < bounds.length; i += 2) {
      long end = bounds[i + 1];
      int count = 0;
      for (long h = Math.floorDiv(bounds[i], 3600L); h * 3600L < end && count < SLOTS; h++, count++) {
        available[(int) Math.floorMod(h, (long) SLOTS)] = true;
      }
    }
    return available;
  }

  /** An upper bound of the coverage: the encoded shares in available slots, capped at 1. */
  static double coverageBound(BytesRef shares, boolean[] available) {
    double sum = 0;
    for (int i = shares.offset; i < shares.offset + shares.length; i += ENTRY_BYTES) {
      if (available[shares.bytes[i] & 0xff]) {
        sum += Float.intBitsToFloat(((shares.bytes[i + 1] & 0xff) << 24) | ((shares.bytes[i + 2] & 0xff) << 16)
            | ((shares.bytes[i + 3] & 0xff) << 8) | (shares.bytes[i + 4] & 0xff));
      }
    }
    return Math.min(1.0, sum * (1 + 1e-6) + 1e-9);
  }
}
