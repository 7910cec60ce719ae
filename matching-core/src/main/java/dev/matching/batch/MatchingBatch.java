package dev.matching.batch;

import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.assignment.Assigner;
import dev.matching.assignment.AssignmentProblem;
import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The daily matching batch: for every active worker its top-N jobs, and for every open job its
 * top-N workers, stored through a {@link MatchResultStore} as a new generation that readers see
 * all at once. Thread-safe.
 *
 * <p><b>Durability and sharing.</b> A run is a durable record in a {@link BatchRunStore},
 * split into partitions (subjects by a hash of their id). Any number of nodes sharing the stores
 * work on one run: each claims a partition under a lease with a fencing token, renews it while
 * working, writes the partition's lists under the run's generation (a rewrite of the same
 * subjects replaces them, so a partition redone after a crash leaves no duplicate), then
 * completes the partition on condition that it still holds the lease. The node completing the
 * last partition publishes the generation; a node that finds a succeeded run unpublished (its
 * publisher died in between) publishes it. A node killed mid-partition simply stops renewing;
 * its lease expires and another node takes the partition over.
 *
 * <p><b>One run at a time.</b> Triggering while a run of the same type is queued or running is
 * refused with {@link BatchConflictException}; it never joins or runs twice. {@link #retry}
 * resumes a failed or cancelled run from its checkpoints: done partitions are not recomputed.
 * A retried run whose generation is older than the published one completes without replacing
 * the newer results.
 *
 * <p><b>Consistency.</b> Each partition ranks from the engine's indexes after
 * {@link MatchingEngine#refresh()}, so nodes over the same stores compute the same lists;
 * writes made while a run is in progress may be seen by some partitions and not others.
 *
 * <p><b>Assignment.</b> A run triggered with an {@link AssignmentMode} other than none (run
 * parameters {@code assignment} and {@code max_offers_per_worker}) ends with a
 * capacity-aware assignment: the node that publishes it reads the published jobs-for-worker list
 * of every active worker it has indexed, builds an {@link AssignmentProblem} (one edge per stored
 * match; job capacity its headcount, worker capacity the run's maximum offers), runs the greedy
 * and the optimal {@link Assigner}, keeps the run's one as {@link #lastAssignment()}, reports both
 * totals to {@link BatchListener#assignmentComputed} and logs them. The assignment is not stored:
 * the {@link MatchResultStore} holds ranked lists only. A failure to compute it is logged and
 * leaves the run succeeded and published.
 *
 * <p><b>Run parameters.</b> What a run was triggered with is kept in its
 * {@link BatchRun#parameters()}; {@link RunParameters} reads them, and documents what the batch
 * does with a run whose parameters are missing or malformed.
 */
public final class MatchingBatch implements AutoCloseable {
  /** The one batch type: the daily matching run of the operations manual. */
  public static final String DAILY_MATCHING = "daily_matching";

  // A facade: the work is done by package-private parts sharing one BatchContext. RunControl
  // triggers, retries and cancels runs; PartitionWorker claims and ranks partitions;
  // ResultPublisher publishes, cleans up and assigns; BatchPoller polls in the background.
  private final BatchContext context;
  private final @Nullable DailySchedule schedule;
  private final RunControl control;
  private final ResultPublisher publisher;
  private final PartitionWorker worker;
  private final BatchPoller poller;

  private MatchingBatch(Builder b) {
    this.context = new BatchContext(b.engine, b.runs, b.results, b.config, b.clock, b.listener);
    this.schedule = b.schedule;
    this.control = new RunControl(context, schedule);
    this.publisher = new ResultPublisher(context);
    this.worker = new PartitionWorker(context, publisher);
    this.poller = new BatchPoller(context, control, worker, publisher);
  }

  /** A builder over {@code engine} and the two batch stores. */
  public static Builder builder(MatchingEngine engine, BatchRunStore runs, MatchResultStore results) {
    return new Builder(engine, runs, results);
  }

  /** The configuration. */
  public BatchConfig config() {
    return context.config();
  }

  /** The daily schedule, when there is one. */
  public Optional<DailySchedule> schedule() {
    return Optional.ofNullable(schedule);
  }

  // ---------------------------------------------------------------------------- operations

  /**
   * Starts a run of {@code type} with the configured top-N and directions.
   *
   * @throws IllegalArgumentException when {@code type} is not {@value #DAILY_MATCHING}
   * @throws BatchConflictException when a run of that type is queued or running
   */
  public BatchRun trigger(String type, String triggeredBy) {
    return control.trigger(type, triggeredBy);
  }

  /** As {@link #trigger(String, String)} storing {@code topN} matches per subject. */
  public BatchRun trigger(String type, int topN, String triggeredBy) {
    return control.trigger(type, topN, triggeredBy);
  }

  /**
   * As {@link #trigger(String, int, String)}, the run ending with an assignment of
   * {@code assignment} (at most {@link BatchConfig#maxOffersPerWorker()} offers per worker).
   *
   * @throws IllegalArgumentException also when an assignment is asked for but the configured
   *     directions leave out {@link Direction#JOBS_FOR_WORKER}
   */
  public BatchRun trigger(String type, int topN, AssignmentMode assignment, String triggeredBy) {
    return control.trigger(type, topN, assignment, triggeredBy);
  }

  /** The run, or empty. */
  public Optional<BatchRun> status(String runId) {
    return context.runs().find(Checks.required(runId, "runId"));
  }

  /**
   * Where the run stands now.
   *
   * @throws NotFoundException when there is no such run
   */
  public BatchProgress progress(String runId) {
    BatchRun run = status(runId).orElseThrow(() -> new NotFoundException("batch run", runId));
    return BatchProgress.of(run, context.clock().instant());
  }

  /** Runs newest first, of {@code type} (all when null), at most {@code limit}. */
  public List<BatchRun> runs(@Nullable String type, int limit) {
    return context.runs().list(type, limit);
  }

  /**
   * The latest assignment this node computed (see the class comment), or empty. In memory only:
   * another node, or this one after a restart, does not have it.
   */
  public Optional<BatchAssignment> lastAssignment() {
    return publisher.lastAssignment();
  }

  /** Every partition of the run, by index; empty for an unknown run. */
  public List<PartitionStatus> partitions(String runId) {
    return context.runs().partitions(Checks.required(runId, "runId"));
  }

  /**
   * Queues a failed or cancelled run again; it resumes from its checkpoints.
   *
   * @throws NotFoundException when there is no such run
   * @throws IllegalArgumentException when it succeeded or is still active
   * @throws BatchConflictException when another run of its type is active
   */
  public BatchRun retry(String runId) {
    return control.retry(runId);
  }

  /**
   * Cancels an active run: partitions not yet done are not claimed any more.
   *
   * @throws NotFoundException when there is no such run
   */
  public BatchRun cancel(String runId) {
    return control.cancel(runId);
  }

  /**
   * Triggers the daily run when its latest slot has passed without a run created since: on a
   * node starting after a missed slot this runs once, however many days were missed. Returns
   * the run started, or empty when none was due or another node started it.
   */
  public Optional<BatchRun> triggerIfDue() {
    return control.triggerIfDue();
  }

  // ---------------------------------------------------------------------------------- work

  /**
   * Works on the active run on the calling thread (plus {@code threads - 1} more) until this
   * node finds nothing left to claim; returns how many partitions it completed or failed. Also
   * publishes a succeeded run whose publisher died before publishing.
   */
  public int runPending() {
    return worker.runPending();
  }

  /**
   * Deletes the stored lists of every generation older than the published one, in both
   * directions (with their partition tokens); returns how many lists were deleted. Idempotent,
   * and any node may run it at any time: the node that publishes runs it, and every started node
   * runs it at least every {@value BatchPoller#CLEAN_UP_EVERY_SECONDS} s, so a publisher that died
   * between publishing and cleaning up leaves nothing behind for long.
   */
  public long cleanUp() {
    return publisher.cleanUp();
  }

  // ----------------------------------------------------------------------------- lifecycle

  /**
   * Starts polling in the background every {@link BatchConfig#pollInterval()}: triggers the
   * daily run when due and works on any active run. Idempotent.
   */
  public void start() {
    poller.start();
  }

  /** Whether background polling is on. */
  public boolean isStarted() {
    return poller.isStarted();
  }

  /**
   * Stops background polling. A partition in progress is given back: its lease is released
   * before its next subject, so another node (or this one after a restart) takes it at once and
   * ranks it from the start; nothing of it is written. Waits up to {@code timeout} for that; a
   * worker still busy then is interrupted, and a lease it could not release expires.
   */
  public void stop(Duration timeout) {
    poller.stop(timeout);
  }

  /** Stops background polling, waiting up to the lease duration. */
  @Override
  public void close() {
    stop(context.config().leaseDuration());
  }

  /** Configures and builds a {@link MatchingBatch}. Not thread-safe. */
  public static final class Builder {
    private final MatchingEngine engine;
    private final BatchRunStore runs;
    private final MatchResultStore results;
    private BatchConfig config = BatchConfig.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private BatchListener listener = BatchListener.NONE;
    private @Nullable DailySchedule schedule;

    private Builder(MatchingEngine engine, BatchRunStore runs, MatchResultStore results) {
      this.engine = Checks.required(engine, "engine");
      this.runs = Checks.required(runs, "runStore");
      this.results = Checks.required(results, "resultStore");
    }

    /** How runs are split and worked on; {@link BatchConfig#ofDefaults()} by default. */
    public Builder config(BatchConfig config) {
      this.config = Checks.required(config, "config");
      return this;
    }

    /** The clock for leases and timestamps; the UTC system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Checks.required(clock, "clock");
      return this;
    }

    /** Progress callbacks; none by default. */
    public Builder listener(BatchListener listener) {
      this.listener = Checks.required(listener, "listener");
      return this;
    }

    /** The daily slot {@link #start()} triggers runs at; none (manual triggers only) by default. */
    public Builder schedule(@Nullable DailySchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Builds the batch; call {@link MatchingBatch#start()} to work in the background. */
    public MatchingBatch build() {
      return new MatchingBatch(this);
    }
  }
}
