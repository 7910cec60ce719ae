package dev.matching.redis;

import dev.matching.MatchingEngine;
import dev.matching.WriteListener;
import dev.matching.model.EntityKind;
import dev.matching.model.internal.Checks;
import dev.matching.spi.Change;
import dev.matching.spi.StorageException;
import dev.matching.spi.support.DaemonThreads;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the indexes of engines on several nodes in step through Redis: each of this engine's
 * writes is published as a change event, and every event from any node (or a resync request,
 * when events may have been missed) makes this engine {@link MatchingEngine#refresh() refresh}
 * from its store's change log, at once instead of at its next poll. Thread-safe.
 *
 * <p>Guarantees and limits. The store's change log stays the source of truth: an event is only a
 * wake-up call, so a lost, duplicated or reordered event cannot make an index diverge; at worst
 * it delays a refresh until the next event or the application's polling refresh. One event is
 * published per engine write call (carrying its last id), however many entities it wrote.
 * Refreshes triggered while one is pending are coalesced into it. When Redis is down, writes
 * still succeed (publishing fails and is logged) and other nodes catch up by polling.
 */
public final class RedisIndexSync implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RedisIndexSync.class.getName());
  /** Refresher threads, {@code matching-redis-index-sync-N}: one per sync started in this JVM. */
  private static final ThreadFactory THREADS = DaemonThreads.named("matching-redis-index-sync");

  private final MatchingEngine engine;
  private final WriteListener publisher;
  private final ChangeSubscription subscription;
  private final ExecutorService refresher;
  private final AtomicBoolean pending = new AtomicBoolean();

  private RedisIndexSync(MatchingEngine engine, RedisChangeEvents events) {
    this.engine = engine;
    this.refresher = Executors.newSingleThreadExecutor(THREADS);
    this.publisher = (kind, ids, type) -> publish(events, kind, ids, type);
    this.subscription = events.subscribe(new ChangeListener() {
      @Override
      public void onChange(ChangeEvent event) {
        scheduleRefresh();
      }

      @Override
      public void onResyncRequired(String reason) {
        LOG.log(System.Logger.Level.INFO, "index resync requested ({0}); refreshing from the store", reason);
        scheduleRefresh();
      }
    });
    engine.addWriteListener(publisher);
  }

  /**
   * Starts syncing {@code engine} through {@code events}; {@link #close()} stops it.
   *
   * @throws StorageException when Redis cannot be reached to subscribe
   */
  public static RedisIndexSync start(MatchingEngine engine, RedisChangeEvents events) {
    return new RedisIndexSync(Checks.required(engine, "engine"), Checks.required(events, "events"));
  }

  private void publish(RedisChangeEvents events, EntityKind kind, List<String> ids, Change.Type type) {
    long sequence = Math.max(1, kind == EntityKind.JOB
        ? engine.jobStore().lastSequence() : engine.workerStore().lastSequence());
    try {
      events.publish(new ChangeEvent(kind, ids.get(ids.size() - 1), type, sequence));
    } catch (StorageException e) {
      LOG.log(System.Logger.Level.WARNING, "could not publish a change event; other nodes catch up by polling", e);
    }
  }

  private void scheduleRefresh() {
    if (pending.compareAndSet(false, true)) {
      refresher.execute(() -> {
        pending.set(false);
        try {
          engine.refresh();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "index refresh after a change event failed; the next event or poll retries", e);
        }
      });
    }
  }

  /** Stops publishing and listening. */
  @Override
  public void close() {
    engine.removeWriteListener(publisher);
    try {
      subscription.close();
    } finally {
      refresher.shutdownNow();
    }
  }
}
