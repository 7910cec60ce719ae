package dev.matching.index;

import dev.matching.model.internal.Checks;
import java.util.Arrays;

/**
 * Hilbert-curve keys of latitude/longitude, so that sorting by key puts nearby points in
 * nearby positions and fixed-size blocks of the order cover small areas. Stateless.
 */
final class SpatialOrder {
  private static final int ORDER = 16;

  private SpatialOrder() {}

  /** The Hilbert key of a point on a 2^16 x 2^16 grid over the whole globe. */
  static long key(double lat, double lng) {
    int n = 1 << ORDER;
    int x = (int) Math.min(n - 1, Math.max(0, (lng + 180.0) / 360.0 * n));
    int y = (int) Math.min(n - 1, Math.max(0, (lat + 90.0) / 180.0 * n));
    long d = 0;
    for (int s = n >>> 1; s > 0; s >>>= 1) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += (long) s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  /**
   * Positions {@code 0..n-1} sorted by {@code cells[i]} (a key of at most 33 bits: 0 for no
   * location, else 1 + {@link #key}), ties in position order. Sorts packed longs, not objects.
   */
  static int[] sortedPositions(long[] cells) {
    int n = cells.length;
    if (n >= 1 << 30) {
      throw Checks.fail("entries", "a segment holds fewer than 2^30 entries, got " + n);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (cells[i] << 30) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & ((1 << 30) - 1));
    }
    return order;
  }
}
