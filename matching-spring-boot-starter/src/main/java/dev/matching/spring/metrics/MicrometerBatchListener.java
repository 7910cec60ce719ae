package dev.matching.spring.metrics;

import dev.matching.batch.BatchListener;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** Counts and times this node's batch work. Thread-safe. */
public class MicrometerBatchListener implements BatchListener {
  private final MeterRegistry registry;
  private final Counter completed;
  private final Counter failed;
  private final Counter lost;
  private final Counter items;
  private final Timer duration;

  /** Registers its meters in {@code registry}. */
  public MicrometerBatchListener(MeterRegistry registry) {
    this.registry = registry;
    this.completed = partitions("completed");
    this.failed = partitions("failed");
    this.lost = partitions("lease_lost");
    this.items = Counter.builder(MatchingMetrics.BATCH_ITEMS).description("Subjects ranked by batch work")
        .register(registry);
    this.duration = Timer.builder(MatchingMetrics.BATCH_PARTITION_DURATION)
        .description("Time to rank and store one batch partition").register(registry);
    for (BatchState state : BatchState.values()) {
      if (!state.active()) {
        runs(state);
      }
    }
  }

  /** Registered up front for every final state, so alerts see a zero before the first run. */
  private Counter runs(BatchState state) {
    return Counter.builder(MatchingMetrics.BATCH_RUNS).description("Batch runs finished")
        .tag(MatchingMetrics.TAG_STATE, state.name().toLowerCase(Locale.ROOT)).register(registry);
  }

  private Counter partitions(String outcome) {
    return Counter.builder(MatchingMetrics.BATCH_PARTITIONS).description("Batch partitions finished by this node")
        .tag(MatchingMetrics.TAG_OUTCOME, outcome).register(registry);
  }

  @Override
  public void partitionCompleted(BatchRun run, String spec, long n, Duration took) {
    completed.increment();
    items.increment(n);
    duration.record(took);
  }

  @Override
  public void partitionFailed(BatchRun run, String spec, long n, String reason) {
    failed.increment();
    items.increment(n);
  }

  @Override
  public void leaseLost(String runId, String spec) {
    lost.increment();
  }

  @Override
  public void runFinished(BatchRun run) {
    runs(run.state()).increment();
  }
}
