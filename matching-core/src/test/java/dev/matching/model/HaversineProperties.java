package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.matching.model.internal.Haversine;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class HaversineProperties {

  /** A latitude/longitude rectangle not crossing the antimeridian. */
  record Rect(double minLat, double maxLat, double minLng, double maxLng) {

    /** The point at fractions {@code fy} of the height and {@code fx} of the width, clamped inside. */
    double[] at(double fy, double fx) {
      return new double[] {
          Math.min(maxLat, minLat + fy * (maxLat - minLat)),
          Math.min(maxLng, minLng + fx * (maxLng - minLng))};
    }

    double lowerBoundFrom(double lat, double lng) {
      return Haversine.lowerBoundKm(lat, lng, minLat, maxLat, minLng, maxLng);
    }
  }

  @Provide
  Arbitrary<Double> latitudes() {
    return Arbitraries.doubles().between(-90, 90);
  }

  @Provide
  Arbitrary<Double> longitudes() {
    return Arbitraries.doubles().between(-180, 180);
  }

  /** Anything from a whole-earth band to a grid cell of a few hundred metres. */
  @Provide
  Arbitrary<Rect> rectangles() {
    Arbitrary<Rect> anySize = Combinators.combine(latitudes(), latitudes(), longitudes(), longitudes())
        .as((lat1, lat2, lng1, lng2) -> new Rect(Math.min(lat1, lat2), Math.max(lat1, lat2),
            Math.min(lng1, lng2), Math.max(lng1, lng2)));
    Arbitrary<Double> cellSize = Arbitraries.doubles().between(0, 0.5);
    Arbitrary<Rect> cell = Combinators.combine(
            Arbitraries.doubles().between(-90, 89.5), Arbitraries.doubles().between(-180, 179.5), cellSize, cellSize)
        .as((lat, lng, h, w) -> new Rect(lat, lat + h, lng, lng + w));
    return Arbitraries.oneOf(anySize, cell);
  }

  @Property(tries = 2000)
  void lowerBoundNeverExceedsTheDistanceToAnyPointOfTheRectangle(
      @ForAll("latitudes") double lat,
      @ForAll("longitudes") double lng,
      @ForAll("rectangles") Rect rect,
      @ForAll @DoubleRange(min = 0, max = 1) double fy,
      @ForAll @DoubleRange(min = 0, max = 1) double fx) {
    double bound = rect.lowerBoundFrom(lat, lng);
    List<double[]> samples = List.of(
        rect.at(0, 0), rect.at(0, 1), rect.at(1, 0), rect.at(1, 1),
        rect.at(0, fx), rect.at(1, fx), rect.at(fy, 0), rect.at(fy, 1),
        rect.at(fy, fx));
    for (double[] p : samples) {
      assertThat(bound)
          .as("bound from (%s, %s) vs point (%s, %s) of %s", lat, lng, p[0], p[1], rect)
          .isLessThanOrEqualTo(Haversine.km(lat, lng, p[0], p[1]));
    }
  }

  @Property
  void lowerBoundIsZeroForAnyPointInsideTheRectangle(
      @ForAll("rectangles") Rect rect,
      @ForAll @DoubleRange(min = 0, max = 1) double fy,
      @ForAll @DoubleRange(min = 0, max = 1) double fx) {
    double[] p = rect.at(fy, fx);
    assertThat(rect.lowerBoundFrom(p[0], p[1])).isZero();
  }

  /**
   * Symmetric to rounding: nearby points take the second latitude's cosine from the first's, so
   * the two directions may differ in the last bits (matching always measures from the worker).
   */
  @Property
  void distanceIsSymmetric(
      @ForAll("latitudes") double lat1, @ForAll("longitudes") double lng1,
      @ForAll("latitudes") double lat2, @ForAll("longitudes") double lng2) {
    double km = Haversine.km(lat1, lng1, lat2, lng2);
    assertThat(Haversine.km(lat2, lng2, lat1, lng1)).isCloseTo(km, within(1e-12 * km + 1e-12));
  }

  /** Agrees with the atan2 (Vincenty, spherical) form of the central angle, which is accurate everywhere. */
  @Property
  void distanceAgreesWithAnIndependentFormulaAndNeverExceedsHalfTheCircumference(
      @ForAll("latitudes") double lat1, @ForAll("longitudes") double lng1,
      @ForAll("latitudes") double lat2, @ForAll("longitudes") double lng2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lng2 - lng1);
    double y = Math.hypot(Math.cos(p2) * Math.sin(dl), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
    double x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
    double expected = GeoPoint.EARTH_RADIUS_KM * Math.atan2(y, x);

    double km = Haversine.km(lat1, lng1, lat2, lng2);

    assertThat(km).isCloseTo(expected, within(1e-3)).isBetween(0.0, Math.PI * GeoPoint.EARTH_RADIUS_KM);
  }

  /**
   * The distance agrees with the textbook formula computed with {@link Math}'s functions to
   * about 1e-12 (the series used for nearby points are exact to double precision), near and far,
   * and the variant with a precomputed first latitude gives the same bits.
   */
  @Property(tries = 3000)
  void distanceAgreesWithTheTextbookFormula(@ForAll("latitudes") double lat, @ForAll("longitudes") double lng,
      @ForAll @DoubleRange(min = -1, max = 1) double dLat, @ForAll @DoubleRange(min = -1, max = 1) double dLng,
      @ForAll boolean nearby) {
    double scale = nearby ? 0.5 : 90;
    double lat2 = Math.max(-90, Math.min(90, lat + dLat * scale));
    double lng2 = Math.max(-180, Math.min(180, lng + dLng * scale * 2));
    double km = Haversine.km(lat, lng, lat2, lng2);
    double p1 = Math.toRadians(lat);
    double p2 = Math.toRadians(lat2);
    double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
        + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lng2 - lng) / 2), 2);
    double textbook = 2 * GeoPoint.EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
    assertThat(km).isCloseTo(textbook, within(1e-12 * textbook + 1e-9));
    assertThat(Haversine.km(p1, Math.sin(p1), Math.cos(p1), lng, lat2, lng2)).isEqualTo(km);
  }
}
