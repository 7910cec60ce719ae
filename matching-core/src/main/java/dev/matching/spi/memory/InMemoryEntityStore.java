package dev.matching.spi.memory;

import dev.matching.model.internal.Checks;
import dev.matching.spi.Change;
import dev.matching.spi.EntityStore;
import dev.matching.spi.VersionConflictException;
import dev.matching.spi.Versioned;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link EntityStore} behind {@link InMemoryJobStore} and
 * {@link InMemoryWorkerStore}. Thread-safe: reads share a read lock, writes take the write lock,
 * so every write is atomic and writes are totally ordered by their change sequences.
 *
 * <p>The change log is compacted to the latest change per id, so it holds at most one entry per
 * id ever written (deleted ids keep their {@code DELETE} entry).
 *
 * @param <T> the entity type
 */
abstract class InMemoryEntityStore<T> implements EntityStore<T> {

  /** Page size {@link #forEach} reads with, so the sink runs outside the lock. */
  private static final int FOREACH_PAGE = 1_000;

  private final Clock clock;
  private final Function<T, String> idOf;
  private final Guard guard = new Guard();
  private final TreeMap<String, Versioned<T>> entities = new TreeMap<>();
  private final TreeMap<Long, Change> changeLog = new TreeMap<>();
  private final Map<String, Long> latestSequenceById = new HashMap<>();
  private long lastSequence;

  InMemoryEntityStore(Clock clock, Function<T, String> idOf) {
    this.clock = Checks.required(clock, "clock");
    this.idOf = idOf;
  }

  @Override
  public Optional<Versioned<T>> find(String id) {
    Checks.required(id, "id");
    return guard.read(() -> Optional.ofNullable(entities.get(id)));
  }

  @Override
  public Versioned<T> upsert(T entity) {
    Checks.required(entity, "entity");
    return guard.write(() -> store(entity, clock.instant()));
  }

  @Override
  public Versioned<T> upsert(T entity, long expectedVersion) {
    Checks.required(entity, "entity");
    SpiArguments.expectedVersion(expectedVersion);
    String id = idOf.apply(entity);
    return guard.write(() -> {
      checkVersion(id, expectedVersion);
      return store(entity, clock.instant());
    });
  }

  @Override
  public List<Versioned<T>> upsertAll(List<T> entities) {
    List<T> batch = Checks.listOf(entities, "entities");
    SpiArguments.distinctIds(batch, idOf);
    if (batch.isEmpty()) {
      return List.of();
    }
    return guard.write(() -> {
      Instant now = clock.instant();
      List<Versioned<T>> stored = new ArrayList<>(batch.size());
      for (T entity : batch) {
        stored.add(store(entity, now));
      }
      return List.copyOf(stored);
    });
  }

  @Override
  public boolean delete(String id) {
    Checks.required(id, "id");
    return guard.write(() -> remove(id));
  }

  @Override
  public void delete(String id, long expectedVersion) {
    Checks.required(id, "id");
    SpiArguments.expectedVersionToDelete(expectedVersion);
    guard.write(() -> {
      checkVersion(id, expectedVersion);
      return remove(id);
    });
  }

  @Override
  public List<Versioned<T>> list(@Nullable String afterId, int limit) {
    PageLimit.check(limit);
    return guard.read(() -> {
      NavigableMap<String, Versioned<T>> tail = afterId == null ? entities : entities.tailMap(afterId, false);
      return firstValues(tail, limit);
    });
  }

  @Override
  public void forEach(Consumer<? super T> sink) {
    Checks.required(sink, "sink");
    String afterId = null;
    List<Versioned<T>> page;
    do {
      page = list(afterId, FOREACH_PAGE);
      for (Versioned<T> versioned : page) {
        sink.accept(versioned.value());
      }
      if (!page.isEmpty()) {
        afterId = idOf.apply(page.get(page.size() - 1).value());
      }
    } while (page.size() == FOREACH_PAGE);
  }

  @Override
  public long count() {
    return guard.read(() -> (long) entities.size());
  }

  @Override
  public List<Change> changesSince(long afterSequence, int limit) {
    SpiArguments.afterSequence(afterSequence);
    PageLimit.check(limit);
    return guard.read(() -> firstValues(changeLog.tailMap(afterSequence, false), limit));
  }

  @Override
  public long lastSequence() {
    return guard.read(() -> lastSequence);
  }

  /** Fails unless the current version of {@code id} is {@code expected} (0: absent). */
  private void checkVersion(String id, long expected) {
    Versioned<T> current = entities.get(id);
    long actual = current == null ? 0 : current.version();
    if (actual != expected) {
      throw new VersionConflictException(id, expected, current == null ? null : actual);
    }
  }

  /** Stores {@code entity} at the next version and logs it; caller holds the write lock. */
  private Versioned<T> store(T entity, Instant now) {
    String id = idOf.apply(entity);
    Versioned<T> current = entities.get(id);
    Versioned<T> stored = new Versioned<>(entity, current == null ? 1 : current.version() + 1, now);
    entities.put(id, stored);
    log(id, Change.Type.UPSERT);
    return stored;
  }

  /** Removes {@code id} and logs it if present; caller holds the write lock. */
  private boolean remove(String id) {
    if (entities.remove(id) == null) {
      return false;
    }
    log(id, Change.Type.DELETE);
    return true;
  }

  private void log(String id, Change.Type type) {
    long sequence = ++lastSequence;
    Long previous = latestSequenceById.put(id, sequence);
    if (previous != null) {
      changeLog.remove(previous);
    }
    changeLog.put(sequence, new Change(sequence, id, type));
  }

  /**
   * The first {@code limit} values of {@code map}. Never asks a sub-map for its size: a
   * {@link TreeMap} view counts its entries one by one, which made every page cost the whole
   * tail and {@link #forEach} quadratic.
   */
  private static <V> List<V> firstValues(NavigableMap<?, V> map, int limit) {
    List<V> values = new ArrayList<>(Math.min(limit, FOREACH_PAGE));
    for (V value : map.values()) {
      if (values.size() == limit) {
        break;
      }
      values.add(value);
    }
    return List.copyOf(values);
  }

}
