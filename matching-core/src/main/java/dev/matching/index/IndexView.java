package dev.matching.index;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of an in-memory index: what statistics, health checks and the integrity check
 * need. {@code MatchingEngine.jobIndex()} and {@code workerIndex()} hand out this view and not
 * the index itself, so nothing can write to an engine's index past its store, its write lock and
 * its listeners. Implementations are thread-safe and never block.
 *
 * @param <T> the indexed entity type
 */
public interface IndexView<T> {

  /** Number of live entities. */
  int size();

  /** The live entity with that id, or empty. */
  Optional<T> get(String id);

  /** Visits every live entity of one consistent snapshot. */
  void forEach(Consumer<? super T> action);

  /** Approximate heap bytes of the index structures, the entities themselves excluded. */
  long estimatedBytes();
}
