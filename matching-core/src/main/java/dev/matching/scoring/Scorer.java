package dev.matching.scoring;

import dev.matching.model.Job;
import dev.matching.model.Shift;
import dev.matching.model.Worker;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;
import dev.matching.scoring.internal.WorkerProfile;
import java.util.List;
import java.util.Optional;

/**
 * Scores and explains single (worker, job) pairs from domain objects: the reference every
 * index result is checked against. Immutable and thread-safe.
 *
 * <p>It compiles both sides and calls {@link Evaluator}, the same code the indexes run, so its
 * scores are identical to theirs. It is not meant for ranking many pairs (use an index).
 */
public final class Scorer {
  private final ScoringPolicy policy;

  private Scorer(ScoringPolicy policy) {
    this.policy = policy;
  }

  /** A scorer with {@code policy}. */
  public static Scorer of(ScoringPolicy policy) {
    return new Scorer(java.util.Objects.requireNonNull(policy, "policy"));
  }

  /** The policy. */
  public ScoringPolicy policy() {
    return policy;
  }

  /** The score of an eligible pair, or empty when a hard constraint excludes it. */
  public Optional<Score> score(Worker worker, Job job) {
    SkillCatalog catalog = new SkillCatalog();
    JobColumns columns = JobColumns.of(job, catalog);
    double[] out = new double[4];
    double total = Evaluator.evaluate(policy, profile(worker, job, catalog), columns, 0, 0.0, 1.0, out);
    if (total < 0) {
      return Optional.empty();
    }
    return Optional.of(new Score(total, new FactorScores(out[0], out[1], out[2], out[3])));
  }

  /** Every factor's raw value, score, weight and contribution, or the reasons for exclusion. */
  public Explanation explain(Worker worker, Job job) {
    SkillCatalog catalog = new SkillCatalog();
    JobColumns columns = JobColumns.of(job, catalog);
    return Evaluator.explain(policy, profile(worker, job, catalog), columns, 0);
  }

  private static WorkerProfile profile(Worker worker, Job job, SkillCatalog catalog) {
    List<Shift> shifts = job.shifts();
    long from = shifts.isEmpty() ? 0 : shifts.get(0).start().getEpochSecond();
    long to = from;
    for (Shift s : shifts) {
      to = Math.max(to, s.end().getEpochSecond());
    }
    return WorkerProfile.of(worker, catalog, from, to);
  }
}
