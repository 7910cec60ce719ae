package dev.matching;

import dev.matching.model.EntityKind;
import dev.matching.spi.Change;
import java.util.List;

/**
 * Hears about the writes a {@link MatchingEngine} made, after they reached its store and its
 * index: for example to tell other nodes to refresh at once instead of at their next poll.
 * Called on the writing thread, after the engine's write lock is released; implementations must
 * be thread-safe and quick. An exception thrown here is logged and does not undo the write.
 */
@FunctionalInterface
public interface WriteListener {
  /**
   * {@code ids} of {@code kind} were upserted or deleted.
   *
   * @param kind jobs or workers
   * @param ids the ids written, at least one
   * @param type upsert or delete
   */
  void written(EntityKind kind, List<String> ids, Change.Type type);
}
