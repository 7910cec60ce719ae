package dev.matching.model.internal;

import dev.matching.model.GeoPoint;

/**
 * The great-circle distance formula used everywhere in matching, and its conservative lower
 * bound for a latitude/longitude rectangle (used by the indexes to prune grid cells).
 *
 * <p>Stateless and thread-safe.
 */
public final class Haversine {

  private static final double R2 = 2 * GeoPoint.EARTH_RADIUS_KM;

  private Haversine() {}

  /** Haversine distance in kilometres between two points given in degrees. */
  public static double km(double lat1, double lng1, double lat2, double lng2) {
    double p1 = Math.toRadians(lat1);
    return km(p1, Math.sin(p1), Math.cos(p1), lng1, lat2, lng2);
  }

  /**
   * {@link #km(double, double, double, double)} for a caller that measures from one point many
   * times: the first point's latitude is given in radians ({@code Math.toRadians(lat1)}) with
   * its {@link Math#sin} and {@link Math#cos}, and the result is the same to the last bit.
   *
   * <p>Nearby points (under about 60 km apart in latitude and 120 km in longitude, nearly every
   * pair the indexes score) need no trigonometric call: the sines of the small half-differences,
   * and the second cosine through {@code cos(p1 + d) = cos p1 cos d - sin p1 sin d}, come from
   * Taylor series whose remainders are far below one ulp.
   */
  public static double km(double lat1Radians, double sinLat1, double cosLat1, double lng1, double lat2, double lng2) {
    double lat2Radians = Math.toRadians(lat2);
    double dLat = lat2Radians - lat1Radians;
    double sinDLat = sin(dLat * 0.5);
    double sinDLng = sin(Math.toRadians(lng2 - lng1) * 0.5);
    double cosLat2 = Math.abs(dLat) < SMALL
        ? cosLat1 * cos(dLat) - sinLat1 * sin(dLat)
        : Math.cos(lat2Radians);
    double h = sinDLat * sinDLat + cosLat1 * cosLat2 * sinDLng * sinDLng;
    return R2 * asin(Math.sqrt(Math.min(1.0, h)));
  }

  /** Radians below which the series below are exact to double precision. */
  private static final double SMALL = 0.01;

  /** {@code sin(x)}: a Taylor series to x^7 for |x| < 0.01 (remainder below 1e-22 of it), else {@link Math#sin}. */
  static double sin(double x) {
    if (!(Math.abs(x) < SMALL)) {
      return Math.sin(x);
    }
    double x2 = x * x;
    return x - x * x2 * (1.0 / 6 - x2 * (1.0 / 120 - x2 * (1.0 / 5040)));
  }

  /** {@code cos(x)}: a Taylor series to x^8 for |x| < 0.01 (remainder below 1e-26), else {@link Math#cos}. */
  static double cos(double x) {
    if (!(Math.abs(x) < SMALL)) {
      return Math.cos(x);
    }
    double x2 = x * x;
    return 1 - x2 * (0.5 - x2 * (1.0 / 24 - x2 * (1.0 / 720 - x2 * (1.0 / 40320))));
  }

  /**
   * {@code asin(x)} for x in [0, 1]. Below 0.01 (distances under about 127 km, nearly every pair
   * the indexes score) by its Taylor series to the x^9 term, whose remainder is below 1e-21 of the
   * result, so it agrees with {@link Math#asin} to the last bit or one ulp, at a fraction of the
   * cost; above, {@link Math#asin} itself.
   */
  static double asin(double x) {
    if (x >= 0.01) {
      return Math.asin(x);
    }
    double x2 = x * x;
    return x + x * x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112 + x2 * (35.0 / 1152))));
  }

  /**
   * A lower bound, in kilometres, of the distance from a point to any point of the rectangle
   * {@code [minLat, maxLat] x [minLng, maxLng]} (degrees, not crossing the antimeridian).
   *
   * <p>It uses {@code hav(d) = hav(dLat) + cos(lat1) cos(lat2) hav(dLng)} with each term replaced
   * by its minimum over the rectangle, so it never exceeds the true distance; a small relative
   * margin absorbs floating-point rounding.
   */
  public static double lowerBoundKm(
      double lat, double lng, double minLat, double maxLat, double minLng, double maxLng) {
    double dLat = lat < minLat ? minLat - lat : (lat > maxLat ? lat - maxLat : 0.0);
    // Outside the longitude range the nearest edge may lie either way round the antimeridian.
    double dLng = lng < minLng || lng > maxLng
        ? Math.min(circularDegrees(lng - minLng), circularDegrees(lng - maxLng))
        : 0.0;
    double sinDLat = Math.sin(Math.toRadians(dLat) * 0.5);
    double sinDLng = Math.sin(Math.toRadians(dLng) * 0.5);
    double minCos = Math.min(Math.cos(Math.toRadians(minLat)), Math.cos(Math.toRadians(maxLat)));
    double h = sinDLat * sinDLat
        + Math.cos(Math.toRadians(lat)) * Math.max(0.0, minCos) * sinDLng * sinDLng;
    double d = R2 * Math.asin(Math.sqrt(Math.min(1.0, h)));
    return Math.max(0.0, d * (1 - 1e-9) - 1e-9);
  }

  /** The shorter way round between two longitudes {@code difference} degrees apart, in [0, 180]. */
  private static double circularDegrees(double difference) {
    double d = Math.abs(difference) % 360;
    return d > 180 ? 360 - d : d;
  }
}
