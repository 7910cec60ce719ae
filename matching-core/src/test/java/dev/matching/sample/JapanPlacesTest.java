package dev.matching.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.matching.model.GeoPoint;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JapanPlacesTest {

  @Test
  void everyPrefectureHasAPlace() {
    Set<Prefecture> covered = JapanPlaces.all().stream().map(JapanPlace::prefecture)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Prefecture.class)));
    assertThat(covered).containsExactlyInAnyOrder(Prefecture.values());
    assertThat(Prefecture.values()).hasSize(47);
    assertThat(JapanPlaces.all()).hasSizeGreaterThanOrEqualTo(60);
  }

  @Test
  void namesAreUniqueAndFound() {
    assertThat(JapanPlaces.all()).extracting(JapanPlace::name).doesNotHaveDuplicates();
    assertThat(JapanPlaces.all()).extracting(JapanPlace::romaji).doesNotHaveDuplicates();
    for (JapanPlace place : JapanPlaces.all()) {
      assertThat(JapanPlaces.named(place.name())).containsSame(place);
    }
    assertThat(JapanPlaces.named("Atlantis")).isEmpty();
  }

  @Test
  void wellKnownPlacesAreWhereTheyShouldBe() {
    assertClose("新宿", 35.690, 139.700);
    assertClose("梅田", 34.702, 135.496);
    assertClose("札幌", 43.062, 141.354);
    assertClose("那覇", 26.212, 127.679);
    assertThat(GeoPoint.of(35.6812, 139.7671).distanceKm(JapanPlaces.named("新宿").orElseThrow().center()))
        .isCloseTo(6.2, within(0.5));
    assertThat(GeoPoint.of(35.6812, 139.7671).distanceKm(JapanPlaces.named("梅田").orElseThrow().center()))
        .isCloseTo(403, within(5.0));
  }

  @Test
  void placesAreInJapanWithTheirPrefecturesMinimumWage() {
    for (JapanPlace p : JapanPlaces.all()) {
      assertThat(p.center().latitude()).isBetween(24.0, 46.0);
      assertThat(p.center().longitude()).isBetween(122.0, 146.0);
      assertThat(p.spreadKm()).isBetween(1.0, 8.0);
    }
    assertThat(Prefecture.TOKYO.minimumWageYen()).isEqualTo(1163);
    assertThat(Prefecture.KANAGAWA.minimumWageYen()).isEqualTo(1162);
    assertThat(Prefecture.OSAKA.minimumWageYen()).isEqualTo(1114);
    assertThat(Prefecture.AICHI.minimumWageYen()).isEqualTo(1077);
    assertThat(Prefecture.lowestMinimumWageYen()).isEqualTo(951);
    assertThat(Prefecture.TOKYO.japaneseName()).isEqualTo("東京都");
  }

  @Test
  void invalidPlacesAreRejected() {
    assertThatThrownBy(() -> new JapanPlace("x", "x", Prefecture.TOKYO, GeoPoint.of(35, 139), 0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("place.weight: must be greater than 0, was 0.0");
  }

  private static void assertClose(String name, double latitude, double longitude) {
    GeoPoint center = JapanPlaces.named(name).orElseThrow().center();
    assertThat(center.latitude()).as(name).isCloseTo(latitude, within(0.01));
    assertThat(center.longitude()).as(name).isCloseTo(longitude, within(0.01));
  }
}
