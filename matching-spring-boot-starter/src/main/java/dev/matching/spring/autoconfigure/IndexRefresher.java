package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this node's indexes in step with writes other nodes make to a shared store, by calling
 * {@link MatchingEngine#refresh()} at a fixed delay. Does nothing with an interval of zero.
 */
public class IndexRefresher implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(IndexRefresher.class.getName());
  private final MatchingEngine engine;
  private final Duration interval;
  private @Nullable ScheduledExecutorService executor;

  /** Refreshes {@code engine} every {@code interval}. */
  public IndexRefresher(MatchingEngine engine, Duration interval) {
    this.engine = engine;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    if (executor != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "matching-index-refresh");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      engine.refresh();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "index refresh failed; will retry", e);
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
