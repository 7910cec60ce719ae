package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.spi.StorageException;
import dev.matching.spring.ops.PeriodicTask;
import dev.matching.spring.ops.StorageOutageLog;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's indexes in step with writes other nodes make to a shared store, by calling
 * {@link MatchingEngine#refresh()} at a fixed delay. Does nothing with an interval of zero. A
 * store failure goes to the {@link StorageOutageLog} (one WARN per outage), as does the store's
 * answer, which ends an outage.
 */
public class IndexRefresher extends PeriodicTask {
  private static final Logger LOG = LoggerFactory.getLogger(IndexRefresher.class);
  private final MatchingEngine engine;
  private final Duration interval;
  private final StorageOutageLog storageOutages;

  /** Refreshes {@code engine} every {@code interval}. */
  public IndexRefresher(MatchingEngine engine, Duration interval) {
    this(engine, interval, new StorageOutageLog());
  }

  /** Refreshes {@code engine} every {@code interval}, reporting to {@code storageOutages}. */
  public IndexRefresher(MatchingEngine engine, Duration interval, StorageOutageLog storageOutages) {
    super("matching-index-refresh");
    this.engine = engine;
    this.interval = interval;
    this.storageOutages = storageOutages;
  }

  /** Off with an interval of zero (or less). */
  @Override
  protected boolean enabled() {
    return !interval.isZero() && !interval.isNegative();
  }

  @Override
  protected Duration nextDelay() {
    return interval;
  }

  @Override
  protected void runOnce() {
    engine.refresh();
    storageOutages.answered();
  }

  @Override
  protected void failed(RuntimeException e) {
    if (e instanceof StorageException storage) {
      storageOutages.failed(storage);
    } else {
      LOG.warn("index refresh failed; will retry", e);
    }
  }
}
