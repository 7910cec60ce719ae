package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.query.Direction;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.PartitionStatus;
import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.testing.MutableClock;
import dev.matching.testing.RandomMarket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs whose parameters were stored by hand, or damaged, in the run store: see {@link RunParameters}. */
@Timeout(60)
class UnreadableRunParametersTest {
  private static final List<String> PARTITIONS = List.of(
      new PartitionSpec(Direction.JOBS_FOR_WORKER, 0, 2).toString(),
      new PartitionSpec(Direction.JOBS_FOR_WORKER, 1, 2).toString(),
      new PartitionSpec(Direction.WORKERS_FOR_JOB, 0, 2).toString(),
      new PartitionSpec(Direction.WORKERS_FOR_JOB, 1, 2).toString());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-10-25T00:00:00Z"));
  private final InMemoryBatchRunStore runStore = new InMemoryBatchRunStore();
  private final InMemoryMatchResultStore resultStore = new InMemoryMatchResultStore();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<BatchRun> finished = Collections.synchronizedList(new ArrayList<>());
  private final MatchingBatch batch;

  UnreadableRunParametersTest() {
    InMemoryJobStore jobs = new InMemoryJobStore(clock);
    InMemoryWorkerStore workers = new InMemoryWorkerStore(clock);
    jobs.upsertAll(RandomMarket.jobs(3, 60));
    workers.upsertAll(RandomMarket.workers(4, 40));
    MatchingEngine engine = MatchingEngine.builder().jobStore(jobs).workerStore(workers).clock(clock).build();
    BatchListener recording = new BatchListener() {
      @Override
      public void partitionFailed(BatchRun run, String spec, long items, String reason) {
        failures.add(reason);
      }

      @Override
      public void runFinished(BatchRun run) {
        finished.add(run);
      }
    };
    batch = MatchingBatch.builder(engine, runStore, resultStore)
        .config(BatchConfig.custom().topN(5).partitions(2).nodeId("node-a").build())
        .clock(clock).listener(recording).build();
  }

  private BatchRun stored(Map<String, String> parameters) {
    return runStore.create(new NewBatchRun(MatchingBatch.DAILY_MATCHING, parameters, PARTITIONS, "by-hand"),
        clock.instant());
  }

  @Test
  void aQueuedRunWithAMalformedValueFailsEveryPartitionWithTheReasonAndWritesNothing() {
    BatchRun run = stored(Map.of("generation", "1792886400000", "top_n", "ten",
        "directions", "JOBS_FOR_WORKER,WORKERS_FOR_JOB"));
    String reason = "batch run " + run.id() + ", parameter top_n: must be a whole number, was \"ten\"";

    assertThat(batch.runPending()).as("every partition claimed and failed, none thrown").isEqualTo(4);

    BatchRun after = batch.status(run.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(BatchState.FAILED);
    assertThat(after.partitionsFailed()).isEqualTo(4);
    assertThat(after.error()).contains(reason);
    assertThat(batch.partitions(run.id())).extracting(PartitionStatus::error).containsOnly(reason);
    assertThat(failures).hasSize(4).containsOnly(reason);
    assertThat(finished).extracting(BatchRun::id).containsExactly(run.id());
    assertThat(resultStore.generations(Direction.JOBS_FOR_WORKER)).isEmpty();
    assertThat(resultStore.generations(Direction.WORKERS_FOR_JOB)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    BatchRun next = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThat(batch.runPending()).isEqualTo(4);
    assertThat(batch.status(next.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER))
        .hasValue(RunParameters.of(next).generation());
  }

  @Test
  void aQueuedRunWithoutAGenerationFailsTheSameWay() {
    BatchRun run = stored(Map.of());

    assertThat(batch.runPending()).isEqualTo(4);

    assertThat(batch.status(run.id()).orElseThrow().state()).isEqualTo(BatchState.FAILED);
    assertThat(failures).hasSize(4)
        .containsOnly("batch run " + run.id() + ", parameter generation: is required");
  }

  @Test
  void aSucceededRunThatCannotBeReadIsLeftUnpublishedWithoutStoppingTheBatch() {
    BatchRun run = stored(Map.of("generation", "yesterday", "directions", "JOBS_FOR_WORKER,WORKERS_FOR_JOB"));
    for (int i = 0; i < PARTITIONS.size(); i++) {
      PartitionLease lease = runStore.claim(run.id(), "node-b", clock.instant(), Duration.ofMinutes(1)).orElseThrow();
      runStore.complete(lease, 0, clock.instant());
    }
    assertThat(runStore.find(run.id()).orElseThrow().state()).isEqualTo(BatchState.SUCCEEDED);

    assertThat(batch.runPending()).as("nothing to claim, nothing thrown").isZero();
    assertThat(batch.runPending()).isZero();
    assertThat(resultStore.publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    BatchRun next = batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
    assertThat(batch.runPending()).isEqualTo(4);
    assertThat(resultStore.publishedGeneration(Direction.WORKERS_FOR_JOB))
        .hasValue(RunParameters.of(next).generation());
  }
}
