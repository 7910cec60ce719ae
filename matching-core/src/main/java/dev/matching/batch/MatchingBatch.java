package dev.matching.batch;

import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.assignment.Assigner;
import dev.matching.assignment.Assignment;
import dev.matching.assignment.AssignmentProblem;
import dev.matching.assignment.AssignmentReport;
import dev.matching.model.Checks;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.StorageException;
import dev.matching.spi.PartitionStatus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
 * parameters {@value #PARAM_ASSIGNMENT} and {@value #PARAM_MAX_OFFERS}) ends with a
 * capacity-aware assignment: the node that publishes it reads the published jobs-for-worker list
 * of every active worker it has indexed, builds an {@link AssignmentProblem} (one edge per stored
 * match; job capacity its headcount, worker capacity the run's maximum offers), runs the greedy
 * and the optimal {@link Assigner}, keeps the run's one as {@link #lastAssignment()}, reports both
 * totals to {@link BatchListener#assignmentComputed} and logs them. The assignment is not stored:
 * the {@link MatchResultStore} holds ranked lists only. A failure to compute it is logged and
 * leaves the run succeeded and published.
 */
public final class MatchingBatch implements AutoCloseable {
  /** The one batch type: the daily matching run of the operations manual. */
  public static final String DAILY_MATCHING = "daily_matching";
  /** Run parameter: the generation the run writes. */
  public static final String PARAM_GENERATION = "generation";
  /** Run parameter: matches stored per subject. */
  public static final String PARAM_TOP_N = "top_n";
  /** Run parameter: comma-separated directions ranked. */
  public static final String PARAM_DIRECTIONS = "directions";
  /** Run parameter: the {@link AssignmentMode} the run ends with; absent means none. */
  public static final String PARAM_ASSIGNMENT = "assignment";
  /** Run parameter: offers per worker in the run's assignment; set with {@value #PARAM_ASSIGNMENT}. */
  public static final String PARAM_MAX_OFFERS = "max_offers_per_worker";
  /**
   * Run parameter: the jobs in the store when the run was triggered ({@value #PARAM_JOBS_INDEXED}:
   * in this node's index); with the workers' counts, what the run saw, for operators comparing a
   * run with the market (the integrity check reports subjects a published run left out).
   */
  public static final String PARAM_JOBS_STORED = "jobs_stored";
  /** Run parameter: the jobs in the triggering node's index when the run was triggered. */
  public static final String PARAM_JOBS_INDEXED = "jobs_indexed";
  /** Run parameter: the workers in the store when the run was triggered. */
  public static final String PARAM_WORKERS_STORED = "workers_stored";
  /** Run parameter: the workers in the triggering node's index when the run was triggered. */
  public static final String PARAM_WORKERS_INDEXED = "workers_indexed";

  private static final System.Logger LOG = System.getLogger(MatchingBatch.class.getName());
  private static final int HEARTBEAT_CHECK_EVERY = 64;
  /** Longest time between two {@link #cleanUp()} runs of a started node. */
  private static final long CLEAN_UP_EVERY_SECONDS = 60;
  private volatile @Nullable Instant lastCleanUp;
  /** Set by {@link #stop}: work in progress gives its partition back instead of finishing it. */
  private volatile boolean stopping;

  private final MatchingEngine engine;
  private final BatchRunStore runs;
  private final MatchResultStore results;
  private final BatchConfig config;
  private final Clock clock;
  private final BatchListener listener;
  private final @Nullable DailySchedule schedule;
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService poller;
  private volatile @Nullable BatchAssignment lastAssignment;

  private MatchingBatch(Builder b) {
    this.engine = b.engine;
    this.runs = b.runs;
    this.results = b.results;
    this.config = b.config;
    this.clock = b.clock;
    this.listener = b.listener;
    this.schedule = b.schedule;
  }

  /** A builder over {@code engine} and the two batch stores. */
  public static Builder builder(MatchingEngine engine, BatchRunStore runs, MatchResultStore results) {
    return new Builder(engine, runs, results);
  }

  /** The configuration. */
  public BatchConfig config() {
    return config;
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
    return trigger(type, config.topN(), triggeredBy);
  }

  /** As {@link #trigger(String, String)} storing {@code topN} matches per subject. */
  public BatchRun trigger(String type, int topN, String triggeredBy) {
    return trigger(type, topN, config.assignment(), triggeredBy);
  }

  /**
   * As {@link #trigger(String, int, String)}, the run ending with an assignment of
   * {@code assignment} (at most {@link BatchConfig#maxOffersPerWorker()} offers per worker).
   *
   * @throws IllegalArgumentException also when an assignment is asked for but the configured
   *     directions leave out {@link Direction#JOBS_FOR_WORKER}
   */
  public BatchRun trigger(String type, int topN, AssignmentMode assignment, String triggeredBy) {
    requireKnownType(type);
    Checks.intIn(topN, 1, BatchConfig.MAX_TOP_N, "topN");
    BatchConfig.checkAssignment(assignment, config.directions());
    Checks.id(triggeredBy, "triggeredBy");
    Instant now = clock.instant();
    List<String> partitions = new ArrayList<>();
    List<String> directionNames = new ArrayList<>();
    for (Direction d : Direction.values()) {
      if (config.directions().contains(d)) {
        directionNames.add(d.name());
        for (int b = 0; b < config.partitions(); b++) {
          partitions.add(new PartitionSpec(d, b, config.partitions()).toString());
        }
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(PARAM_GENERATION, Long.toString(now.toEpochMilli()));
    parameters.put(PARAM_TOP_N, Integer.toString(topN));
    parameters.put(PARAM_DIRECTIONS, String.join(",", directionNames));
    if (assignment != AssignmentMode.NONE) {
      parameters.put(PARAM_ASSIGNMENT, assignment.parameterValue());
      parameters.put(PARAM_MAX_OFFERS, Integer.toString(config.maxOffersPerWorker()));
    }
    parameters.put(PARAM_JOBS_STORED, Long.toString(engine.jobStore().count()));
    parameters.put(PARAM_JOBS_INDEXED, Integer.toString(engine.jobIndex().size()));
    parameters.put(PARAM_WORKERS_STORED, Long.toString(engine.workerStore().count()));
    parameters.put(PARAM_WORKERS_INDEXED, Integer.toString(engine.workerIndex().size()));
    BatchRun run = runs.create(new NewBatchRun(type, parameters, partitions, triggeredBy), now);
    LOG.log(Level.INFO, "batch {0} of type {1} triggered by {2}: {3} partitions, top {4}",
        run.id(), type, triggeredBy, partitions.size(), topN);
    return run;
  }

  /** The run, or empty. */
  public Optional<BatchRun> status(String runId) {
    return runs.find(Checks.required(runId, "runId"));
  }

  /**
   * Where the run stands now.
   *
   * @throws NotFoundException when there is no such run
   */
  public BatchProgress progress(String runId) {
    BatchRun run = status(runId).orElseThrow(() -> new NotFoundException("batch run", runId));
    return BatchProgress.of(run, clock.instant());
  }

  /** Runs newest first, of {@code type} (all when null), at most {@code limit}. */
  public List<BatchRun> runs(@Nullable String type, int limit) {
    return runs.list(type, limit);
  }

  /**
   * The latest assignment this node computed (see the class comment), or empty. In memory only:
   * another node, or this one after a restart, does not have it.
   */
  public Optional<BatchAssignment> lastAssignment() {
    return Optional.ofNullable(lastAssignment);
  }

  /** Every partition of the run, by index; empty for an unknown run. */
  public List<PartitionStatus> partitions(String runId) {
    return runs.partitions(Checks.required(runId, "runId"));
  }

  /**
   * Queues a failed or cancelled run again; it resumes from its checkpoints.
   *
   * @throws NotFoundException when there is no such run
   * @throws IllegalArgumentException when it succeeded or is still active
   * @throws BatchConflictException when another run of its type is active
   */
  public BatchRun retry(String runId) {
    status(runId).orElseThrow(() -> new NotFoundException("batch run", runId));
    BatchRun run = runs.retry(runId, clock.instant());
    LOG.log(Level.INFO, "batch {0} queued again for retry", runId);
    return run;
  }

  /**
   * Cancels an active run: partitions not yet done are not claimed any more.
   *
   * @throws NotFoundException when there is no such run
   */
  public BatchRun cancel(String runId) {
    status(runId).orElseThrow(() -> new NotFoundException("batch run", runId));
    BatchRun run = runs.finish(runId, BatchState.CANCELLED, "cancelled", clock.instant());
    notifyListener(l -> l.runFinished(run));
    return run;
  }

  /**
   * Triggers the daily run when its latest slot has passed without a run created since: on a
   * node starting after a missed slot this runs once, however many days were missed. Returns
   * the run started, or empty when none was due or another node started it.
   */
  public Optional<BatchRun> triggerIfDue() {
    if (schedule == null) {
      return Optional.empty();
    }
    Instant slot = schedule.lastSlotAtOrBefore(clock.instant());
    List<BatchRun> latest = runs.list(DAILY_MATCHING, 1);
    if (!latest.isEmpty() && !latest.get(0).createdAt().isBefore(slot)) {
      return Optional.empty();
    }
    try {
      return Optional.of(trigger(DAILY_MATCHING, "scheduler"));
    } catch (BatchConflictException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------- work

  /**
   * Works on the active run on the calling thread (plus {@code threads - 1} more) until this
   * node finds nothing left to claim; returns how many partitions it completed or failed. Also
   * publishes a succeeded run whose publisher died before publishing.
   */
  public int runPending() {
    publishUnpublished();
    int threads = config.threads();
    if (threads == 1) {
      return drain();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1, daemon("matching-batch-helper"));
    try {
      List<Future<Integer>> helpers = new ArrayList<>();
      for (int i = 1; i < threads; i++) {
        helpers.add(pool.submit(this::drain));
      }
      int n = drain();
      for (Future<Integer> f : helpers) {
        n += f.get();
      }
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working on the batch", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a batch worker thread failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private int drain() {
    int processed = 0;
    while (!Thread.currentThread().isInterrupted() && !stopping) {
      Optional<BatchRun> active = runs.active(DAILY_MATCHING);
      if (active.isEmpty()) {
        return processed;
      }
      Optional<PartitionLease> lease =
          runs.claim(active.get().id(), config.nodeId(), clock.instant(), config.leaseDuration());
      if (lease.isEmpty()) {
        return processed;
      }
      Outcome outcome = process(active.get(), lease.get());
      if (outcome == Outcome.FINISHED) {
        processed++;
      } else if (outcome == Outcome.RETRY_LATER) {
        return processed;
      }
    }
    return processed;
  }

  /** What became of a claimed partition. */
  private enum Outcome {
    /** Completed or failed by this node. */
    FINISHED,
    /** Another node holds it now. */
    LEASE_LOST,
    /** Given back: this node cannot work now (its store is unreachable, or it is stopping). */
    RETRY_LATER
  }

  /**
   * Ranks one partition and stores its lists. A subject that cannot be ranked, or lists that
   * cannot be written, fail the partition with the reason recorded; an index that cannot be
   * refreshed from the store gives the partition back for a later attempt.
   */
  private Outcome process(BatchRun run, PartitionLease claimed) {
    PartitionSpec spec = PartitionSpec.parse(claimed.spec());
    long generation = Long.parseLong(run.parameters().get(PARAM_GENERATION));
    int topN = Integer.parseInt(run.parameters().getOrDefault(PARAM_TOP_N, Integer.toString(config.topN())));
    Instant started = clock.instant();
    PartitionLease lease = claimed;
    Instant lastBeat = started;
    try {
      engine.refresh();
    } catch (RuntimeException storeDown) {
      // Not the partition's fault (the store is unreachable or a change cannot be read): give the
      // lease back so that this or another node retries at its next poll, and say why.
      runs.release(lease);
      LOG.log(Level.WARNING, "batch " + run.id() + " partition " + spec
          + ": could not refresh the index from the store; partition released for a later attempt", storeDown);
      return Outcome.RETRY_LATER;
    }
    List<String> subjects = subjects(spec);
    Map<String, List<Match>> lists = new LinkedHashMap<>();
    try {
      for (String subject : subjects) {
        if (stopping) {
          // shutting down: give the partition back at once for another node (or a restart)
          runs.release(lease);
          LOG.log(Level.INFO, "batch {0} partition {1}: released on shutdown after {2} of {3} subjects",
              run.id(), spec, lists.size(), subjects.size());
          return Outcome.RETRY_LATER;
        }
        if (lists.size() % HEARTBEAT_CHECK_EVERY == 0) {
          Instant now = clock.instant();
          if (!now.isBefore(lastBeat.plus(config.heartbeatInterval()))) {
            lease = runs.heartbeat(lease, now, config.leaseDuration());
            lastBeat = now;
          }
        }
        try {
          lists.put(subject, rank(spec.direction(), subject, topN));
        } catch (NotFoundException gone) {
          // deleted since the partition listed it: nothing to rank
        } catch (RuntimeException poison) {
          return failPartition(run, spec, lease, lists.size(), "subject " + subject + ": " + poison, poison);
        }
      }
      // Renew the lease before writing (a paused node learns here that it lost it); the write
      // itself is fenced by the lease's token in the result store, atomically.
      lease = runs.heartbeat(lease, clock.instant(), config.leaseDuration());
      try {
        results.write(lease, spec.direction(), generation, clock.instant(), lists);
      } catch (LeaseLostException lost) {
        throw lost;
      } catch (StorageException unavailable) {
        // the store timed out or is unreachable (a lock held by a stopped node, an outage): not
        // the partition's fault; give it back so that this or another node ranks it again
        runs.release(lease);
        LOG.log(Level.WARNING, "batch " + run.id() + " partition " + spec
            + ": could not write its lists; partition released for a later attempt", unavailable);
        return Outcome.RETRY_LATER;
      } catch (RuntimeException writeFailed) {
        return failPartition(run, spec, lease, 0, "writing results: " + writeFailed, writeFailed);
      }
      BatchRun after = runs.complete(lease, lists.size(), clock.instant());
      Duration took = Duration.between(started, clock.instant());
      LOG.log(Level.DEBUG, "batch {0} partition {1}: {2} subjects in {3} ms",
          run.id(), spec, lists.size(), took.toMillis());
      notifyListener(l -> l.partitionCompleted(after, spec.toString(), lists.size(), took));
      finished(after);
      return Outcome.FINISHED;
    } catch (LeaseLostException lost) {
      LOG.log(Level.WARNING, "batch {0} partition {1}: lease lost, work discarded", run.id(), spec);
      notifyListener(l -> l.leaseLost(run.id(), spec.toString()));
      return Outcome.LEASE_LOST;
    }
  }

  /**
   * Records the partition as failed with {@code reason}: the rest of the run goes on, and a
   * retry recomputes only the failed partitions.
   */
  private Outcome failPartition(BatchRun run, PartitionSpec spec, PartitionLease lease, long items,
      String reason, RuntimeException cause) {
    BatchRun after = runs.fail(lease, reason, items, clock.instant());
    LOG.log(Level.WARNING, "batch " + run.id() + " partition " + spec + " failed: " + reason, cause);
    notifyListener(l -> l.partitionFailed(after, spec.toString(), items, reason));
    finished(after);
    return Outcome.FINISHED;
  }

  /**
   * The partition's subjects in the index's own order, which is spatial: neighbours are ranked
   * one after the other and find the same parts of the other index in the processor's caches.
   */
  private List<String> subjects(PartitionSpec spec) {
    List<String> ids = new ArrayList<>();
    if (spec.direction() == Direction.JOBS_FOR_WORKER) {
      engine.workerIndex().forEach((Worker w) -> {
        if (w.active() && spec.contains(w.id())) {
          ids.add(w.id());
        }
      });
    } else {
      engine.jobIndex().forEach((Job j) -> {
        if (j.open() && spec.contains(j.id())) {
          ids.add(j.id());
        }
      });
    }
    return ids;
  }

  private List<Match> rank(Direction direction, String subject, int topN) {
    MatchQuery query = MatchQuery.top(topN);
    return direction == Direction.JOBS_FOR_WORKER
        ? engine.topJobsFor(subject, query).matches()
        : engine.topWorkersFor(subject, query).matches();
  }

  private void finished(BatchRun run) {
    if (run.state().active()) {
      return;
    }
    if (run.state() == BatchState.SUCCEEDED) {
      publishAndAssign(run);
    }
    LOG.log(Level.INFO, "batch {0} {1}: {2} partitions done, {3} failed, {4} subjects ranked{5}",
        run.id(), run.state(), run.partitionsDone(), run.partitionsFailed(), run.itemsDone(),
        run.error() == null ? "" : "; error: " + run.error());
    notifyListener(l -> l.runFinished(run));
  }

  /** Publishes a succeeded run; when this call published it, computes its assignment if any. */
  private void publishAndAssign(BatchRun run) {
    if (publish(run)) {
      assign(run);
    }
  }

  /** Publishes each direction of the run not published at its generation or later; whether any was. */
  private boolean publish(BatchRun run) {
    long generation = Long.parseLong(run.parameters().get(PARAM_GENERATION));
    boolean published = false;
    for (Direction d : directionsOf(run)) {
      if (results.publishedGeneration(d).orElse(0) < generation && results.publishIfNewer(d, generation)) {
        published = true;
      }
    }
    if (published) {
      cleanUp();
    }
    return published;
  }

  /**
   * Deletes the stored lists of every generation older than the published one, in both
   * directions (with their partition tokens); returns how many lists were deleted. Idempotent,
   * and any node may run it at any time: the node that publishes runs it, and every started node
   * runs it at least every {@value #CLEAN_UP_EVERY_SECONDS} s, so a publisher that died between
   * publishing and cleaning up leaves nothing behind for long.
   */
  public long cleanUp() {
    long deleted = 0;
    for (Direction d : Direction.values()) {
      OptionalLong published = results.publishedGeneration(d);
      if (published.isPresent()) {
        deleted += results.deleteGenerationsBefore(d, published.getAsLong());
      }
    }
    lastCleanUp = clock.instant();
    if (deleted > 0) {
      LOG.log(Level.INFO, "batch clean-up: {0} lists of superseded generations deleted", deleted);
    }
    return deleted;
  }

  private void publishUnpublished() {
    for (BatchRun run : runs.list(DAILY_MATCHING, 1)) {
      if (run.state() == BatchState.SUCCEEDED) {
        publishAndAssign(run);
      }
    }
  }

  /** Computes the run's assignment, if it asks for one (see the class comment). */
  private void assign(BatchRun run) {
    AssignmentMode mode = AssignmentMode.ofParameter(run.parameters().get(PARAM_ASSIGNMENT));
    Assigner chosen = mode.assigner();
    if (chosen == null) {
      return;
    }
    long generation = Long.parseLong(run.parameters().get(PARAM_GENERATION));
    try {
      Instant started = clock.instant();
      int maxOffers = Integer.parseInt(run.parameters().getOrDefault(PARAM_MAX_OFFERS,
          Integer.toString(config.maxOffersPerWorker())));
      AssignmentProblem problem = assignmentProblem(generation, maxOffers);
      Assignment greedy = Assigner.greedy().assign(problem);
      Assignment optimal = Assigner.optimal().assign(problem);
      AssignmentReport report = AssignmentReport.of(greedy, optimal);
      BatchAssignment result = new BatchAssignment(run.id(), generation, mode, problem,
          mode == AssignmentMode.OPTIMAL ? optimal : greedy, report, Duration.between(started, clock.instant()));
      lastAssignment = result;
      LOG.log(Level.INFO, String.format(Locale.ROOT,
          "batch %s assignment (%s, at most %d offers per worker): %s; %d workers, %d jobs, %d edges; greedy total"
              + " %.4f, optimal total %.4f (greedy reaches %.2f%%), in %d ms",
          run.id(), mode.parameterValue(), maxOffers, result.assignment(), problem.workerCount(), problem.jobCount(),
          problem.edgeCount(), report.greedyTotal(), report.optimalTotal(), report.ratio() * 100,
          result.took().toMillis()));
      notifyListener(l -> l.assignmentComputed(run, result));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch " + run.id() + ": computing the " + mode.parameterValue()
          + " assignment failed; the run stays succeeded and published", e);
    }
  }

  /**
   * One edge per match of the published jobs-for-worker lists of {@code generation}, for every
   * active worker this node indexes, to jobs it indexes as open.
   */
  private AssignmentProblem assignmentProblem(long generation, int maxOffers) {
    engine.refresh();
    AssignmentProblem.Builder problem = AssignmentProblem.builder();
    Set<String> jobsDeclared = new HashSet<>();
    List<String> workerIds = new ArrayList<>();
    engine.workerIndex().forEach((Worker w) -> {
      if (w.active()) {
        workerIds.add(w.id());
      }
    });
    for (String workerId : workerIds) {
      Optional<MatchList> list = results.find(Direction.JOBS_FOR_WORKER, workerId);
      if (list.isEmpty() || list.get().generation() != generation) {
        continue;
      }
      problem.worker(workerId, maxOffers);
      for (Match match : list.get().matches()) {
        Optional<Job> job = engine.job(match.id());
        if (job.isEmpty() || !job.get().open()) {
          continue;
        }
        if (jobsDeclared.add(match.id())) {
          problem.job(match.id(), job.get().headcount());
        }
        problem.edge(workerId, match.id(), match.score());
      }
    }
    return problem.build();
  }

  private static Set<Direction> directionsOf(BatchRun run) {
    Set<Direction> out = EnumSet.noneOf(Direction.class);
    for (String name : run.parameters().getOrDefault(PARAM_DIRECTIONS, "").split(",")) {
      if (!name.isEmpty()) {
        out.add(Direction.valueOf(name));
      }
    }
    return out;
  }

  private void notifyListener(Consumer<BatchListener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch listener failed; ignored", e);
    }
  }

  private static void requireKnownType(String type) {
    Checks.required(type, "batch_type");
    if (!DAILY_MATCHING.equals(type)) {
      throw Checks.fail("batch_type", "must be \"" + DAILY_MATCHING + "\", was \"" + type + "\"");
    }
  }

  // ----------------------------------------------------------------------------- lifecycle

  /**
   * Starts polling in the background every {@link BatchConfig#pollInterval()}: triggers the
   * daily run when due and works on any active run. Idempotent.
   */
  public void start() {
    synchronized (lifecycle) {
      if (poller != null) {
        return;
      }
      stopping = false;
      ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(daemon("matching-batch"));
      long period = config.pollInterval().toMillis();
      p.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
      poller = p;
    }
  }

  private void tick() {
    try {
      Instant last = lastCleanUp;
      if (last == null || !clock.instant().isBefore(last.plusSeconds(CLEAN_UP_EVERY_SECONDS))) {
        cleanUp();
      }
      triggerIfDue();
      runPending();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch poll failed; will try again", e);
    }
  }

  /** Whether background polling is on. */
  public boolean isStarted() {
    synchronized (lifecycle) {
      return poller != null;
    }
  }

  /**
   * Stops background polling. A partition in progress is given back: its lease is released
   * before its next subject, so another node (or this one after a restart) takes it at once and
   * ranks it from the start; nothing of it is written. Waits up to {@code timeout} for that; a
   * worker still busy then is interrupted, and a lease it could not release expires.
   */
  public void stop(Duration timeout) {
    ScheduledExecutorService p;
    synchronized (lifecycle) {
      p = poller;
      if (p != null) {
        stopping = true;
      }
      poller = null;
    }
    if (p == null) {
      return;
    }
    p.shutdown();
    try {
      if (!p.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.shutdownNow();
      }
    } catch (InterruptedException e) {
      p.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops background polling, waiting up to the lease duration. */
  @Override
  public void close() {
    stop(config.leaseDuration());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
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
