package dev.matching.spring.ops;

import dev.matching.batch.DailySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention daily at a local time, on one daemon thread, as actor {@code scheduler}. A
 * failed run is logged and the next day's runs anyway. Thread-safe.
 *
 * <p>Every node may run it: retention is idempotent, and of two nodes erasing the same worker
 * only one succeeds, so nothing is deleted or audited twice.
 */
public class RetentionScheduler extends PeriodicTask {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionScheduler.class);

  private final DataLifecycle lifecycle;
  private final DailySchedule schedule;
  private final Clock clock;

  /** Runs {@code lifecycle}'s retention at {@code schedule}. */
  public RetentionScheduler(DataLifecycle lifecycle, DailySchedule schedule, Clock clock) {
    super("matching-retention");
    this.lifecycle = lifecycle;
    this.schedule = schedule;
    this.clock = clock;
  }

  /** Until the next slot of the schedule. */
  @Override
  protected Duration nextDelay() {
    Instant now = clock.instant();
    return Duration.between(now, schedule.nextSlotAfter(now));
  }

  @Override
  protected void runOnce() {
    lifecycle.runRetention("scheduler");
  }

  @Override
  protected void failed(RuntimeException e) {
    LOG.error("Scheduled retention failed; it runs again at the next slot", e);
  }
}
