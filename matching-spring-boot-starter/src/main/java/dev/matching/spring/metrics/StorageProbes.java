package dev.matching.spring.metrics;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.query.Direction;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.StorageException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes behind the availability gauges: whether the entity store and the result store answer,
 * and when the last daily batch run succeeded. Each probe is one cheap read.
 */
public final class StorageProbes {
  private static final Logger LOG = LoggerFactory.getLogger(StorageProbes.class);
  private static final int RECENT_RUNS = 20;

  private StorageProbes() {}

  /** 1 when the job store answers a one-item page, 0 when it fails with a storage error. */
  public static double entitiesUp(MatchingEngine engine) {
    try {
      engine.jobStore().list(null, 1);
      return 1;
    } catch (StorageException e) {
      LOG.debug("entity store probe failed", e);
      return 0;
    }
  }

  /** 1 when the result store answers, 0 when it fails with a storage error. */
  public static double resultsUp(MatchResultStore results) {
    try {
      results.publishedGeneration(Direction.JOBS_FOR_WORKER);
      return 1;
    } catch (StorageException e) {
      LOG.debug("result store probe failed", e);
      return 0;
    }
  }

  /**
   * Seconds since the epoch at which the newest succeeded daily run among the recent ones
   * finished; {@code sinceSeconds} (the service's start) when none did, so a service that never
   * completes a run is reported late one period after it started; NaN when the store did not
   * answer.
   */
  public static double lastSuccessSeconds(MatchingBatch batch, long sinceSeconds) {
    try {
      for (BatchRun run : batch.runs(MatchingBatch.DAILY_MATCHING, RECENT_RUNS)) {
        if (run.state() == BatchState.SUCCEEDED) {
          Instant end = run.finishedAt() == null ? run.createdAt() : run.finishedAt();
          return end.getEpochSecond();
        }
      }
      return sinceSeconds;
    } catch (StorageException e) {
      LOG.debug("batch run probe failed", e);
      return Double.NaN;
    }
  }
}
