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
 * The baseline peer for "top workers for a job": every worker compiled once into a
 * {@link WorkerProfile} (availability expanded over the same window as the
 * {@link dev.matching.index.WorkerIndex} it is compared with), then every profile scored with
 * {@link Evaluator#evaluate} into a bounded heap. Thread-safe after construction.
 */
public final class BruteForceWorkerRanker {
  private final ScoringPolicy policy;
  private final SkillCatalog catalog = new SkillCatalog();
  private final WorkerProfile[] profiles;

  /** Compiles {@code workers} with availabilities expanded over {@code [windowFrom, windowTo)}, epoch seconds. */
  public BruteForceWorkerRanker(List<Worker> workers, ScoringPolicy policy, long windowFrom, long windowTo) {
    this.policy = policy;
    for (Worker w : workers) {
      w.skills().keySet().forEach(catalog::intern);
    }
    this.profiles = new WorkerProfile[workers.size()];
    for (int i = 0; i < profiles.length; i++) {
      profiles[i] = WorkerProfile.of(workers.get(i), catalog, windowFrom, windowTo);
    }
  }

  /** The best {@code k} workers for {@code job}, in the engine's ranking order. */
  public List<Match> topWorkers(Job job, int k) {
    JobColumns columns = JobColumns.lookup(job, catalog);
    TopMatches top = new TopMatches(k);
    double[] factors = new double[4];
    for (WorkerProfile profile : profiles) {
      double score = Evaluator.evaluate(policy, profile, columns, 0, top.threshold(), 1.0, factors);
      if (score >= 0) {
        top.offer(profile.worker().id(), score, factors);
      }
    }
    return top.sorted();
  }
}
