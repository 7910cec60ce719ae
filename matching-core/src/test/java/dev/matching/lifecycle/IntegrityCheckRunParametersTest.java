package dev.matching.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.lifecycle.IntegrityFinding.Kind;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.BatchRun;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The integrity check over batch runs whose parameters the batch cannot read (see {@code RunParameters}). */
class IntegrityCheckRunParametersTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-10-25T00:00:00Z"));
  private final InMemoryBatchRunStore runs = new InMemoryBatchRunStore();
  private final InMemoryMatchResultStore results = new InMemoryMatchResultStore();
  private final MatchingEngine engine = MatchingEngine.builder().jobStore(new InMemoryJobStore(clock))
      .workerStore(new InMemoryWorkerStore(clock)).clock(clock).build();

  private BatchRun create(String type, Map<String, String> parameters) {
    clock.advance(Duration.ofSeconds(1));
    return runs.create(new NewBatchRun(type, parameters, List.of("p0"), "by-hand"), clock.instant());
  }

  @Test
  void aRunWhoseParametersCannotBeReadIsInconsistentAndTheCheckGoesOn() {
    engine.upsertJobs(List.of(Job.builder("j-1").employerId("e-1").hourlyPay(1200).build()));
    engine.upsertWorkers(List.of(Worker.builder("w-1").active(true).build()));
    BatchRun garbled = create(MatchingBatch.DAILY_MATCHING, Map.of("generation", "tomorrow"));
    BatchRun empty = create("other", Map.of());
    PartitionLease lease = runs.claim(empty.id(), "node", clock.instant(), Duration.ofMinutes(1)).orElseThrow();
    runs.complete(lease, 0, clock.instant());
    BatchRun writing = create("third", Map.of("generation", "5", "top_n", "7"));
    results.write(Direction.JOBS_FOR_WORKER, 5, clock.instant(),
        Map.of("w-1", List.of(new Match("j-1", 0.5, new FactorScores(0.5, 0.5, 0.5, 0.5)))));

    IntegrityReport report = new IntegrityCheck(engine, results, runs, IntegrityCheckConfig.ofDefaults(), clock).run();

    assertThat(report.batchRuns()).isEqualTo(3);
    assertThat(report.findings()).as("generation 5 of the readable active run %s is no leftover", writing.id())
        .singleElement().satisfies(f -> {
          assertThat(f.kind()).isEqualTo(Kind.BATCH_RUN_INCONSISTENT);
          assertThat(f.count()).isEqualTo(2);
          assertThat(f.sample()).containsExactlyInAnyOrder(garbled.id(), empty.id());
        });
  }
}
