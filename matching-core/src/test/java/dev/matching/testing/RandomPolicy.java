package dev.matching.testing;

import dev.matching.query.MatchFilter;
import dev.matching.scoring.DistanceDecay;
import dev.matching.scoring.Factor;
import dev.matching.scoring.MissingData;
import dev.matching.scoring.PayDecay;
import dev.matching.scoring.ScoringPolicy;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Random scoring policies and filters for property tests. */
public final class RandomPolicy {
  private RandomPolicy() {}

  public static ScoringPolicy policy(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    if (r.nextInt(3) == 0) {
      Object[] presets = ScoringPolicy.presets().values().toArray();
      return (ScoringPolicy) presets[r.nextInt(presets.length)];
    }
    ScoringPolicy.Builder b = ScoringPolicy.custom().name("random-" + seed);
    double[] w = new double[4];
    for (int i = 0; i < 4; i++) {
      w[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 3;
    }
    if (w[0] + w[1] + w[2] + w[3] == 0) {
      w[r.nextInt(4)] = 1;
    }
    b.weights(w[0], w[1], w[2], w[3]);
    for (Factor f : Factor.values()) {
      if (r.nextInt(5) == 0) {
        b.floor(f, r.nextDouble() * 0.6);
      }
      if (r.nextInt(4) == 0) {
        b.missingData(f, r.nextInt(3) == 0 ? MissingData.exclude() : MissingData.score(r.nextDouble()));
      }
    }
    b.distanceDecay(new DistanceDecay(r.nextDouble() * 3, 0.5 + r.nextDouble() * 20, 0.05 + r.nextDouble() * 0.9));
    b.payDecay(new PayDecay(10 + r.nextDouble() * 300, 0.05 + r.nextDouble() * 0.9));
    double[] coverages = {0, 0.1, 0.25, 0.5, 1};
    b.minScheduleCoverage(coverages[r.nextInt(coverages.length)]);
    return b.build();
  }

  public static MatchFilter filter(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 17 + 3);
    MatchFilter f = MatchFilter.none();
    if (r.nextInt(3) == 0) {
      Set<String> employers = new HashSet<>();
      employers.add("emp-" + r.nextInt(4));
      if (r.nextBoolean()) {
        employers.add("emp-" + r.nextInt(4));
      }
      f = f.withEmployers(employers);
    }
    if (r.nextInt(3) == 0) {
      f = f.withSkills(Set.of(r.nextBoolean() ? "接客" : "調理"));
    }
    if (r.nextInt(3) == 0) {
      Instant from = RandomMarket.START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          .plusSeconds(r.nextInt(14 * 24) * 3600L);
      f = f.withRange(from, from.plusSeconds((1 + r.nextInt(72)) * 3600L));
    }
    return f;
  }
}
