package dev.matching.batch;

import dev.matching.spi.BatchRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a run stands: partitions done out of total, items ranked, the rate so far and an
 * estimate of the time left. Immutable.
 *
 * @param run the run
 * @param done partitions done or failed
 * @param total partitions in all
 * @param items subjects ranked so far
 * @param itemsPerSecond items per second since the run started, 0 before it did
 * @param remaining estimated time left, null when unknown (not started, or nothing done yet)
 */
public record BatchProgress(BatchRun run, int done, int total, long items, double itemsPerSecond,
    @Nullable Duration remaining) {

  /** The progress of {@code run} as of {@code now}. */
  public static BatchProgress of(BatchRun run, Instant now) {
    int done = run.partitionsDone() + run.partitionsFailed();
    long items = run.itemsDone() + run.itemsFailed();
    Instant started = run.startedAt();
    Instant end = run.finishedAt() != null ? run.finishedAt() : now;
    double seconds = started == null ? 0 : Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
    double rate = seconds == 0 ? 0 : items / seconds;
    Duration remaining = null;
    if (!run.state().active()) {
      remaining = Duration.ZERO;
    } else if (started != null && done > 0) {
      double perPartition = seconds / done;
      remaining = Duration.ofMillis((long) (perPartition * (run.partitions() - done) * 1000));
    }
    return new BatchProgress(run, done, run.partitions(), items, rate, remaining);
  }

  /** The share of partitions finished, in [0, 1]. */
  public double fraction() {
    return total == 0 ? 1 : (double) done / total;
  }

  /** The estimated time left, when known. */
  public Optional<Duration> estimatedRemaining() {
    return Optional.ofNullable(remaining);
  }
}
