package dev.matching.batch;

import dev.matching.MatchingEngine;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.MatchResultStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What the parts of one {@link MatchingBatch} share: the engine, the two batch stores, the
 * configuration, the clock and the listener. Immutable; the parts are thread-safe.
 *
 * @param engine the engine whose indexes the batch ranks from
 * @param runs the durable run records
 * @param results where the ranked lists go
 * @param config how runs are split and worked on
 * @param clock for leases and timestamps
 * @param listener progress callbacks, called through {@link #notifyListener}
 */
record BatchContext(MatchingEngine engine, BatchRunStore runs, MatchResultStore results, BatchConfig config,
    Clock clock, BatchListener listener) {

  /** The one logger of the batch's parts, under {@link MatchingBatch}'s name as before they were split out. */
  static final System.Logger LOG = System.getLogger(MatchingBatch.class.getName());

  /** Passes {@code event} to the listener; a listener that throws is logged and ignored. */
  void notifyListener(Consumer<BatchListener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch listener failed; ignored", e);
    }
  }
}
