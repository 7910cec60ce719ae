package dev.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.matching.model.Availability;
import dev.matching.model.Job;
import dev.matching.model.PayPreference;
import dev.matching.model.Shift;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each factor formula at known points, and the policy's validation messages. */
class ScoringFormulaTest {
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

  @Nested
  class Distance {
    @Test
    void scoresOneUpToTheOffsetAndExactlyDecayAtOffsetPlusScale() {
      DistanceDecay d = new DistanceDecay(2, 5, 0.3);
      assertThat(d.score(0)).isEqualTo(1.0);
      assertThat(d.score(2)).isEqualTo(1.0);
      assertThat(d.score(7)).isCloseTo(0.3, offset(1e-15));
      // two scales out: decay^(2^2)
      assertThat(d.score(12)).isCloseTo(Math.pow(0.3, 4), offset(1e-15));
    }

    @Test
    void neverIncreasesWithDistance() {
      DistanceDecay d = DistanceDecay.ofDefaults();
      double previous = 1;
      for (double km = 0; km < 200; km += 0.37) {
        assertThat(d.score(km)).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
        previous = d.score(km);
      }
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 10, 0.5, 'distance.offsetKm: must be within [0, 20000], was -1.0'",
        "1, 0, 0.5, 'distance.scaleKm: must be greater than 0, was 0.0'",
        "1, 10, 1, 'distance.decay: must be within (0, 1), was 1.0'",
        "1, 10, 0, 'distance.decay: must be within (0, 1), was 0.0'",
        "1, NaN, 0.5, 'distance.scaleKm: must be a finite number, was NaN'"})
    void rejectsBadParameters(double offset, double scale, double decay, String message) {
      assertThatThrownBy(() -> new DistanceDecay(offset, scale, decay))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
  }

  @Nested
  class Pay {
    @Test
    void isOneSided() {
      PayDecay p = new PayDecay(100, 0.5);
      assertThat(p.score(1200, 1200)).isEqualTo(1.0);
      assertThat(p.score(1500, 1200)).isEqualTo(1.0);
      assertThat(p.score(1100, 1200)).isCloseTo(0.5, offset(1e-15));
      assertThat(p.score(1000, 1200)).isCloseTo(0.0625, offset(1e-15));
    }

    @Test
    void neverDecreasesAsPayRises() {
      PayDecay p = PayDecay.ofDefaults();
      double previous = 0;
      for (int yen = 500; yen < 2000; yen += 7) {
        assertThat(p.score(yen, 1300)).isGreaterThanOrEqualTo(previous);
        previous = p.score(yen, 1300);
      }
    }
  }

  static Job.Builder job() {
    return Job.builder("j1").employerId("e1").location(35.681236, 139.767125).hourlyPay(1200);
  }

  static Worker.Builder worker() {
    return Worker.builder("w1").home(35.681236, 139.767125).maxTravelKm(30);
  }

  @Nested
  class Skills {
    @Test
    void weightedLevelAwareCoverage() {
      Job j = job().prefer("接客", 4, 3).prefer("レジ", 2, 1).build();
      // 接客 at level 2 of 4 -> credit 0.5; レジ at 3 of 2 -> credit 1: (3 * 0.5 + 1 * 1) / 4
      Worker w = worker().skill("接客", 2).skill("レジ", 3).build();
      Explanation e = Scorer.of(ScoringPolicy.ofDefaults()).explain(w, j);
      assertThat(e.factor(Factor.SKILLS).score()).isCloseTo(2.5 / 4, offset(1e-15));
    }

    @Test
    void requiredSkillsAreHardWithReasons() {
      Job j = job().require("調理", 3).require("衛生管理", 1).build();
      Worker w = worker().skill("調理", 2).build();
      Explanation e = Scorer.of(ScoringPolicy.ofDefaults()).explain(w, j);
      assertThat(e.eligible()).isFalse();
      assertThat(e.rejections()).extracting(Rejection::reason)
          .containsExactly(RejectionReason.SKILL_LEVEL_TOO_LOW, RejectionReason.MISSING_REQUIRED_SKILL);
      assertThat(Scorer.of(ScoringPolicy.ofDefaults()).score(w, j)).isEmpty();
    }
  }

  @Nested
  class Schedule {
    @Test
    void overnightShiftHalfCoveredByAnEveningWindow() {
      // Mon 22:00 -> Tue 06:00 (8 h); available Mon 18:00-02:00 (overnight window) -> 4 h
      Job j = job().shift(Shift.of(MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0), TOKYO)).build();
      Worker w = worker().availability(Availability.weekly(TOKYO,
          List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "18:00", "02:00")))).build();
      Explanation e = Scorer.of(ScoringPolicy.ofDefaults()).explain(w, j);
      assertThat(e.factor(Factor.SCHEDULE).score()).isEqualTo(0.5);
      assertThat(e.factor(Factor.SCHEDULE).raw()).isEqualTo(0.5);
    }

    @Test
    void workerAndJobInDifferentZonesAreComparedInRealTime() {
      // Tokyo Tue 09:00-13:00 = LA Mon 16:00-20:00 (PST, UTC-8; Tokyo UTC+9)
      Job j = job().shift(Shift.of(MONDAY.plusDays(1), LocalTime.of(9, 0), LocalTime.of(13, 0), TOKYO)).build();
      Worker w = worker().availability(Availability.weekly(LA,
          List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "18:00", "23:00")))).build();
      Explanation e = Scorer.of(ScoringPolicy.ofDefaults()).explain(w, j);
      assertThat(e.factor(Factor.SCHEDULE).score()).isEqualTo(0.5);
    }

    @Test
    void daylightSavingChangeKeepsRealHours() {
      // 2026-11-01 is the US fall-back day: 00:00-04:00 local is 5 real hours
      Shift s = Shift.of(LocalDateTime.of(2026, 11, 1, 0, 0), LocalDateTime.of(2026, 11, 1, 4, 0), LA);
      assertThat(s.duration().toHours()).isEqualTo(5);
      Job j = job().shift(s).build();
      Worker w = worker().availability(Availability.weekly(LA,
          List.of(WeeklyWindow.of(DayOfWeek.SUNDAY, "00:00", "02:00")))).build();
      // 00:00-02:00 local on that day spans 3 real hours (01:00-02:00 happens twice)
      assertThat(Scorer.of(ScoringPolicy.ofDefaults()).explain(w, j).factor(Factor.SCHEDULE).score())
          .isCloseTo(3.0 / 5.0, offset(1e-15));
    }

    @Test
    void coverageBelowTheMinimumExcludes() {
      Job j = job().shift(Shift.of(MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO)).build();
      Worker w = worker().availability(Availability.weekly(TOKYO,
          List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "16:00", "20:00")))).build();
      ScoringPolicy p = ScoringPolicy.custom().minScheduleCoverage(0.25).build();
      Explanation e = Scorer.of(p).explain(w, j);
      assertThat(e.factor(Factor.SCHEDULE).score()).isEqualTo(0.125);
      assertThat(e.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.SCHEDULE_CONFLICT);
      assertThat(Scorer.of(p.toBuilder().minScheduleCoverage(0.1).build()).score(w, j)).isPresent();
    }
  }

  @Nested
  class HardConstraintsAndMissingData {
    @Test
    void everyViolationIsListedWithAMachineReadableReason() {
      Job j = job().location(34.702485, 135.495951).hourlyPay(1000).open(false).build();
      Worker w = worker().maxTravelKm(20).desiredPay(PayPreference.hard(1100)).active(false).build();
      Explanation e = Scorer.of(ScoringPolicy.ofDefaults()).explain(w, j);
      assertThat(e.rejections()).extracting(Rejection::reason).containsExactly(
          RejectionReason.WORKER_INACTIVE, RejectionReason.JOB_CLOSED, RejectionReason.TOO_FAR,
          RejectionReason.PAY_BELOW_FLOOR);
      assertThat(e.factor(Factor.DISTANCE).raw()).isCloseTo(403, offset(3.0));
      assertThat(e.factor(Factor.DISTANCE).unit()).isEqualTo("km");
      assertThat(e.rejections().get(2).detail()).contains("km is beyond the worker's limit of 20.0 km");
    }

    @Test
    void missingDataFollowsThePolicyPerFactor() {
      Job j = job().build(); // no shifts, no preferred skills
      Worker w = worker().home(null).build(); // no home, no availability, no desired pay
      ScoringPolicy defaults = ScoringPolicy.ofDefaults();
      Explanation e = Scorer.of(defaults).explain(w, j);
      assertThat(e.eligible()).isTrue();
      assertThat(e.factors()).allMatch(FactorExplanation::missing);
      assertThat(e.scores()).isEqualTo(new FactorScores(0.5, 1.0, 0.5, 1.0));
      assertThat(e.total()).isCloseTo(0.35 * 0.5 + 0.25 + 0.25 * 0.5 + 0.15, offset(1e-15));

      ScoringPolicy strict = defaults.toBuilder().missingData(Factor.DISTANCE, MissingData.exclude()).build();
      Explanation s = Scorer.of(strict).explain(w, j);
      assertThat(s.eligible()).isFalse();
      assertThat(s.rejections()).singleElement().satisfies(r -> {
        assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_DATA);
        assertThat(r.factor()).isEqualTo(Factor.DISTANCE);
      });
    }

    @Test
    void remoteJobsScoreOneOnDistanceEvenWithoutAHome() {
      Job j = job().remote().build();
      Explanation e = Scorer.of(ScoringPolicy.ofDefaults()).explain(worker().home(null).build(), j);
      assertThat(e.factor(Factor.DISTANCE).score()).isEqualTo(1.0);
      assertThat(e.factor(Factor.DISTANCE).missing()).isFalse();
    }

    @Test
    void factorFloorsExclude() {
      Job j = job().location(35.75, 139.767125).build(); // ~7.6 km north
      ScoringPolicy p = ScoringPolicy.custom().floor(Factor.DISTANCE, 0.9).build();
      Explanation e = Scorer.of(p).explain(worker().build(), j);
      assertThat(e.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.BELOW_FACTOR_FLOOR);
    }
  }

  @Nested
  class Totals {
    @Test
    void contributionsAddUpToTheTotalAndWeightsAreNormalized() {
      Job j = job().location(35.70, 139.70).prefer("接客", 3, 1)
          .shift(Shift.of(MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0), TOKYO)).hourlyPay(1150).build();
      Worker w = worker().skill("接客", 2).desiredPay(PayPreference.soft(1200))
          .availability(Availability.weekly(TOKYO, List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "10:00", "20:00")))).build();
      ScoringPolicy p = ScoringPolicy.custom().weights(2, 1, 1, 0).build();
      Explanation e = Scorer.of(p).explain(w, j);
      assertThat(e.factors()).extracting(FactorExplanation::weight).containsExactly(0.5, 0.25, 0.25, 0.0);
      double sum = e.factors().stream().mapToDouble(FactorExplanation::contribution).sum();
      assertThat(e.total()).isCloseTo(sum, offset(1e-15));
      assertThat(e.factor(Factor.SCHEDULE).score()).isEqualTo(0.75);
      assertThat(e.factor(Factor.PAY).raw()).isEqualTo(1150);
      assertThat(Scorer.of(p).score(w, j)).hasValueSatisfying(s -> assertThat(s.total()).isEqualTo(e.total()));
    }
  }

  @Nested
  class Policies {
    @Test
    void presetsAreNamedAndDifferInWeights() {
      assertThat(ScoringPolicy.presets()).containsKeys("balanced", "nearby", "pay_first", "schedule_first", "skills_first");
      assertThat(ScoringPolicy.preset("balanced")).isSameAs(ScoringPolicy.ofDefaults());
      assertThat(ScoringPolicy.preset("nearby").normalizedWeight(Factor.DISTANCE))
          .isGreaterThan(ScoringPolicy.ofDefaults().normalizedWeight(Factor.DISTANCE));
      assertThatThrownBy(() -> ScoringPolicy.preset("fastest"))
          .hasMessageStartingWith("preset: unknown \"fastest\", expected one of [balanced, nearby");
    }

    @Test
    void validationNamesTheProperty() {
      assertThatThrownBy(() -> ScoringPolicy.custom().weights(0, 0, 0, 0).build())
          .hasMessage("weights: must not all be 0");
      assertThatThrownBy(() -> ScoringPolicy.custom().weight(Factor.PAY, -1).build())
          .hasMessage("weights.pay: must be within [0, 1000], was -1.0");
      assertThatThrownBy(() -> ScoringPolicy.custom().floor(Factor.SKILLS, 1.5).build())
          .hasMessage("floors.skills: must be within [0, 1], was 1.5");
      assertThatThrownBy(() -> ScoringPolicy.custom().minScheduleCoverage(Double.NaN).build())
          .hasMessage("minScheduleCoverage: must be a finite number, was NaN");
      assertThatThrownBy(() -> MissingData.score(2)).hasMessage("missingData.score: must be within [0, 1], was 2.0");
    }

    @Test
    void toBuilderRoundTrips() {
      ScoringPolicy p = ScoringPolicy.preset("pay_first");
      assertThat(p.toBuilder().build()).isEqualTo(p);
      assertThat(p.toBuilder().floor(Factor.PAY, 0.1).build()).isNotEqualTo(p);
    }
  }
}
