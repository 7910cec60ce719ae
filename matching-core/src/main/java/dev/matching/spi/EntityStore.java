package dev.matching.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Durable home of one kind of entity (jobs or workers), keyed by id, with versions for
 * optimistic concurrency and a change log for incremental index refresh.
 *
 * <p>Implementations are thread-safe. Every write is atomic: a multi-entity write stores all
 * of its entities or none. Failures other than a version conflict or a bad argument surface as
 * {@link StorageException}.
 *
 * @param <T> the entity type
 */
public interface EntityStore<T> {

  /** The entity with that id and its version, or empty. */
  Optional<Versioned<T>> find(String id);

  /** Creates or replaces {@code entity} unconditionally; returns the stored version. */
  Versioned<T> upsert(T entity);

  /**
   * Replaces {@code entity} only if its current version is {@code expectedVersion}; with
   * {@code expectedVersion == 0}, creates it only if absent.
   *
   * @throws VersionConflictException when the current version differs; nothing is written
   */
  Versioned<T> upsert(T entity, long expectedVersion);

  /**
   * Creates or replaces every entity in one atomic step (all or none); returns them stored, in
   * the same order. An id may appear only once.
   */
  List<Versioned<T>> upsertAll(List<T> entities);

  /** Deletes the entity; returns whether it existed. */
  boolean delete(String id);

  /**
   * Deletes the entity only if its current version is {@code expectedVersion}.
   *
   * @throws VersionConflictException when it is absent or at another version; nothing is deleted
   */
  void delete(String id, long expectedVersion);

  /**
   * Up to {@code limit} entities with ids strictly greater than {@code afterId} (all when null),
   * in ascending id order ({@link String#compareTo}): keyset pagination that stays correct while
   * others write.
   */
  List<Versioned<T>> list(@Nullable String afterId, int limit);

  /**
   * Streams every entity to {@code sink}, for index building, without holding them all in
   * memory at once.
   */
  void forEach(Consumer<? super T> sink);

  /** Number of stored entities. */
  long count();

  /**
   * Up to {@code limit} changes with a sequence strictly greater than {@code afterSequence}, in
   * sequence order. A reader applies them and asks again from the last sequence it saw. An
   * implementation may compact the log to the latest change per id.
   */
  List<Change> changesSince(long afterSequence, int limit);

  /** The highest sequence written so far, 0 when nothing was. */
  long lastSequence();
}
