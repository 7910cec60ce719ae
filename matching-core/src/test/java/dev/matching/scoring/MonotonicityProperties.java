package dev.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Availability;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import dev.matching.testing.RandomMarket;
import dev.matching.testing.RandomPolicy;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Each factor is monotonic, and so is the total: a closer job, a better-paid job, or a worker
 * available for more of the shifts never scores lower and is never excluded where the other
 * was not. Checked under random policies.
 */
class MonotonicityProperties {

  private static Optional<Double> total(Scorer s, Worker w, Job j) {
    return s.score(w, j).map(Score::total);
  }

  /** b is at least as good as a: eligible whenever a is, and scores no lower. */
  private static void atLeastAsGood(Optional<Double> a, Optional<Double> b) {
    if (a.isPresent()) {
      assertThat(b).isPresent();
      assertThat(b.get()).isGreaterThanOrEqualTo(a.get());
    }
  }

  @Property(tries = 300)
  void closerNeverScoresLower(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Worker w = RandomMarket.worker(r, "w");
    Job a = RandomMarket.job(r, "a");
    Job b = a.toBuilder().location(35.60 + r.nextDouble() * 0.25, 139.55 + r.nextDouble() * 0.35).build();
    Scorer s = Scorer.of(RandomPolicy.policy(seed));
    Explanation ea = s.explain(w, a);
    Explanation eb = s.explain(w, b);
    double kmA = ea.factor(Factor.DISTANCE).raw();
    double kmB = eb.factor(Factor.DISTANCE).raw();
    if (!Double.isNaN(kmA) && !Double.isNaN(kmB) && !a.remote()) {
      Job near = kmA <= kmB ? a : b;
      Job far = near == a ? b : a;
      assertThat(s.explain(w, near).factor(Factor.DISTANCE).score())
          .isGreaterThanOrEqualTo(s.explain(w, far).factor(Factor.DISTANCE).score());
      atLeastAsGood(total(s, w, far), total(s, w, near));
    }
  }

  @Property(tries = 300)
  void higherPayNeverScoresLower(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Worker w = RandomMarket.worker(r, "w");
    Job low = RandomMarket.job(r, "j");
    Job high = low.toBuilder().pay(Pay.hourly(low.pay().minYen() + 1 + r.nextInt(400))).build();
    Scorer s = Scorer.of(RandomPolicy.policy(seed));
    assertThat(s.explain(w, high).factor(Factor.PAY).score())
        .isGreaterThanOrEqualTo(s.explain(w, low).factor(Factor.PAY).score());
    atLeastAsGood(total(s, w, low), total(s, w, high));
  }

  @Property(tries = 300)
  void moreAvailabilityNeverScoresLower(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Worker less = RandomMarket.worker(r, "w");
    Job j = RandomMarket.job(r, "j");
    Availability a = less.availability();
    if (a == null) {
      return;
    }
    List<WeeklyWindow> windows = new ArrayList<>(a.weekly());
    windows.add(WeeklyWindow.of(DayOfWeek.of(1 + r.nextInt(7)), String.format("%02d:00", r.nextInt(24)),
        String.format("%02d:30", r.nextInt(24))));
    Worker more = less.toBuilder().availability(new Availability(a.zone(), windows, a.overrides())).build();
    Scorer s = Scorer.of(RandomPolicy.policy(seed));
    assertThat(s.explain(more, j).factor(Factor.SCHEDULE).score())
        .isGreaterThanOrEqualTo(s.explain(less, j).factor(Factor.SCHEDULE).score());
    atLeastAsGood(total(s, less, j), total(s, more, j));
  }

  @Property(tries = 300)
  void everyScoreIsWithinZeroAndOne(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Scorer s = Scorer.of(RandomPolicy.policy(seed));
    Explanation e = s.explain(RandomMarket.worker(r, "w"), RandomMarket.job(r, "j"));
    assertThat(e.total()).isBetween(0.0, 1.0);
    for (FactorExplanation f : e.factors()) {
      assertThat(f.score()).isBetween(0.0, 1.0);
      assertThat(f.contribution()).isBetween(0.0, 1.0);
    }
  }
}
