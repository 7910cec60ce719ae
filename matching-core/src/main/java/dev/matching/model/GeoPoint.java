package dev.matching.model;

import dev.matching.model.internal.Checks;
import dev.matching.model.internal.Haversine;

/**
 * A point on the earth in WGS84 degrees. Immutable and thread-safe.
 *
 * <p>Distances use {@link Haversine#km}, the one formula everything in matching uses, so the
 * same pair of points always yields the same distance, to the last bit.
 *
 * @param latitude degrees within [-90, 90]
 * @param longitude degrees within [-180, 180]
 */
public record GeoPoint(double latitude, double longitude) {

  /** Mean earth radius in kilometres, as used by the haversine formula. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /** Validates the coordinates; NaN, infinities and out-of-range values fail, naming the field. */
  public GeoPoint {
    Checks.finiteIn(latitude, -90, 90, "latitude");
    Checks.finiteIn(longitude, -180, 180, "longitude");
  }

  /** Creates a point from latitude and longitude in degrees. */
  public static GeoPoint of(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude);
  }

  /** Great-circle (haversine) distance to {@code other} in kilometres. */
  public double distanceKm(GeoPoint other) {
    return Haversine.km(latitude, longitude, other.latitude, other.longitude);
  }
}
