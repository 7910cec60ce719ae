package dev.matching.index;

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
}
