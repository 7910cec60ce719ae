package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.assignment.AssignedEdge;
import dev.matching.assignment.AssignmentProblem;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.JobStore;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.WorkerStore;
import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.testing.ForwardingJobStore;
import dev.matching.testing.MutableClock;
import dev.matching.testing.RandomMarket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MatchingBatchTest {
  private static final int TOP_N = 7;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-10-25T00:00:00Z"));
  private final JobStore jobStore = new InMemoryJobStore(clock);
  private final WorkerStore workerStore = new InMemoryWorkerStore(clock);
  private final BatchRunStore runStore = new InMemoryBatchRunStore();
  private final InMemoryMatchResultStore resultStore = new InMemoryMatchResultStore();
  private final List<Job> jobs = RandomMarket.jobs(11, 600);
  private final List<Worker> workers = RandomMarket.workers(12, 300);
  private final BatchConfig config = BatchConfig.custom().topN(TOP_N).partitions(8).nodeId("node-a").build();

  MatchingBatchTest() {
    jobStore.upsertAll(jobs);
    workerStore.upsertAll(workers);
  }

  private MatchingEngine engine() {
    return MatchingEngine.builder().jobStore(jobStore).workerStore(workerStore).clock(clock).build();
  }

  private MatchingBatch batch(MatchingEngine engine, MatchResultStore results, BatchConfig cfg, BatchListener listener) {
    return MatchingBatch.builder(engine, runStore, results).config(cfg).clock(clock).listener(listener).build();
  }

  private MatchingBatch batch(String node) {
    return batch(engine(), resultStore, config.toBuilder().nodeId(node).build(), BatchListener.NONE);
  }

  /** Every active worker and open job has exactly its engine ranking stored, published. */
  private void assertPublishedResultsMatch(MatchingEngine engine, BatchRun run) {
    long generation = RunParameters.of(run).generation();
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEqualTo(OptionalLong.of(generation));
    assertThat(resultStore.publishedGeneration(Direction.WORKERS_FOR_JOB)).isEqualTo(OptionalLong.of(generation));
    int ranked = 0;
    for (Worker w : workers) {
      Optional<MatchList> stored = resultStore.find(Direction.JOBS_FOR_WORKER, w.id());
      if (!w.active()) {
        assertThat(stored).as("inactive %s", w.id()).isEmpty();
        continue;
      }
      List<Match> expected = engine.topJobsFor(w.id(), MatchQuery.top(TOP_N)).matches();
      assertThat(stored).as("worker %s", w.id()).isPresent();
      assertThat(stored.get().matches()).isEqualTo(expected);
      assertThat(stored.get().generation()).isEqualTo(generation);
      ranked++;
    }
    for (Job j : jobs) {
      Optional<MatchList> stored = resultStore.find(Direction.WORKERS_FOR_JOB, j.id());
      if (!j.open()) {
        assertThat(stored).isEmpty();
        continue;
      }
      assertThat(stored.orElseThrow().matches()).isEqualTo(engine.topWorkersFor(j.id(), MatchQuery.top(TOP_N)).matches());
      ranked++;
    }
    assertThat(runStore.find(run.id()).orElseThrow().itemsDone()).isEqualTo(ranked);
  }

  @Test
  void aRunRanksEveryActiveWorkerAndOpenJobAndPublishesOneGeneration() {
    MatchingEngine engine = engine();
    MatchingBatch batch = batch(engine, resultStore, config, BatchListener.NONE);
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThat(run.state()).isEqualTo(BatchState.QUEUED);
    assertThat(run.partitions()).isEqualTo(16);
    assertThat(run.triggeredBy()).isEqualTo("operator-1");
    assertThat(run.parameters()).as("what the run saw when triggered")
        .containsEntry("jobs_stored", "600").containsEntry("jobs_indexed", "600")
        .containsEntry("workers_stored", "300")
        .containsEntry("workers_indexed", "300");

    assertThat(batch.runPending()).isEqualTo(16);

    BatchRun done = batch.status(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(done.partitionsDone()).isEqualTo(16);
    assertPublishedResultsMatch(engine, done);
    BatchProgress progress = batch.progress(run.id());
    assertThat(progress.fraction()).isEqualTo(1.0);
    assertThat(progress.estimatedRemaining()).contains(Duration.ZERO);
  }

  @Test
  void severalNodesShareOneRunAndEachPartitionIsDoneExactlyOnce() throws Exception {
    Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    BatchListener counting = new BatchListener() {
      @Override
      public void partitionCompleted(BatchRun run, String spec, long items, Duration took) {
        completions.computeIfAbsent(spec, k -> new AtomicInteger()).incrementAndGet();
      }
    };
    List<MatchingBatch> nodes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      nodes.add(batch(engine(), resultStore, config.toBuilder().nodeId("node-" + i).partitions(32).build(), counting));
    }
    BatchRun run = nodes.get(0).trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<Integer>> work = new ArrayList<>();
      for (MatchingBatch node : nodes) {
        work.add(pool.submit(node::runPending));
      }
      int total = 0;
      for (Future<Integer> f : work) {
        total += f.get(30, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(64);
    } finally {
      pool.shutdownNow();
    }
    assertThat(completions).hasSize(64).allSatisfy((spec, n) -> assertThat(n.get()).as(spec).isEqualTo(1));
    BatchRun done = runStore.find(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertPublishedResultsMatch(engine(), done);
  }

  @Test
  void aRunWithAnAssignmentAssignsThePublishedListsWithinCapacity() {
    List<BatchAssignment> reported = Collections.synchronizedList(new ArrayList<>());
    BatchListener recording = new BatchListener() {
      @Override
      public void assignmentComputed(BatchRun run, BatchAssignment assignment) {
        reported.add(assignment);
      }
    };
    MatchingEngine engine = engine();
    MatchingBatch batch = batch(engine, resultStore, config.toBuilder().maxOffersPerWorker(2).build(), recording);
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, TOP_N, AssignmentMode.OPTIMAL, "operator-1");
    assertThat(run.parameters()).containsEntry("assignment", "optimal")
        .containsEntry("max_offers_per_worker", "2");
    batch.runPending();

    BatchAssignment result = batch.lastAssignment().orElseThrow();
    assertThat(reported).containsExactly(result);
    assertThat(result.runId()).isEqualTo(run.id());
    assertThat(result.mode()).isEqualTo(AssignmentMode.OPTIMAL);
    assertThat(result.generation()).isEqualTo(RunParameters.of(run).generation());
    AssignmentProblem fromStore = problemFromPublishedLists(2);
    assertThat(result.problem().edgeCount()).isEqualTo(fromStore.edgeCount()).isPositive();
    result.assignment().validate(fromStore);
    for (AssignedEdge edge : result.assignment().edges()) {
      assertThat(result.assignment().countForJob(edge.jobId()))
          .isLessThanOrEqualTo(engine.job(edge.jobId()).orElseThrow().headcount());
      assertThat(result.assignment().countForWorker(edge.workerId())).isLessThanOrEqualTo(2);
    }
    assertThat(result.assignment().totalScore()).isEqualTo(result.report().optimalTotal());
    assertThat(result.report().optimalTotal()).isGreaterThanOrEqualTo(result.report().greedyTotal() - 1e-6);
    assertThat(result.report().greedyEdges()).isPositive();
  }

  @Test
  void aRunWithoutAnAssignmentComputesNone() {
    MatchingBatch batch = batch("node-a");
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThat(run.parameters()).doesNotContainKeys("assignment", "max_offers_per_worker");
    batch.runPending();
    assertThat(batch.status(run.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(batch.lastAssignment()).isEmpty();
    MatchingBatch onlyJobs = batch(engine(), resultStore,
        config.toBuilder().directions(java.util.Set.of(Direction.WORKERS_FOR_JOB)).build(), BatchListener.NONE);
    assertThatThrownBy(() -> onlyJobs.trigger(MatchingBatch.DAILY_MATCHING, TOP_N, AssignmentMode.GREEDY, "operator-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("assignment");
  }

  /** The test's own reading of the published worker lists as a problem: the oracle for the batch's. */
  private AssignmentProblem problemFromPublishedLists(int maxOffers) {
    AssignmentProblem.Builder problem = AssignmentProblem.builder();
    java.util.Set<String> jobIds = new java.util.HashSet<>();
    for (Worker w : workers) {
      Optional<MatchList> list = resultStore.find(Direction.JOBS_FOR_WORKER, w.id());
      if (list.isEmpty()) {
        continue;
      }
      problem.worker(w.id(), maxOffers);
      for (Match m : list.get().matches()) {
        problem.edge(w.id(), m.id(), m.score());
        jobIds.add(m.id());
      }
    }
    for (Job j : jobs) {
      if (jobIds.contains(j.id())) {
        problem.job(j.id(), j.headcount());
      }
    }
    return problem.build();
  }

  @Test
  void aSecondTriggerWhileRunningIsRefused() {
    MatchingBatch batch = batch("node-a");
    BatchRun first = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThatThrownBy(() -> batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-2"))
        .isInstanceOf(BatchConflictException.class);
    assertThat(batch.runs(null, 10)).extracting(BatchRun::id).containsExactly(first.id());
  }

  @Test
  void badTriggersNameTheField() {
    MatchingBatch batch = batch("node-a");
    assertThatThrownBy(() -> batch.trigger("weekly_matching", "operator-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch_type").hasMessageContaining("weekly_matching");
    assertThatThrownBy(() -> batch.trigger(MatchingBatch.DAILY_MATCHING, 0, "operator-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topN");
    assertThatThrownBy(() -> batch.progress("run-404")).isInstanceOf(NotFoundException.class);
    assertThat(batch.runs(null, 10)).isEmpty();
  }

  @Test
  void aPoisonPartitionFailsAloneAndRetryRecomputesOnlyIt() {
    String poisoned = workers.stream().filter(Worker::active).findFirst().orElseThrow().id();
    AtomicReference<Boolean> poison = new AtomicReference<>(true);
    MatchResultStore failing = new ForwardingResultStore(resultStore) {
      @Override
      public void write(PartitionLease writer, Direction d, long generation, Instant at,
          Map<String, List<Match>> lists) {
        if (poison.get() && lists.containsKey(poisoned)) {
          throw new IllegalStateException("disk full");
        }
        super.write(writer, d, generation, at, lists);
      }
    };
    List<String> completed = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    BatchListener recording = new BatchListener() {
      @Override
      public void partitionCompleted(BatchRun run, String spec, long items, Duration took) {
        completed.add(spec);
      }

      @Override
      public void partitionFailed(BatchRun run, String spec, long items, String reason) {
        failed.add(spec + " " + reason);
      }
    };
    MatchingEngine engine = engine();
    MatchingBatch batch = batch(engine, failing, config, recording);
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    batch.runPending();

    BatchRun afterFirst = batch.status(run.id()).orElseThrow();
    assertThat(afterFirst.state()).isEqualTo(BatchState.FAILED);
    assertThat(afterFirst.partitionsFailed()).isEqualTo(1);
    assertThat(afterFirst.partitionsDone()).isEqualTo(15);
    assertThat(failed).singleElement().asString().startsWith("JOBS_FOR_WORKER:").contains("disk full");
    assertThat(completed).hasSize(15);
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();
    assertThat(batch.partitions(run.id())).filteredOn(p -> p.error() != null)
        .singleElement().satisfies(p -> assertThat(p.error()).contains("disk full"));

    poison.set(false);
    completed.clear();
    assertThat(batch.retry(run.id()).state()).isEqualTo(BatchState.QUEUED);
    assertThat(batch.runPending()).isEqualTo(1);
    assertThat(completed).hasSize(1);
    BatchRun done = batch.status(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertPublishedResultsMatch(engine, done);
  }

  @Test
  void aPartitionLeasedByACrashedNodeIsTakenOverWhenTheLeaseExpires() {
    MatchingBatch survivor = batch("survivor");
    BatchRun run = survivor.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    PartitionLease crashed = runStore.claim(run.id(), "crashed-node", clock.instant(), config.leaseDuration()).orElseThrow();

    assertThat(survivor.runPending()).isEqualTo(15);
    assertThat(survivor.status(run.id()).orElseThrow().state()).isEqualTo(BatchState.RUNNING);
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();

    clock.advance(config.leaseDuration().plusSeconds(1));
    assertThat(survivor.runPending()).isEqualTo(1);
    BatchRun done = survivor.status(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertPublishedResultsMatch(engine(), done);
    assertThat(survivor.partitions(run.id()).get(crashed.partition()).owner()).isEqualTo("survivor");
  }

  @Test
  void aSucceededRunLeftUnpublishedIsPublishedByTheNextNodeThatLooks() {
    MatchingBatch batch = batch("node-a");
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    // a node that computes and completes partitions but dies before publishing
    MatchResultStore neverPublishes = new ForwardingResultStore(resultStore) {
      @Override
      public boolean publishIfNewer(Direction d, long generation) {
        throw new IllegalStateException("killed before publishing");
      }
    };
    MatchingBatch dying = batch(engine(), neverPublishes, config.toBuilder().nodeId("dying").build(), BatchListener.NONE);
    assertThatThrownBy(dying::runPending).hasMessageContaining("killed before publishing");
    assertThat(runStore.find(run.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();

    assertThat(batch.runPending()).isZero();
    assertPublishedResultsMatch(engine(), runStore.find(run.id()).orElseThrow());
  }

  @Test
  void theNodeThatPublishesARunLeftUnpublishedComputesItsAssignment() {
    BatchConfig greedy = config.toBuilder().assignment(AssignmentMode.GREEDY).build();
    MatchingBatch next = batch(engine(), resultStore, greedy, BatchListener.NONE);
    BatchRun run = next.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    MatchResultStore neverPublishes = new ForwardingResultStore(resultStore) {
      @Override
      public boolean publishIfNewer(Direction d, long generation) {
        throw new IllegalStateException("killed before publishing");
      }
    };
    MatchingBatch dying = batch(engine(), neverPublishes, greedy.toBuilder().nodeId("dying").build(), BatchListener.NONE);
    assertThatThrownBy(dying::runPending).hasMessageContaining("killed before publishing");
    assertThat(dying.lastAssignment()).isEmpty();

    assertThat(next.runPending()).isZero();
    BatchAssignment result = next.lastAssignment().orElseThrow();
    assertThat(result.runId()).isEqualTo(run.id());
    assertThat(result.mode()).isEqualTo(AssignmentMode.GREEDY);
    assertThat(result.assignment().totalScore()).isEqualTo(result.report().greedyTotal());
    result.assignment().validate(problemFromPublishedLists(BatchConfig.ofDefaults().maxOffersPerWorker()));
    assertThat(next.runPending()).isZero();
    assertThat(next.lastAssignment()).containsSame(result);
  }

  @Test
  void cancelStopsClaimsAndKeepsThePublishedGeneration() {
    MatchingBatch batch = batch("node-a");
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThat(batch.cancel(run.id()).state()).isEqualTo(BatchState.CANCELLED);
    assertThat(batch.runPending()).isZero();
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();
    assertThat(batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1").state()).isEqualTo(BatchState.QUEUED);
  }

  @Test
  void theScheduleTriggersOnceForAMissedSlotHoweverManyDaysWereMissed() {
    MatchingBatch batch = MatchingBatch.builder(engine(), runStore, resultStore).config(config).clock(clock)
        .schedule(DailySchedule.ofDefaults()).build();
    clock.set(Instant.parse("2026-10-25T17:59:00Z")); // 02:59 Tokyo on the 26th
    Optional<BatchRun> first = batch.triggerIfDue();
    assertThat(first).isPresent();                   // nothing ever ran: the slot of the 25th is due
    batch.runPending();
    assertThat(batch.triggerIfDue()).isEmpty();

    clock.set(Instant.parse("2026-10-25T18:00:00Z")); // 03:00 Tokyo on the 26th
    assertThat(batch.triggerIfDue()).isPresent();
    batch.runPending();
    assertThat(batch.triggerIfDue()).isEmpty();

    clock.set(Instant.parse("2026-10-30T12:00:00Z")); // four slots missed while down
    assertThat(batch.triggerIfDue()).isPresent();
    batch.runPending();
    assertThat(batch.triggerIfDue()).isEmpty();
    assertThat(batch.runs(MatchingBatch.DAILY_MATCHING, 10)).hasSize(3)
        .allSatisfy(r -> assertThat(r.state()).isEqualTo(BatchState.SUCCEEDED));
  }

  @Test
  void startedBatchPicksUpATriggeredRunInTheBackground() throws Exception {
    CountDownLatch finished = new CountDownLatch(1);
    BatchListener onFinish = new BatchListener() {
      @Override
      public void runFinished(BatchRun run) {
        finished.countDown();
      }
    };
    MatchingBatch batch = batch(engine(), resultStore, config.toBuilder().pollInterval(Duration.ofMillis(20)).build(),
        onFinish);
    batch.start();
    try {
      BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(batch.status(run.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);
    } finally {
      batch.stop(Duration.ofSeconds(10));
    }
    assertThat(batch.isStarted()).isFalse();
  }

  @Test
  void aStoreThatCannotBeReadGivesThePartitionBackInsteadOfFailingIt() {
    AtomicBoolean down = new AtomicBoolean(true);
    JobStore flaky = new ForwardingJobStore(new InMemoryJobStore(clock)) {
      @Override
      public List<dev.matching.spi.Change> changesSince(long afterSequence, int limit) {
        if (down.get()) {
          throw new dev.matching.spi.StorageException("database unreachable");
        }
        return super.changesSince(afterSequence, limit);
      }
    };
    flaky.upsertAll(jobs);
    MatchingEngine engine = MatchingEngine.builder().jobStore(flaky).workerStore(workerStore).clock(clock).build();
    MatchingBatch batch = batch(engine, resultStore, config, BatchListener.NONE);
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");

    assertThat(batch.runPending()).isZero();
    assertThat(batch.partitions(run.id())).allSatisfy(p -> {
      assertThat(p.state()).isEqualTo(dev.matching.spi.PartitionState.PENDING);
      assertThat(p.error()).isNull();
    });

    down.set(false);
    assertThat(batch.runPending()).isEqualTo(16);
    assertThat(batch.status(run.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);
  }

  @Test
  void aNodePausedPastItsLeaseCannotWriteAfterTheTakeoverEvenWithTheDataChanged() {
    MatchingEngine engine = engine();
    BatchConfig single = config.toBuilder().partitions(1).build();
    MatchingBatch taker = batch(engine, resultStore, single.toBuilder().nodeId("node-b").build(), BatchListener.NONE);
    List<String> lost = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean paused = new AtomicBoolean();
    String changed = workers.stream().filter(Worker::active).findFirst().orElseThrow().id();
    MatchResultStore pausing = new ForwardingResultStore(resultStore) {
      @Override
      public void write(PartitionLease writer, Direction d, long generation, Instant at,
          Map<String, List<Match>> lists) {
        if (d == Direction.JOBS_FOR_WORKER && paused.compareAndSet(false, true)) {
          // node A stops here, inside its write, past its lease; meanwhile a worker is deactivated
          // and node B takes the partition over and finishes and publishes the run
          assertThat(lists).containsKey(changed);
          engine.upsertWorker(engine.worker(changed).orElseThrow().toBuilder().active(false).build());
          clock.advance(single.leaseDuration().plusSeconds(1));
          assertThat(taker.runPending()).isPositive();
          assertThat(runStore.list(MatchingBatch.DAILY_MATCHING, 1).get(0).state()).isEqualTo(BatchState.SUCCEEDED);
        }
        super.write(writer, d, generation, at, lists);
      }
    };
    MatchingBatch zombie = batch(engine, pausing, single.toBuilder().nodeId("node-a").build(), new BatchListener() {
      @Override
      public void leaseLost(String runId, String spec) {
        lost.add(spec);
      }
    });
    zombie.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");

    zombie.runPending();

    assertThat(lost).as("the paused node was told, and wrote nothing").isNotEmpty();
    assertThat(resultStore.find(Direction.JOBS_FOR_WORKER, changed)).as("deactivated during the pause").isEmpty();
    engine.workerIndex().forEach((Worker w) -> {
      if (w.active()) {
        assertThat(resultStore.find(Direction.JOBS_FOR_WORKER, w.id()).orElseThrow().matches()).as(w.id())
            .isEqualTo(engine.topJobsFor(w.id(), MatchQuery.top(TOP_N)).matches());
      }
    });
  }

  @Test
  void aPublisherPausedUntilANewerRunWasPublishedLeavesTheNewerOneInPlace() {
    MatchingEngine engine = engine();
    MatchingBatch other = batch(engine, resultStore, config.toBuilder().nodeId("node-b").build(), BatchListener.NONE);
    AtomicBoolean paused = new AtomicBoolean();
    long[] newer = {0};
    MatchResultStore pausing = new ForwardingResultStore(resultStore) {
      @Override
      public boolean publishIfNewer(Direction d, long generation) {
        if (paused.compareAndSet(false, true)) {
          // node A stops right before publishing run 1; meanwhile run 2 runs and is published
          clock.advance(Duration.ofMinutes(5));
          BatchRun second = other.trigger(MatchingBatch.DAILY_MATCHING, "operator-2");
          other.runPending();
          newer[0] = RunParameters.of(second).generation();
          assertThat(resultStore.publishedGeneration(d)).hasValue(newer[0]);
        }
        return super.publishIfNewer(d, generation);
      }
    };
    MatchingBatch publisher = batch(engine, pausing, config.toBuilder().nodeId("node-a").build(), BatchListener.NONE);
    publisher.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");

    publisher.runPending();

    for (Direction d : Direction.values()) {
      assertThat(resultStore.publishedGeneration(d)).as(d.name()).hasValue(newer[0]);
    }
    assertThat(resultStore.generations(Direction.JOBS_FOR_WORKER)).containsExactly(newer[0]);
  }

  @Test
  void cleanUpDeletesSupersededGenerationsLeftByAPublisherThatDied() {
    MatchingBatch batch = batch("node-a");
    batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    batch.runPending();
    long first = resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER).orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    // the second run publishes, and its publisher dies before deleting the first generation
    MatchResultStore diesBeforeCleaning = new ForwardingResultStore(resultStore) {
      @Override
      public long deleteGenerationsBefore(Direction d, long generation) {
        throw new IllegalStateException("killed after publishing");
      }
    };
    MatchingBatch dying = batch(engine(), diesBeforeCleaning, config.toBuilder().nodeId("dying").build(),
        BatchListener.NONE);
    dying.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThatThrownBy(dying::runPending).hasMessageContaining("killed after publishing");
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER).orElseThrow()).isGreaterThan(first);
    assertThat(resultStore.generations(Direction.JOBS_FOR_WORKER)).as("left behind").contains(first);

    assertThat(batch.cleanUp()).isPositive();

    assertThat(resultStore.generations(Direction.JOBS_FOR_WORKER)).doesNotContain(first).hasSize(1);
    assertThat(resultStore.generations(Direction.WORKERS_FOR_JOB)).hasSize(1);
    assertThat(batch.cleanUp()).as("idempotent").isZero();
  }

  /** Delegates everything; tests override one method to inject a failure. */
  private static class ForwardingResultStore implements MatchResultStore {
    private final MatchResultStore delegate;

    ForwardingResultStore(MatchResultStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(Direction d, long generation, Instant at, Map<String, List<Match>> lists) {
      delegate.write(d, generation, at, lists);
    }

    @Override
    public void write(PartitionLease writer, Direction d, long generation, Instant at, Map<String, List<Match>> lists) {
      delegate.write(writer, d, generation, at, lists);
    }

    @Override
    public void publish(Direction d, long generation) {
      delegate.publish(d, generation);
    }

    @Override
    public boolean publishIfNewer(Direction d, long generation) {
      return delegate.publishIfNewer(d, generation);
    }

    @Override
    public OptionalLong publishedGeneration(Direction d) {
      return delegate.publishedGeneration(d);
    }

    @Override
    public Optional<MatchList> find(Direction d, String subjectId) {
      return delegate.find(d, subjectId);
    }

    @Override
    public long deleteGenerationsBefore(Direction d, long generation) {
      return delegate.deleteGenerationsBefore(d, generation);
    }

    @Override
    public long erase(String id) {
      return delegate.erase(id);
    }

    @Override
    public long deleteComputedBefore(Instant cutoff) {
      return delegate.deleteComputedBefore(cutoff);
    }

    @Override
    public List<Long> generations(Direction d) {
      return delegate.generations(d);
    }

    @Override
    public List<MatchList> list(Direction d, long generation, @Nullable String afterSubjectId, int limit) {
      return delegate.list(d, generation, afterSubjectId, limit);
    }
  }

  @Test
  void stoppingGivesThePartitionInProgressBackAtOnceAndWritesNothingOfIt() throws Exception {
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    AtomicBoolean armed = new AtomicBoolean();
    JobStore slow = new ForwardingJobStore(new InMemoryJobStore(clock)) {
      @Override
      public List<dev.matching.spi.Change> changesSince(long afterSequence, int limit) {
        if (armed.getAndSet(false)) { // the partition's refresh, with its lease held
          refreshing.countDown();
          try {
            proceed.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.changesSince(afterSequence, limit);
      }
    };
    slow.upsertAll(jobs);
    MatchingEngine engine = MatchingEngine.builder().jobStore(slow).workerStore(workerStore).clock(clock).build();
    BatchConfig one = config.toBuilder().partitions(1).threads(1).pollInterval(Duration.ofMillis(20)).build();
    MatchingBatch batch = batch(engine, resultStore, one, BatchListener.NONE);
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    int partitions = runStore.partitions(run.id()).size();
    armed.set(true);
    batch.start();
    assertThat(refreshing.await(20, TimeUnit.SECONDS)).as("the poller claimed a partition").isTrue();
    assertThat(runStore.partitions(run.id())).anyMatch(p -> p.state() == dev.matching.spi.PartitionState.RUNNING);

    Thread stopper = new Thread(() -> batch.stop(Duration.ofSeconds(30)));
    stopper.start();
    while (batch.isStarted()) { // stop() has begun: from here the batch is stopping
      Thread.sleep(5);
    }
    proceed.countDown();
    stopper.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(stopper.isAlive()).isFalse();

    assertThat(runStore.partitions(run.id())).as("released, not left to expire")
        .allMatch(p -> p.state() == dev.matching.spi.PartitionState.PENDING);
    assertThat(batch.status(run.id()).orElseThrow().state().active()).isTrue();
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();
    // another node takes the work over at once, without waiting for a lease to expire
    MatchingBatch other = batch(engine, resultStore, one.toBuilder().nodeId("node-b").build(), BatchListener.NONE);
    assertThat(other.runPending()).isEqualTo(partitions);
    assertThat(other.status(run.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);
  }
}
