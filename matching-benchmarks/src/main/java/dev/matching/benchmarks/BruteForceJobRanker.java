package dev.matching.benchmarks;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;
import dev.matching.scoring.internal.WorkerProfile;
import java.util.List;

/**
 * The baseline peers for "top jobs for a worker": loops over the core's own columns and scoring
 * kernel that keep a bounded heap. {@link #topJobsScoringEveryJob} is the plain loop a team
 * would write (score every job, keep a heap); {@link #topJobs} also hands the kernel the current
 * K-th score as its minimum, so hopeless jobs stop early: the strongest loop one can write over
 * the kernel. Thread-safe after construction.
 */
public final class BruteForceJobRanker {
  private final ScoringPolicy policy;
  private final SkillCatalog catalog = new SkillCatalog();
  private final JobColumns columns;
  private final long windowFrom;
  private final long windowTo;

  /** Compiles {@code jobs} into columns once. */
  public BruteForceJobRanker(List<Job> jobs, ScoringPolicy policy) {
    this.policy = policy;
    JobColumns.Builder builder = JobColumns.builder(catalog, jobs.size());
    jobs.forEach(builder::add);
    this.columns = builder.build();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (int j = 0; j < columns.size(); j++) {
      for (int k = 0; k < columns.shiftCount(j); k++) {
        from = Math.min(from, columns.shiftStart(j, k));
        to = Math.max(to, columns.shiftEnd(j, k));
      }
    }
    this.windowFrom = from;
    this.windowTo = to;
  }

  /** The catalog the columns' skill ids refer to. */
  SkillCatalog catalog() {
    return catalog;
  }

  /** The compiled jobs, in the order given to the constructor. */
  JobColumns columns() {
    return columns;
  }

  /** Compiles {@code worker} against these jobs, with its availability expanded over their shifts. */
  WorkerProfile profile(Worker worker) {
    return WorkerProfile.of(worker, catalog, windowFrom, windowTo);
  }

  /**
   * The best {@code k} jobs for {@code worker}, in the engine's ranking order, with the
   * kernel's early exit: each job is scored only as far as it can still beat the current K-th.
   */
  public List<Match> topJobs(Worker worker, int k) {
    return topJobs(worker, k, true);
  }

  /**
   * The same answer from the plain loop: every job that meets the hard constraints is scored
   * in full, then offered to the heap (no minimum handed to the kernel).
   */
  public List<Match> topJobsScoringEveryJob(Worker worker, int k) {
    return topJobs(worker, k, false);
  }

  private List<Match> topJobs(Worker worker, int k, boolean earlyExit) {
    WorkerProfile profile = profile(worker);
    TopMatches top = new TopMatches(k);
    double[] factors = new double[4];
    for (int j = 0; j < columns.size(); j++) {
      double minimum = earlyExit ? top.threshold() : 0.0;
      double score = Evaluator.evaluate(policy, profile, columns, j, minimum, 1.0, factors);
      if (score >= 0) {
        top.offer(columns.job(j).id(), score, factors);
      }
    }
    return top.sorted();
  }
}
