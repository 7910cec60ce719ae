package dev.matching.spi;

import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
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
 * <p>Versions start at 1 when an id is created and grow by one on every write of that id; an
 * entity deleted and created again starts at 1 again. {@link Versioned#updatedAt()} is the time
 * of the write, read from the store's clock.
 *
 * <p>Bad arguments fail with an {@link IllegalArgumentException} naming the parameter: a null
 * argument or list element, a negative {@code expectedVersion} (below 1 for a delete), a
 * negative {@code afterSequence}, or a {@code limit} below 1 or above {@link PageLimit#MAX}.
 * Nothing is written then. {@link PageLimit} and {@link SpiArguments} make these checks for
 * implementations.
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
   * @throws VersionConflictException when the current version differs (an absent entity has
   *     none, so any {@code expectedVersion} other than 0 conflicts); nothing is written
   */
  Versioned<T> upsert(T entity, long expectedVersion);

  /**
   * Creates or replaces every entity in one atomic step (all or none); returns them stored, in
   * the same order. An id may appear only once: a duplicate fails with an
   * {@link IllegalArgumentException} naming the id, and nothing is written. Every entity gets
   * its own change, in list order, and all share one {@code updatedAt}. An empty list writes
   * nothing.
   */
  List<Versioned<T>> upsertAll(List<T> entities);

  /**
   * Deletes the entity; returns whether it existed. Deleting an absent id writes nothing (no
   * change is appended).
   */
  boolean delete(String id);

  /**
   * Deletes the entity only if its current version is {@code expectedVersion} (at least 1).
   *
   * @throws VersionConflictException when it is absent or at another version; nothing is deleted
   */
  void delete(String id, long expectedVersion);

  /**
   * Up to {@code limit} entities with ids strictly greater than {@code afterId} (all when null),
   * in ascending id order ({@link String#compareTo}): keyset pagination that stays correct while
   * others write. {@code afterId} need not be a stored id.
   */
  List<Versioned<T>> list(@Nullable String afterId, int limit);

  /**
   * Streams every entity to {@code sink}, for index building, without holding them all in
   * memory at once.
   *
   * <p>The order is unspecified. Concurrent writes are allowed and the iteration is weakly
   * consistent: an entity present during the whole iteration is visited exactly once, one
   * written or deleted meanwhile may or may not be. {@code sink} may call this store.
   */
  void forEach(Consumer<? super T> sink);

  /** Number of stored entities. */
  long count();

  /**
   * Up to {@code limit} changes with a sequence strictly greater than {@code afterSequence}, in
   * sequence order. A reader applies them and asks again from the last sequence it saw. An
   * implementation may compact the log to the latest change per id.
   *
   * <p>Each created, replaced or deleted entity appends one change; a failed write or the
   * delete of an absent id appends none.
   */
  List<Change> changesSince(long afterSequence, int limit);

  /**
   * The highest sequence written so far, 0 when nothing was. Compaction never lowers it, and a
   * sequence is never reused.
   */
  long lastSequence();
}
