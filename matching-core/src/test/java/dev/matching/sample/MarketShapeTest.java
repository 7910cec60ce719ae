package dev.matching.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.matching.model.GeoPoint;
import dev.matching.model.InvalidArgumentException;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarketShapeTest {

  private static final int N = 4_000;
  private static final SampleMarketConfig BASE = SampleMarketConfig.custom().seed(7).jobs(N).workers(N).build();
  private static final SampleMarket SAMPLE = SampleMarket.generate(BASE);

  private static SampleMarket market(UnaryOperator<MarketShape.Builder> shape) {
    return SampleMarket.generate(BASE.toBuilder().shape(shape.apply(MarketShape.custom()).build()).build());
  }

  @Test
  void defaultsAreTheSamplesAndDocumented() {
    MarketShape s = MarketShape.ofDefaults();
    assertThat(s.metroJobShare()).isZero();
    assertThat(s.metroHomeShare()).isZero();
    assertThat(s.metroCenter()).isEqualTo(MarketShape.CENTRAL_TOKYO).isEqualTo(GeoPoint.of(35.6812, 139.7671));
    assertThat(s.metroSpreadKm()).isEqualTo(10.0);
    assertThat(s.medianTravelKm()).isEqualTo(9.0);
    assertThat(s.travelKmLogSigma()).isEqualTo(0.45);
    assertThat(s.minTravelKm()).isEqualTo(3.0);
    assertThat(s.maxTravelKm()).isEqualTo(30.0);
    assertThat(s.remoteJobShare()).isEqualTo(0.02);
    assertThat(s.noHomeShare()).isEqualTo(0.02);
    assertThat(s.noRequirementShare()).isZero();
    assertThat(s.duplicateJobShare()).isZero();
    assertThat(s.duplicateWorkerShare()).isZero();
    assertThat(s.unscheduledJobShare()).isEqualTo(0.01);
    assertThat(s.spotJobShare()).isEqualTo(0.20);
    assertThat(s.weekendsOnlyJobShare()).isEqualTo(0.12);
    assertThat(s.weeklyJobShare()).isCloseTo(0.67, within(1e-12));
    assertThat(MarketShape.custom().build()).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(SampleMarketConfig.ofDefaults().shape()).isSameAs(s);
  }

  @Test
  void builderSetsEveryFieldAndToBuilderCopiesThem() {
    MarketShape s = MarketShape.custom()
        .metroJobShare(0.7).metroHomeShare(0.6).metroCenter(GeoPoint.of(34.7025, 135.4959)).metroSpreadKm(4)
        .medianTravelKm(25).travelKmLogSigma(0).minTravelKm(1.5).maxTravelKm(150)
        .remoteJobShare(0.3).noHomeShare(0.4).noRequirementShare(0.5)
        .duplicateJobShare(0.6).duplicateWorkerShare(0.2)
        .unscheduledJobShare(0.1).spotJobShare(0.5).weekendsOnlyJobShare(0.4)
        .build();
    assertThat(s.metroJobShare()).isEqualTo(0.7);
    assertThat(s.metroHomeShare()).isEqualTo(0.6);
    assertThat(s.metroCenter()).isEqualTo(GeoPoint.of(34.7025, 135.4959));
    assertThat(s.metroSpreadKm()).isEqualTo(4.0);
    assertThat(s.medianTravelKm()).isEqualTo(25.0);
    assertThat(s.travelKmLogSigma()).isZero();
    assertThat(s.minTravelKm()).isEqualTo(1.5);
    assertThat(s.maxTravelKm()).isEqualTo(150.0);
    assertThat(s.remoteJobShare()).isEqualTo(0.3);
    assertThat(s.noHomeShare()).isEqualTo(0.4);
    assertThat(s.noRequirementShare()).isEqualTo(0.5);
    assertThat(s.duplicateJobShare()).isEqualTo(0.6);
    assertThat(s.duplicateWorkerShare()).isEqualTo(0.2);
    assertThat(s.unscheduledJobShare()).isEqualTo(0.1);
    assertThat(s.spotJobShare()).isEqualTo(0.5);
    assertThat(s.weekendsOnlyJobShare()).isEqualTo(0.4);
    assertThat(s.weeklyJobShare()).isZero();
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s).isNotEqualTo(MarketShape.ofDefaults());
    assertThat(s.toString()).startsWith("MarketShape[").contains("metroJobShare=0.7", "metroCenter=34.7025,135.4959",
        "maxTravelKm=150.0", "duplicateWorkerShare=0.2", "weekendsOnlyJobShare=0.4");
    assertThat(MarketShape.custom().metroShare(0.3).duplicateShare(0.4).build())
        .isEqualTo(MarketShape.custom().metroJobShare(0.3).metroHomeShare(0.3)
            .duplicateJobShare(0.4).duplicateWorkerShare(0.4).build());
  }

  @Test
  void everyFieldTakesPartInEquality() {
    MarketShape d = MarketShape.ofDefaults();
    List<MarketShape> changed = List.of(
        d.toBuilder().metroJobShare(0.1).build(), d.toBuilder().metroHomeShare(0.1).build(),
        d.toBuilder().metroCenter(GeoPoint.of(35, 139)).build(), d.toBuilder().metroSpreadKm(11).build(),
        d.toBuilder().medianTravelKm(10).build(), d.toBuilder().travelKmLogSigma(0.5).build(),
        d.toBuilder().minTravelKm(2).build(), d.toBuilder().maxTravelKm(31).build(),
        d.toBuilder().remoteJobShare(0.03).build(), d.toBuilder().noHomeShare(0.03).build(),
        d.toBuilder().noRequirementShare(0.1).build(), d.toBuilder().duplicateJobShare(0.1).build(),
        d.toBuilder().duplicateWorkerShare(0.1).build(), d.toBuilder().unscheduledJobShare(0.02).build(),
        d.toBuilder().spotJobShare(0.21).build(), d.toBuilder().weekendsOnlyJobShare(0.13).build());
    for (MarketShape c : changed) {
      assertThat(c).as(c.toString()).isNotEqualTo(d);
      assertThat(c.toString()).isNotEqualTo(d.toString());
    }
    assertThat(new HashSet<>(changed)).hasSize(changed.size());
  }

  static Stream<Arguments> invalidShapes() {
    return Stream.of(
        invalid(b -> b.metroJobShare(1.5), "metroJobShare: must be within [0, 1], was 1.5"),
        invalid(b -> b.metroHomeShare(-0.1), "metroHomeShare: must be within [0, 1], was -0.1"),
        invalid(b -> b.metroSpreadKm(0), "metroSpreadKm: must be within [0.1, 100], was 0.0"),
        invalid(b -> b.metroSpreadKm(101), "metroSpreadKm: must be within [0.1, 100], was 101.0"),
        invalid(b -> b.medianTravelKm(0), "medianTravelKm: must be greater than 0, was 0.0"),
        invalid(b -> b.medianTravelKm(Double.NaN), "medianTravelKm: must be a finite number, was NaN"),
        invalid(b -> b.travelKmLogSigma(-1), "travelKmLogSigma: must be within [0, 3], was -1.0"),
        invalid(b -> b.minTravelKm(0), "minTravelKm: must be greater than 0, was 0.0"),
        invalid(b -> b.maxTravelKm(1_001), "maxTravelKm: must be within [0, 1000], was 1001.0"),
        invalid(b -> b.minTravelKm(40), "maxTravelKm: must be at least minTravelKm (40.0), was 30.0"),
        invalid(b -> b.remoteJobShare(1.5), "remoteJobShare: must be within [0, 1], was 1.5"),
        invalid(b -> b.remoteJobShare(Double.NaN), "remoteJobShare: must be a finite number, was NaN"),
        invalid(b -> b.noHomeShare(2), "noHomeShare: must be within [0, 1], was 2.0"),
        invalid(b -> b.noRequirementShare(-1), "noRequirementShare: must be within [0, 1], was -1.0"),
        invalid(b -> b.duplicateJobShare(1.01), "duplicateJobShare: must be within [0, 1], was 1.01"),
        invalid(b -> b.duplicateWorkerShare(Double.POSITIVE_INFINITY),
            "duplicateWorkerShare: must be a finite number, was Infinity"),
        invalid(b -> b.unscheduledJobShare(-0.5), "unscheduledJobShare: must be within [0, 1], was -0.5"),
        invalid(b -> b.spotJobShare(0.9), "weekendsOnlyJobShare: unscheduledJobShare + spotJobShare"
            + " + weekendsOnlyJobShare must be at most 1, was 1.03"),
        invalid(MarketShapeTest::withoutCenter, "metroCenter: is required"));
  }

  @ParameterizedTest
  @MethodSource("invalidShapes")
  void invalidValuesFailNamingTheFieldAndValue(UnaryOperator<MarketShape.Builder> change, String message) {
    MarketShape.Builder builder = change.apply(MarketShape.custom());
    assertThatThrownBy(builder::build).isInstanceOf(InvalidArgumentException.class).hasMessage(message);
  }

  @Test
  void shiftPatternSharesMayFillTheWholeMarket() {
    MarketShape spotOnly = MarketShape.custom().unscheduledJobShare(0).spotJobShare(1).weekendsOnlyJobShare(0).build();
    assertThat(spotOnly.weeklyJobShare()).isZero();
    MarketShape thirds = MarketShape.custom().unscheduledJobShare(0.1).spotJobShare(0.2).weekendsOnlyJobShare(0.7)
        .build();
    assertThat(thirds.weeklyJobShare()).isZero();
  }

  @Test
  void aMetroShareOfOnePlacesEveryLocatedJobAndHomeAroundTheCentre() {
    GeoPoint osaka = GeoPoint.of(34.7025, 135.4959);
    SampleMarket m = market(b -> b.metroShare(1).metroCenter(osaka).metroSpreadKm(5));
    for (Job j : m.jobs()) {
      if (!j.remote()) {
        assertThat(j.location().distanceKm(osaka)).as(j.toString()).isLessThan(5 * 6);
        String where = j.title().substring(1, j.title().indexOf('】'));
        JapanPlace place = JapanPlaces.named(where).orElseThrow();
        assertThat(place.prefecture()).isIn(Prefecture.OSAKA, Prefecture.HYOGO, Prefecture.KYOTO, Prefecture.NARA);
      }
    }
    for (Worker w : m.workers()) {
      if (w.home() != null) {
        assertThat(w.home().distanceKm(osaka)).isLessThan(5 * 1.5 * 6);
      }
    }
    assertThat(share(m.jobs(), Job::remote)).isCloseTo(0.02, within(0.008));
  }

  @Test
  void aMetroShareMovesOnlyTheJobsAndHomesItSelects() {
    SampleMarket half = market(b -> b.metroShare(0.5));
    SampleMarket more = market(b -> b.metroShare(0.8));
    int moved = 0;
    for (int i = 0; i < N; i++) {
      Job sample = SAMPLE.jobs().get(i);
      Job j = half.jobs().get(i);
      if (!j.equals(sample)) {
        moved++;
        assertThat(j.location().distanceKm(MarketShape.CENTRAL_TOKYO)).isLessThan(60);
        // a job around the centre at 50% stays there at 80%
        assertThat(more.jobs().get(i)).isEqualTo(j);
      }
    }
    int placed = (int) SAMPLE.jobs().stream().filter(j -> !j.remote()).count();
    assertThat((double) moved / placed).isCloseTo(0.5, within(0.03));
    assertThat(share(half.workers(), w -> w.home() != null && w.home().distanceKm(MarketShape.CENTRAL_TOKYO) < 45))
        .isGreaterThan(0.5);
  }

  @Test
  void travelLimitsFollowTheirDistribution() {
    SampleMarket wide = market(b -> b.medianTravelKm(100).maxTravelKm(150));
    List<Double> km = wide.workers().stream().map(Worker::maxTravelKm).sorted().collect(Collectors.toList());
    assertThat(km.get(km.size() / 2)).isCloseTo(100.0, within(4.0));
    assertThat(km).allMatch(k -> k >= 3 && k <= 150);
    assertThat(km.get(km.size() - 1)).isEqualTo(150.0);
    SampleMarket fixed = market(b -> b.medianTravelKm(20).travelKmLogSigma(0));
    assertThat(fixed.workers()).allMatch(w -> w.maxTravelKm() == 20.0);
    SampleMarket narrow = market(b -> b.medianTravelKm(1).travelKmLogSigma(1).minTravelKm(0.5).maxTravelKm(2));
    assertThat(narrow.workers()).allMatch(w -> w.maxTravelKm() >= 0.5 && w.maxTravelKm() <= 2);
    // travel limits are drawn where they always were: the rest of every worker stays
    for (int i = 0; i < 200; i++) {
      assertThat(fixed.workers().get(i).toBuilder().maxTravelKm(1).build())
          .isEqualTo(SAMPLE.workers().get(i).toBuilder().maxTravelKm(1).build());
    }
  }

  @Test
  void remoteAndHomelessSharesAreAsConfigured() {
    SampleMarket m = market(b -> b.remoteJobShare(0.2).noHomeShare(0.15));
    assertThat(share(m.jobs(), Job::remote)).isCloseTo(0.2, within(0.02));
    assertThat(share(m.workers(), w -> w.home() == null)).isCloseTo(0.15, within(0.02));
    assertThat(market(b -> b.noHomeShare(1)).workers()).allMatch(w -> w.home() == null);
    assertThat(market(b -> b.noHomeShare(0)).workers()).allMatch(w -> w.home() != null);
  }

  @Test
  void noRequirementShareStripsRequirementsOnTopOfTheCategories() {
    double base = share(SAMPLE.jobs(), j -> j.requiredSkills().isEmpty());
    assertThat(base).isCloseTo(0.69, within(0.03));
    SampleMarket half = market(b -> b.noRequirementShare(0.5));
    assertThat(share(half.jobs(), j -> j.requiredSkills().isEmpty())).isCloseTo(0.5 + 0.5 * base, within(0.03));
    for (int i = 0; i < N; i++) {
      Job sample = SAMPLE.jobs().get(i);
      Job j = half.jobs().get(i);
      // only the requirements change
      assertThat(j.toBuilder().requiredSkills(List.of()).build())
          .isEqualTo(sample.toBuilder().requiredSkills(List.of()).build());
      assertThat(j.requiredSkills()).isIn(sample.requiredSkills(), List.of());
    }
    assertThat(market(b -> b.noRequirementShare(1)).jobs()).allMatch(j -> j.requiredSkills().isEmpty());
  }

  @Test
  void duplicatesCopyAnEarlierEntityButTheirId() {
    SampleMarket m = market(b -> b.duplicateJobShare(0.5).duplicateWorkerShare(0.3));
    int jobCopies = 0;
    Set<JobContent> seenJobs = new HashSet<>();
    for (int i = 0; i < N; i++) {
      Job j = m.jobs().get(i);
      assertThat(j.id()).isEqualTo(SAMPLE.jobs().get(i).id());
      if (j.equals(SAMPLE.jobs().get(i))) {
        seenJobs.add(JobContent.of(j));
      } else {
        assertThat(seenJobs).as(j.toString()).contains(JobContent.of(j));
        jobCopies++;
      }
    }
    assertThat((double) jobCopies / N).isCloseTo(0.5, within(0.03));
    int workerCopies = 0;
    Set<WorkerContent> seenWorkers = new HashSet<>();
    for (int i = 0; i < N; i++) {
      Worker w = m.workers().get(i);
      WorkerContent anonymous = WorkerContent.of(w);
      if (w.equals(SAMPLE.workers().get(i))) {
        seenWorkers.add(anonymous);
      } else {
        assertThat(seenWorkers).as(w.toString()).contains(anonymous);
        workerCopies++;
      }
    }
    assertThat((double) workerCopies / N).isCloseTo(0.3, within(0.03));
    assertThat(m.jobs().get(0)).isEqualTo(SAMPLE.jobs().get(0));
    assertThat(market(b -> b.duplicateJobShare(1)).jobs())
        .allMatch(j -> JobContent.of(j).equals(JobContent.of(SAMPLE.jobs().get(0))));
  }

  @Test
  void shiftPatternsFollowTheirShares() {
    SampleMarket spot = market(b -> b.unscheduledJobShare(0).spotJobShare(1).weekendsOnlyJobShare(0));
    assertThat(spot.jobs()).allMatch(j -> j.shifts().size() >= 1 && j.shifts().size() <= 3);
    assertThat(spot.jobs()).allMatch(j -> j.title().contains("単発"));
    SampleMarket weekends = market(b -> b.unscheduledJobShare(0.5).spotJobShare(0).weekendsOnlyJobShare(0.5));
    assertThat(share(weekends.jobs(), j -> j.shifts().isEmpty())).isCloseTo(0.5, within(0.03));
    assertThat(weekends.jobs()).allMatch(j -> j.shifts().isEmpty() || j.title().contains("土日のみ"));
  }

  @Test
  void aShapedMarketIsDeterministicAndIndependentOfItsSize() {
    MarketShape shape = MarketShape.custom().metroShare(0.6).noRequirementShare(0.3).duplicateShare(0.4)
        .remoteJobShare(0.1).noHomeShare(0.1).medianTravelKm(40).maxTravelKm(100).build();
    SampleMarketConfig config = BASE.toBuilder().shape(shape).build();
    SampleMarket m = SampleMarket.generate(config);
    assertThat(SampleMarket.generate(config).jobs()).isEqualTo(m.jobs());
    SampleMarket small = SampleMarket.generate(config.toBuilder().jobs(500).workers(300).build());
    assertThat(small.jobs()).isEqualTo(m.jobs().subList(0, 500));
    assertThat(small.workers()).isEqualTo(m.workers().subList(0, 300));
    assertThat(SampleMarket.streamJobs(config).parallel().collect(Collectors.toList())).isEqualTo(m.jobs());
    assertThat(SampleMarket.streamWorkers(config).parallel().collect(Collectors.toList())).isEqualTo(m.workers());
    assertThat(m.config().shape()).isEqualTo(shape);
  }

  private static <T> double share(List<T> items, Predicate<? super T> test) {
    return (double) items.stream().filter(test).count() / items.size();
  }

  /** Passes null to the non-null parameter, as a caller without null checking might. */
  private static MarketShape.Builder withoutCenter(MarketShape.Builder b) {
    GeoPoint none = null;
    return b.metroCenter(none);
  }

  private static Arguments invalid(UnaryOperator<MarketShape.Builder> change, String message) {
    return Arguments.of(change, message);
  }

  /** Every field of a worker but its id. */
  private record WorkerContent(Object home, double maxTravelKm, Object skills, Object availability,
      Object desiredPay, Object desiredHours, boolean active) {
    static WorkerContent of(Worker w) {
      return new WorkerContent(Objects.requireNonNullElse(w.home(), "none"), w.maxTravelKm(), w.skills(),
          Objects.requireNonNullElse(w.availability(), "none"), Objects.requireNonNullElse(w.desiredPay(), "none"),
          Objects.requireNonNullElse(w.desiredHoursPerWeek(), "none"), w.active());
    }
  }

  /** Every field of a job but its id. */
  private record JobContent(String employerId, String title, Object location, Object required, Object preferred,
      Object shifts, Object pay, int headcount, boolean open) {
    static JobContent of(Job j) {
      return new JobContent(j.employerId(), j.title(), Objects.requireNonNullElse(j.location(), "remote"),
          j.requiredSkills(), j.preferredSkills(), j.shifts(), j.pay(), j.headcount(), j.open());
    }
  }
}
