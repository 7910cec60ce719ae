package dev.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The policy's shortcuts for the decays (the logarithm computed once) give exactly what the
 * decays' documented {@code score} methods give, so explanations and rankings cannot disagree.
 */
class DecayProperties {

  @Property(tries = 2000)
  void distanceScoreIsTheDecaysScore(@ForAll @DoubleRange(min = 0, max = 50) double offset,
      @ForAll @DoubleRange(min = 0.01, max = 100) double scale, @ForAll @DoubleRange(min = 0.01, max = 0.99) double decay,
      @ForAll @DoubleRange(min = 0, max = 500) double km) {
    ScoringPolicy p = ScoringPolicy.custom().distanceDecay(new DistanceDecay(offset, scale, decay)).build();
    assertThat(p.distanceScore(km)).isEqualTo(p.distanceDecay().score(km));
  }

  @Property(tries = 2000)
  void payScoreIsTheDecaysScore(@ForAll @DoubleRange(min = 1, max = 5000) double scale,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double decay, @ForAll @IntRange(min = 0, max = 20_000) int pay,
      @ForAll @IntRange(min = 0, max = 20_000) int desired) {
    ScoringPolicy p = ScoringPolicy.custom().payDecay(new PayDecay(scale, decay)).build();
    assertThat(p.payScore(pay, desired)).isEqualTo(p.payDecay().score(pay, desired));
  }
}
