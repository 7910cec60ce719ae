package dev.matching.index;

import java.util.Collection;

/**
 * The maintenance side of an in-memory index ({@link JobIndex}, {@link WorkerIndex}): what a
 * caller keeping it in step with a store needs, on top of the reads of {@link IndexView}.
 * Implementations are thread-safe: readers never block and see each write entirely or not at all.
 *
 * @param <T> the indexed entity type
 */
public interface EntityIndex<T> extends IndexView<T> {

  /** Adds or replaces {@code item}. */
  void upsert(T item);

  /** Adds or replaces every item in one atomic step; for repeated ids the last one wins. */
  void upsertAll(Collection<? extends T> items);

  /** Removes the entity with that id; returns whether it was there. */
  boolean remove(String id);

  /** Removes every listed id in one atomic step; returns how many were there. */
  int removeAll(Collection<String> ids);

  /** Replaces the whole content in one atomic step. */
  void replaceAll(Collection<? extends T> items);
}
