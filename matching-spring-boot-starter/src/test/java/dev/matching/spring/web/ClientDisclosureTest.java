package dev.matching.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.PayPreference;
import dev.matching.model.Worker;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.Factor;
import dev.matching.scoring.ScoringPolicy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The coarse profile and the rewording of {@link ClientDisclosure}, without a server. */
class ClientDisclosureTest {
  private final ClientDisclosure disclosure = new ClientDisclosure();

  @Property(tries = 500)
  void everyPointOfACellHasTheSameCentreWithinAboutHalfAKilometre(
      @ForAll @DoubleRange(min = -85, max = 85) double lat, @ForAll @DoubleRange(min = -179.9, max = 179.9) double lng,
      @ForAll @DoubleRange(min = -0.3, max = 0.3) double northKm, @ForAll @DoubleRange(min = -0.3, max = 0.3) double eastKm) {
    GeoPoint home = GeoPoint.of(lat, lng);
    GeoPoint centre = ClientDisclosure.cellCentre(home);
    assertThat(home.distanceKm(centre)).isLessThanOrEqualTo(0.71);
    assertThat(ClientDisclosure.cellCentre(centre)).isEqualTo(centre);
    double km = Math.PI * GeoPoint.EARTH_RADIUS_KM / 180;
    GeoPoint near = GeoPoint.of(Math.max(-90, Math.min(90, centre.latitude() + northKm / km)),
        Math.max(-180, Math.min(180, centre.longitude() + eastKm / (km * Math.cos(Math.toRadians(centre.latitude()))))));
    assertThat(ClientDisclosure.cellCentre(near)).isEqualTo(centre); // 0.3 km around the centre: same cell
  }

  @Test
  void cellsWorkAtThePolesAndTheAntimeridian() {
    for (GeoPoint p : new GeoPoint[] {GeoPoint.of(90, 180), GeoPoint.of(-90, -180), GeoPoint.of(89.9999, 0),
        GeoPoint.of(0, 180), GeoPoint.of(0, -180)}) {
      GeoPoint c = ClientDisclosure.cellCentre(p);
      assertThat(p.distanceKm(c)).isLessThanOrEqualTo(0.71);
    }
  }

  @Property(tries = 200)
  void theCoarseProfileRoundsTheLimitAndRoundsTheWishUp(
      @ForAll @DoubleRange(min = 0.01, max = 1000) double limit, @ForAll @IntRange(min = 0, max = 1_000_000) int wish) {
    Worker w = Worker.builder("w").home(35.68, 139.76).maxTravelKm(limit).desiredPay(PayPreference.hard(wish))
        .skill("cashier", 3).build();
    Worker c = disclosure.coarsen(w);
    assertThat(c.maxTravelKm()).isEqualTo(Math.max(1, Math.round(limit)));
    int shown = c.desiredPay().minHourlyYen();
    assertThat(shown % 100 == 0 || shown == 1_000_000).isTrue();
    assertThat(shown).isBetween(wish, wish + 99);
    assertThat(c.desiredPay().hard()).isTrue();
    assertThat(c.skills()).isEqualTo(w.skills());
    assertThat(c.home()).isEqualTo(ClientDisclosure.cellCentre(w.home()));
  }

  @Test
  void anExplanationNamesNeitherTheLimitNorTheWishAndItsTotalStillAddsUp() {
    Worker w = Worker.builder("w").home(35.6812, 139.7671).maxTravelKm(5.4).desiredPay(PayPreference.hard(1475)).build();
    Job far = Job.builder("j").employerId("acme").location(35.80, 139.7671).pay(new dev.matching.model.Pay(1300, 1300)).build();
    ScoringPolicy policy = ScoringPolicy.ofDefaults();
    Explanation e = disclosure.explain(w, far, policy);
    String text = e.toString();
    assertThat(text).doesNotContain("5.4", "5.0", "1475", "1500", "limit of", "wish of", "floor of");
    assertThat(e.factor(Factor.DISTANCE).raw()).isEqualTo(Math.rint(e.factor(Factor.DISTANCE).raw()));
    assertThat(e.factor(Factor.DISTANCE).detail()).matches("about \\d+ km from home");
    assertThat(e.rejections()).extracting(r -> r.reason().name()).containsExactlyInAnyOrder("TOO_FAR", "PAY_BELOW_FLOOR");
    double sum = e.factors().stream().mapToDouble(f -> f.contribution()).sum();
    assertThat(sum).isCloseTo(e.total(), org.assertj.core.data.Offset.offset(1e-12));
    // the shown scores are the coarse profile's, so two wishes in one step look the same
    Worker other = w.toBuilder().desiredPay(PayPreference.hard(1401)).build();
    assertThat(disclosure.explain(other, far, policy).factors()).isEqualTo(e.factors());
  }
}
