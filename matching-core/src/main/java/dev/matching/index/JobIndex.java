package dev.matching.index;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;
import java.util.Collection;
import java.util.List;

/**
 * The in-memory index of jobs that ranks the top-K jobs for a worker. Thread-safe: any number
 * of concurrent searches run alongside one writer at a time, and never see a half-applied
 * write (see the consistency model of {@link #upsertAll}).
 *
 * <p>Jobs are kept in compact columns ({@link JobColumns}) in Hilbert-curve order, cut into
 * ranges of 64 and 1,024 jobs, each with upper bounds of the score any of its jobs can reach
 * for a given worker: distance from the range's bounding box, best pay, skills that every job
 * requires, the largest share of preferred-skill weight per skill and of shift time per
 * hour-of-week. A search visits ranges best bound first and stops when no remaining range can
 * beat the current K-th score; only jobs that can still enter are scored exactly, with the same
 * {@link Evaluator} as {@link dev.matching.scoring.Scorer}, so the result equals a brute-force
 * ranking.
 *
 * <p>Writes are incremental: a write builds a small segment of the written jobs and marks their
 * previous versions deleted; small segments are merged as they accumulate and the index is
 * rebuilt once deleted entries exceed a quarter of it. Each write is atomic: readers see all of
 * it or none; each search sees one snapshot.
 */
public final class JobIndex extends SegmentedIndex<Job, WorkerProbe, JobSegment> {

  private final SkillCatalog catalog = new SkillCatalog();
  private final ScoringPolicy defaultPolicy;

  private JobIndex(ScoringPolicy defaultPolicy) {
    super(Job::id);
    this.defaultPolicy = defaultPolicy;
  }

  /** An empty index scoring with {@code defaultPolicy} when a query names none. */
  public static JobIndex create(ScoringPolicy defaultPolicy) {
    return new JobIndex(Checks.required(defaultPolicy, "defaultPolicy"));
  }

  /** An index of {@code jobs} with the default policy {@link ScoringPolicy#ofDefaults()}. */
  public static JobIndex of(Collection<Job> jobs) {
    JobIndex index = create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobs);
    return index;
  }

  /** The policy used when a query names none. */
  public ScoringPolicy defaultPolicy() {
    return defaultPolicy;
  }

  @Override
  JobSegment newSegment(java.util.List<Job> items) {
    return JobSegment.build(items, catalog);
  }

  @Override
  boolean passes(MatchFilter filter, Job job) {
    return filter.test(job);
  }

  /**
   * The best jobs for {@code worker} (registered or not): a page of at most
   * {@code query.limit()} matches, score descending then job id ascending, after the query's
   * cursor, among jobs passing the query's filter.
   */
  public MatchPage topJobs(Worker worker, MatchQuery query) {
    Snapshot s = snapshot();
    ScoringPolicy policy = query.policy() == null ? defaultPolicy : query.policy();
    if (!worker.active()) {
      return new MatchPage(List.of(), null); // an inactive worker matches no job
    }
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (JobSegment seg : s.segments) {
      from = Math.min(from, seg.minShiftStart);
      to = Math.max(to, seg.maxShiftEnd);
    }
    WorkerProbe probe = new WorkerProbe(worker, policy, catalog, from, to);
    return search(s, probe, query.limit(), query.cursor(), query.filter());
  }
}
