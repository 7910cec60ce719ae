package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.matching.model.internal.Haversine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HaversineTest {

  private static final GeoPoint TOKYO_STATION = GeoPoint.of(35.681236, 139.767125);
  private static final GeoPoint OSAKA_STATION = GeoPoint.of(34.702485, 135.495951);
  private static final double HALF_CIRCUMFERENCE_KM = Math.PI * GeoPoint.EARTH_RADIUS_KM;

  /** Central angle by the spherical law of cosines: a formula independent of the haversine one. */
  private static double lawOfCosinesKm(GeoPoint a, GeoPoint b) {
    double p1 = Math.toRadians(a.latitude());
    double p2 = Math.toRadians(b.latitude());
    double dl = Math.toRadians(b.longitude() - a.longitude());
    return GeoPoint.EARTH_RADIUS_KM * Math.acos(Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl));
  }

  /**
   * Reference: the WGS84 ellipsoidal geodesic between the two stations is 403.83 km (Vincenty's
   * inverse formula, computed separately); the model works on a sphere of mean radius
   * 6371.0088 km, which gives 403.06 km. Both are within 1 km of the reference.
   */
  @Test
  void tokyoStationToOsakaStationIsAbout403Km() {
    double km = TOKYO_STATION.distanceKm(OSAKA_STATION);

    assertThat(km).isCloseTo(403.83, within(1.0));
    assertThat(km).isCloseTo(lawOfCosinesKm(TOKYO_STATION, OSAKA_STATION), within(1e-6));
  }

  @Test
  void geoPointDistanceIsTheHaversineOfItsCoordinates() {
    assertThat(TOKYO_STATION.distanceKm(OSAKA_STATION))
        .isEqualTo(Haversine.km(35.681236, 139.767125, 34.702485, 135.495951));
  }

  @ParameterizedTest(name = "({0}, {1})")
  @CsvSource({"0, 0", "35.681236, 139.767125", "90, 180", "-90, -180", "-33.8688, 151.2093"})
  void distanceFromAPointToItselfIsExactlyZero(double lat, double lng) {
    assertThat(Haversine.km(lat, lng, lat, lng)).isZero();
  }

  @Test
  void oneDegreeOfLatitudeAlongAMeridianIsAThreeHundredSixtiethOfTheCircumference() {
    assertThat(Haversine.km(35, 139, 36, 139)).isCloseTo(2 * HALF_CIRCUMFERENCE_KM / 360, within(1e-9));
  }

  @Test
  void quarterOfTheEquatorIsAQuarterOfTheCircumference() {
    assertThat(Haversine.km(0, 0, 0, 90)).isCloseTo(HALF_CIRCUMFERENCE_KM / 2, within(1e-9));
  }

  @ParameterizedTest(name = "({0}, {1}) to ({2}, {3})")
  @CsvSource({
      "0, 0, 0, 180",
      "0, -90, 0, 90",
      "90, 0, -90, 0",
      "35.681236, 139.767125, -35.681236, -40.232875",
      "-33.8688, 151.2093, 33.8688, -28.7907"})
  void antipodalPointsAreHalfTheCircumferenceApart(double lat1, double lng1, double lat2, double lng2) {
    assertThat(Haversine.km(lat1, lng1, lat2, lng2)).isCloseTo(HALF_CIRCUMFERENCE_KM, within(1e-6));
  }

  @Test
  void nearlyAntipodalPointsStayFiniteAndBelowHalfTheCircumference() {
    double km = Haversine.km(35.681236, 139.767125, -35.681236, -40.2328749999);
    assertThat(km).isFinite().isLessThanOrEqualTo(HALF_CIRCUMFERENCE_KM).isCloseTo(HALF_CIRCUMFERENCE_KM, within(1e-3));
  }

  @Test
  void distanceIsSymmetric() {
    assertThat(OSAKA_STATION.distanceKm(TOKYO_STATION)).isEqualTo(TOKYO_STATION.distanceKm(OSAKA_STATION));
  }

  @Test
  void longitudes180AndMinus180AreTheSameMeridian() {
    assertThat(Haversine.km(10, 180, 10, -180)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void lowerBoundIsZeroForAPointInsideTheRectangle() {
    assertThat(Haversine.lowerBoundKm(35.68, 139.76, 35, 36, 139, 140)).isZero();
  }

  @Test
  void lowerBoundDueNorthOfTheRectangleIsTheMeridianDistance() {
    double bound = Haversine.lowerBoundKm(36.5, 139.5, 35, 36, 139, 140);
    assertThat(bound).isLessThanOrEqualTo(Haversine.km(36.5, 139.5, 36, 139.5)).isCloseTo(55.6, within(0.1));
  }

  @Test
  void lowerBoundFromTokyoToARectangleAroundOsakaIsPositiveAndBelowTheDistance() {
    double bound = Haversine.lowerBoundKm(TOKYO_STATION.latitude(), TOKYO_STATION.longitude(), 34.6, 34.8, 135.4, 135.6);
    assertThat(bound).isGreaterThan(350).isLessThanOrEqualTo(TOKYO_STATION.distanceKm(OSAKA_STATION));
  }

  /** The nearest side of the rectangle is across the antimeridian: 20 degrees away, not 90. */
  @Test
  void lowerBoundTakesTheShorterWayAroundTheAntimeridian() {
    double bound = Haversine.lowerBoundKm(0, -170, -1, 1, 100, 170);
    assertThat(bound).isLessThanOrEqualTo(Haversine.km(0, -170, 0, 170));
  }

  @Test
  void lowerBoundIsZeroOnTheAntimeridianForARectangleStartingAtMinus180() {
    assertThat(Haversine.lowerBoundKm(0, 180, -1, 1, -180, -170)).isZero();
  }
}
