package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.SkillCatalog;
import dev.matching.testing.RandomMarket;
import dev.matching.testing.RandomPolicy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The pruning bounds are sound: no eligible entity of a range scores above the range's bound,
 * at either level, in either direction. A bound that is too low would make searches miss
 * results only occasionally; this checks every range directly.
 */
class RangeBoundProperties {

  /** Factor bounds that bound nothing: distance, skills and schedule scores are at most 1. */
  private static final double[] NO_BOUNDS = {1.0, 1.0, 1.0};

  /** The range's total and factor bounds are at least the pair's total and factor scores. */
  private static void assertFactorBoundsHold(double total, double[] factors, double score, double[] out) {
    assertThat(total).isGreaterThanOrEqualTo(score);
    assertThat(factors[0]).as("distance bound").isGreaterThanOrEqualTo(out[0]);
    assertThat(factors[1]).as("skills bound").isGreaterThanOrEqualTo(out[1]);
    assertThat(factors[2]).as("schedule bound").isGreaterThanOrEqualTo(out[2]);
  }

  @Property(tries = 120)
  void jobRangeBoundsAreUpperBounds(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2500) int size) {
    List<Job> jobs = RandomMarket.jobs(seed, size);
    SkillCatalog catalog = new SkillCatalog();
    JobSegment seg = JobSegment.build(jobs, catalog);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    double[] out = new double[4];
    double[] factors = new double[3];
    for (Worker w : RandomMarket.workers(seed, 3)) {
      WorkerProbe probe = new WorkerProbe(w, policy, catalog, seg.minShiftStart, seg.maxShiftEnd);
      // both views: the spatial one, and the one by skills, hours and pay (larger segments)
      for (int view : new int[] {Segment.PRIMARY, Segment.ALTERNATE}) {
        int[] order = seg.order(view);
        if (view == Segment.ALTERNATE && order == null) {
          continue;
        }
        for (int i = 0; i < seg.size(); i++) {
          int p = order == null ? i : order[i];
          double score = seg.evaluate(p, probe, 0.0, NO_BOUNDS, out);
          if (score >= 0) {
            int fine = i / Segment.FINE;
            assertThat(seg.fineFactorBounds(view, fine, probe, factors)).as("fine bound of range %d (view %d) for %s", fine, view, seg.id(p))
                .isGreaterThanOrEqualTo(score);
            assertFactorBoundsHold(seg.fineFactorBounds(view, fine, probe, factors), factors, score, out);
            assertThat(seg.coarseBound(view, i / Segment.COARSE, probe)).isGreaterThanOrEqualTo(score);
            // the bounds handed to the evaluator never change its answer, even at the minimum
            assertThat(seg.evaluate(p, probe, score, factors, out)).isEqualTo(score);
          }
        }
      }
    }
  }

  /** Coarse bounds are merged from the fine ones; they must equal bounds computed from the jobs. */
  @Property(tries = 60)
  void coarseBoundsMergedFromFineRangesEqualBoundsFromTheJobs(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5000) int size) {
    List<Job> jobs = RandomMarket.jobs(seed, size);
    SkillCatalog catalog = new SkillCatalog();
    JobSegment seg = JobSegment.build(jobs, catalog);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    for (int view : new int[] {Segment.PRIMARY, Segment.ALTERNATE}) {
      int[] order = seg.order(view);
      if (view == Segment.ALTERNATE && order == null) {
        continue;
      }
      JobRanges direct = new JobRanges(seg.columns, order, Segment.COARSE);
      JobRanges merged = new JobRanges(new JobRanges(seg.columns, order, Segment.FINE), Segment.COARSE / Segment.FINE);
      assertThat(merged.count).isEqualTo(direct.count);
      for (Worker w : RandomMarket.workers(seed, 4)) {
        WorkerProbe probe = new WorkerProbe(w, policy, catalog, seg.minShiftStart, seg.maxShiftEnd);
        for (int r = 0; r < direct.count; r++) {
          assertThat(merged.bound(r, probe)).as("coarse range %d, view %d", r, view).isEqualTo(direct.bound(r, probe));
          assertThat(merged.scheduleBound(r, probe)).isEqualTo(direct.scheduleBound(r, probe));
        }
      }
    }
  }

  @Property(tries = 120)
  void workerRangeBoundsAreUpperBounds(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2500) int size,
      @ForAll boolean jobsInsideWindow) {
    List<Worker> workers = RandomMarket.workers(seed, size);
    SkillCatalog catalog = new SkillCatalog();
    Instant start = RandomMarket.START.atStartOfDay(ZoneOffset.UTC).toInstant();
    long from = start.getEpochSecond() + (jobsInsideWindow ? -86_400 : 40 * 86_400);
    WorkerSegment seg = WorkerSegment.build(workers, catalog, from, from + 20 * 86_400);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    double[] out = new double[4];
    double[] factors = new double[3];
    for (Job j : RandomMarket.jobs(seed, 3)) {
      JobProbe probe = new JobProbe(j, policy, catalog);
      for (int p = 0; p < seg.size(); p++) {
        double score = seg.evaluate(p, probe, 0.0, NO_BOUNDS, out);
        if (score >= 0) {
          int fine = p / Segment.FINE;
          assertThat(seg.fineFactorBounds(Segment.PRIMARY, fine, probe, factors)).as("fine bound of range %d for %s", fine, seg.id(p))
              .isGreaterThanOrEqualTo(score);
          assertFactorBoundsHold(seg.fineFactorBounds(Segment.PRIMARY, fine, probe, factors), factors, score, out);
          assertThat(seg.evaluate(p, probe, score, factors, out)).isEqualTo(score);
          assertThat(seg.coarseBound(Segment.PRIMARY, p / Segment.COARSE, probe)).isGreaterThanOrEqualTo(score);
        }
      }
    }
  }
}
