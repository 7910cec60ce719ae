package dev.matching.batch;

import static dev.matching.batch.BatchContext.LOG;

import dev.matching.spi.support.DaemonThreads;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The background polling of a started {@link MatchingBatch}: one daemon thread that, every
 * {@link BatchConfig#pollInterval()}, cleans up superseded generations when that is due,
 * triggers the daily run when its slot is due and works on any active run. Thread-safe.
 */
final class BatchPoller {
  /** Longest time between two {@link MatchingBatch#cleanUp()} runs of a started node. */
  static final long CLEAN_UP_EVERY_SECONDS = 60;

  private final BatchConfig config;
  private final Clock clock;
  private final RunControl control;
  private final PartitionWorker worker;
  private final ResultPublisher publisher;
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService poller;

  BatchPoller(BatchContext context, RunControl control, PartitionWorker worker, ResultPublisher publisher) {
    this.config = context.config();
    this.clock = context.clock();
    this.control = control;
    this.worker = worker;
    this.publisher = publisher;
  }

  /** {@link MatchingBatch#start()}. */
  void start() {
    synchronized (lifecycle) {
      if (poller != null) {
        return;
      }
      worker.stopping(false);
      ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("matching-batch"));
      long period = config.pollInterval().toMillis();
      p.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
      poller = p;
    }
  }

  private void tick() {
    try {
      Instant last = publisher.lastCleanUp();
      if (last == null || !clock.instant().isBefore(last.plusSeconds(CLEAN_UP_EVERY_SECONDS))) {
        publisher.cleanUp();
      }
      control.triggerIfDue();
      worker.runPending();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch poll failed; will try again", e);
    }
  }

  /** {@link MatchingBatch#isStarted()}. */
  boolean isStarted() {
    synchronized (lifecycle) {
      return poller != null;
    }
  }

  /** {@link MatchingBatch#stop(Duration)}. */
  void stop(Duration timeout) {
    ScheduledExecutorService p;
    synchronized (lifecycle) {
      p = poller;
      if (p != null) {
        worker.stopping(true);
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
}
