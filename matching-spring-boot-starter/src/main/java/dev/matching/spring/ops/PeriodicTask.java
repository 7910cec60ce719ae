package dev.matching.spring.ops;

import dev.matching.spi.support.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One action run again and again in the background, started and stopped with the application
 * context: once started, it waits {@link #nextDelay()}, runs {@link #runOnce()}, waits
 * {@link #nextDelay()} again, and so on, on a daemon thread of its own (from
 * {@link DaemonThreads#named}, so it never keeps the JVM alive). The delay is counted from the end
 * of a run, so runs never overlap; a subclass returning a constant gets a fixed delay. A run that
 * throws goes to {@link #failed(RuntimeException)} and the next run goes ahead anyway. Stopping
 * interrupts a run in progress. Thread-safe.
 */
public abstract class PeriodicTask implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String threadName;
  private @Nullable ScheduledExecutorService executor;

  /** A task whose thread is named {@code threadName-N}. */
  protected PeriodicTask(String threadName) {
    this.threadName = threadName;
  }

  /** The action. */
  protected abstract void runOnce();

  /** How long to wait before the next run: before the first, after start; after that, from the end of a run. */
  protected abstract Duration nextDelay();

  /** Whether {@link #start()} starts anything; a disabled task stays stopped. Always, unless overridden. */
  protected boolean enabled() {
    return true;
  }

  /** Hears a run that threw; logs a warning unless overridden. The next run goes ahead anyway. */
  protected void failed(RuntimeException e) {
    LOG.warn(threadName + " failed; it runs again after the next delay", e);
  }

  @Override
  public synchronized void start() {
    if (executor != null || !enabled()) {
      return;
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(threadName));
    executor = started;
    scheduleNext(started);
  }

  /** Schedules the next run on {@code owner}, unless this task was stopped (or restarted) since. */
  private synchronized void scheduleNext(ScheduledExecutorService owner) {
    if (executor != owner) {
      return;
    }
    long delay = Math.max(0, nextDelay().toMillis());
    owner.schedule(() -> runAndScheduleNext(owner), delay, TimeUnit.MILLISECONDS);
  }

  private void runAndScheduleNext(ScheduledExecutorService owner) {
    try {
      runOnce();
    } catch (RuntimeException e) {
      failed(e);
    } finally {
      scheduleNext(owner);
    }
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
