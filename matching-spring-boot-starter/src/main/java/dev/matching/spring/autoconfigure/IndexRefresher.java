package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.spi.StorageException;
import dev.matching.spring.ops.StorageOutageLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this node's indexes in step with writes other nodes make to a shared store, by calling
 * {@link MatchingEngine#refresh()} at a fixed delay. Does nothing with an interval of zero. A
 * store failure goes to the {@link StorageOutageLog} (one WARN per outage), as does the store's
 * answer, which ends an outage.
 */
public class IndexRefresher implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(IndexRefresher.class.getName());
  private final MatchingEngine engine;
  private final Duration interval;
  private final StorageOutageLog storageOutages;
  private @Nullable ScheduledExecutorService executor;

  /** Refreshes {@code engine} every {@code interval}. */
  public IndexRefresher(MatchingEngine engine, Duration interval) {
    this(engine, interval, new StorageOutageLog());
  }

  /** Refreshes {@code engine} every {@code interval}, reporting to {@code storageOutages}. */
  public IndexRefresher(MatchingEngine engine, Duration interval, StorageOutageLog storageOutages) {
    this.engine = engine;
    this.interval = interval;
    this.storageOutages = storageOutages;
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
      storageOutages.answered();
    } catch (StorageException e) {
      storageOutages.failed(e);
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
