package dev.matching.index;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.SkillCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The in-memory index of workers that ranks the top-K workers for a job. Thread-safe, with the
 * same consistency model, segment structure and exactness as {@link JobIndex}.
 *
 * <p>Each worker is compiled once on write: skill levels by id and the availability expanded
 * into a timeline over a window around the time of the write (by default from one day before
 * to {@link #DEFAULT_WINDOW} after). Jobs whose shifts fall inside the window are scored from
 * it and pruned by hour-of-week availability; jobs outside it are scored exactly from the
 * availability itself, only more slowly.
 */
public final class WorkerIndex extends SegmentedIndex<Worker, JobProbe, WorkerSegment> {

  /** How far ahead of a write availabilities are expanded by default. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(62);

  private final SkillCatalog catalog = new SkillCatalog();
  private final ScoringPolicy defaultPolicy;
  private final Clock clock;
  private final Duration window;

  private WorkerIndex(ScoringPolicy defaultPolicy, Clock clock, Duration window) {
    super(Worker::id);
    this.defaultPolicy = defaultPolicy;
    this.clock = clock;
    this.window = window;
  }

  /**
   * An empty index scoring with {@code defaultPolicy} when a query names none, expanding
   * availabilities from a day before {@code clock}'s now to {@code window} after it.
   */
  public static WorkerIndex create(ScoringPolicy defaultPolicy, Clock clock, Duration window) {
    Checks.required(window, "window");
    if (!(!window.isNegative() && !window.isZero() && window.compareTo(Duration.ofDays(3660)) <= 0)) {
      throw Checks.fail("window",
          "must be within (0, 3660 days], was " + window);
    }
    return new WorkerIndex(Checks.required(defaultPolicy, "defaultPolicy"), Checks.required(clock, "clock"), window);
  }

  /** An index of {@code workers} with the default policy and window and the system clock. */
  public static WorkerIndex of(Collection<Worker> workers) {
    WorkerIndex index = create(ScoringPolicy.ofDefaults(), Clock.systemUTC(), DEFAULT_WINDOW);
    index.replaceAll(workers);
    return index;
  }

  /** The policy used when a query names none. */
  public ScoringPolicy defaultPolicy() {
    return defaultPolicy;
  }

  @Override
  WorkerSegment newSegment(List<Worker> items) {
    Instant now = clock.instant();
    long from = now.getEpochSecond() - 86_400;
    return WorkerSegment.build(items, catalog, from, now.plus(window).getEpochSecond());
  }

  @Override
  boolean passes(MatchFilter filter, Worker worker) {
    return filter.test(worker);
  }

  /**
   * The best workers for {@code job} (indexed or not): a page of at most {@code query.limit()}
   * matches, score descending then worker id ascending, after the query's cursor, among workers
   * passing the query's filter.
   */
  public MatchPage topWorkers(Job job, MatchQuery query) {
    Snapshot s = snapshot();
    ScoringPolicy policy = query.policy() == null ? defaultPolicy : query.policy();
    if (!job.open()) {
      return new MatchPage(List.of(), null); // a closed job matches no worker
    }
    return search(s, new JobProbe(job, policy, catalog), query.limit(), query.cursor(), query.filter());
  }
}
