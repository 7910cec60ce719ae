package dev.matching.spring.ops;

import dev.matching.batch.DailySchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Runs retention daily at a local time, on one daemon thread, as actor {@code scheduler}. A
 * failed run is logged and the next day's runs anyway. Thread-safe.
 *
 * <p>Every node may run it: retention is idempotent, and of two nodes erasing the same worker
 * only one succeeds, so nothing is deleted or audited twice.
 */
public class RetentionScheduler implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(RetentionScheduler.class.getName());

  private final DataLifecycle lifecycle;
  private final DailySchedule schedule;
  private final Clock clock;
  private @Nullable ScheduledExecutorService executor;

  /** Runs {@code lifecycle}'s retention at {@code schedule}. */
  public RetentionScheduler(DataLifecycle lifecycle, DailySchedule schedule, Clock clock) {
    this.lifecycle = lifecycle;
    this.schedule = schedule;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "matching-retention");
        t.setDaemon(true);
        return t;
      });
      scheduleNext();
    }
  }

  private synchronized void scheduleNext() {
    ScheduledExecutorService current = executor;
    if (current == null) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), schedule.nextSlotAfter(clock.instant())).toMillis());
    current.schedule(this::runOnce, delay, TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      lifecycle.runRetention("scheduler");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Scheduled retention failed; it runs again at the next slot", e);
    }
    scheduleNext();
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
