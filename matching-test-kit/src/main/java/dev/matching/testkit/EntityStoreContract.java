package dev.matching.testkit;

import static dev.matching.testkit.ContractAssertions.assertIllegalArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;


import dev.matching.spi.Change;
import dev.matching.spi.EntityStore;
import dev.matching.spi.VersionConflictException;
import dev.matching.spi.Versioned;
import dev.matching.spi.support.PageLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link EntityStore}, whatever the entity: versions, conditional writes,
 * atomic batches, keyset pagination, the change log, argument checks and behaviour under
 * concurrent writers.
 *
 * <p>Extend {@link JobStoreContract} or {@link WorkerStoreContract} rather than this class; they
 * supply realistic entities. {@link #newStore(Clock)} is called before every test and must
 * return an empty store (a database adapter truncates its tables there) that stamps
 * {@code updatedAt} with the given clock.
 *
 * @param <T> the entity type
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EntityStoreContract<T> {

  /** Where the clock stands when each test starts: a whole second, exact in any database. */
  protected static final Instant START = Instant.parse("2026-04-01T09:00:00Z");
  /** The largest page {@code list} and {@code changesSince} accept. */
  protected static final int MAX_LIMIT = PageLimit.MAX;

  private SettableClock clock;
  private EntityStore<T> store;

  /** An empty store stamping writes with {@code clock}; called before every test. */
  protected abstract EntityStore<T> newStore(Clock clock);

  /** A valid entity with id {@code id}, as rich as the entity type allows. */
  protected abstract T sample(String id);

  /** A copy of {@code entity} with the same id that is not equal to it. */
  protected abstract T modified(T entity);

  /** The id of {@code entity}. */
  protected abstract String idOf(T entity);

  /**
   * Entities with distinct ids covering every optional field, empty collection and edge value
   * of the type, to check that a store reads back exactly what it wrote.
   */
  protected abstract List<T> shapes();

  /**
   * A copy of {@code entity} carrying {@code text} in its free-text fields (a job's title, a
   * worker's skill name), for {@link #upsertAllStoresEveryTextTheModelAccepts}; fails with
   * {@link IllegalArgumentException} when the model refuses the text there. The default has no
   * free text and returns {@code entity}.
   */
  protected T withText(T entity, String text) {
    return entity;
  }

  /** Fails unless {@code actual}, read from the store, equals {@code expected} as written. */
  protected void assertSameEntity(T actual, T expected) {
    assertThat(actual).isEqualTo(expected);
  }

  /** The store under test. */
  protected EntityStore<T> store() {
    return store;
  }

  /** The clock the store under test stamps writes with. */
  protected SettableClock clock() {
    return clock;
  }

  @BeforeEach
  void createStore() {
    clock = new SettableClock(START);
    store = newStore(clock);
  }

  // ---- basic reads and writes ----

  @Test
  void anEmptyStoreHasNothing() {
    assertThat(store.find("missing")).isEmpty();
    assertThat(store.count()).isZero();
    assertThat(store.list(null, 10)).isEmpty();
    assertThat(store.changesSince(0, 10)).isEmpty();
    assertThat(store.lastSequence()).isZero();
    List<T> visited = new ArrayList<>();
    store.forEach(visited::add);
    assertThat(visited).isEmpty();
  }

  @Test
  void upsertCreatesAtVersionOneStampedByTheClock() {
    T entity = sample("e-1");

    Versioned<T> stored = store.upsert(entity);

    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.updatedAt()).isEqualTo(START);
    assertSameEntity(stored.value(), entity);
    assertFound(entity, 1, START);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void upsertReplacesAndAddsOneToTheVersion() {
    T entity = sample("e-1");
    store.upsert(entity);
    Instant later = clock.advance(Duration.ofMinutes(5));

    Versioned<T> replaced = store.upsert(modified(entity));

    assertThat(replaced.version()).isEqualTo(2);
    assertThat(replaced.updatedAt()).isEqualTo(later);
    assertFound(modified(entity), 2, later);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void readsBackEveryShapeExactly() {
    List<T> shapes = shapes();
    assertThat(shapes).as("shapes()").hasSizeGreaterThanOrEqualTo(2);
    for (T shape : shapes) {
      store.upsert(shape);
    }
    for (T shape : shapes) {
      assertSameEntity(found(idOf(shape)).value(), shape);
    }
    Map<String, T> listed = new HashMap<>();
    for (Versioned<T> versioned : store.list(null, MAX_LIMIT)) {
      listed.put(idOf(versioned.value()), versioned.value());
    }
    Map<String, T> visited = new HashMap<>();
    store.forEach(entity -> visited.put(idOf(entity), entity));
    for (T shape : shapes) {
      assertSameEntity(listed.get(idOf(shape)), shape);
      assertSameEntity(visited.get(idOf(shape)), shape);
    }
  }

  @Test
  void aDeletedEntityIsGoneAndStartsAgainAtVersionOne() {
    T entity = sample("e-1");
    store.upsert(entity);
    store.upsert(modified(entity));

    assertThat(store.delete("e-1")).isTrue();

    assertThat(store.find("e-1")).isEmpty();
    assertThat(store.count()).isZero();
    assertThat(store.upsert(entity).version()).isEqualTo(1);
  }

  @Test
  void deletingAnAbsentIdReturnsFalseAndWritesNothing() {
    store.upsert(sample("e-1"));
    long sequence = store.lastSequence();

    assertThat(store.delete("e-2")).isFalse();

    assertThat(store.lastSequence()).isEqualTo(sequence);
    assertThat(store.count()).isEqualTo(1);
  }

  // ---- conditional writes ----

  @Test
  void expectedVersionZeroCreatesOnlyIfAbsent() {
    T entity = sample("e-1");
    assertThat(store.upsert(entity, 0).version()).isEqualTo(1);
    Snapshot<T> before = snapshot();

    assertConflict(() -> store.upsert(modified(entity), 0), "e-1", 0, 1L);

    assertNothingWritten(before);
  }

  @Test
  void conditionalUpsertAtTheCurrentVersionReplaces() {
    T entity = sample("e-1");
    store.upsert(entity);

    Versioned<T> replaced = store.upsert(modified(entity), 1);

    assertThat(replaced.version()).isEqualTo(2);
    assertFound(modified(entity), 2, START);
  }

  @Test
  void staleConditionalUpsertConflictsAndWritesNothing() {
    T entity = sample("e-1");
    store.upsert(entity);
    store.upsert(modified(entity));
    Snapshot<T> before = snapshot();

    assertConflict(() -> store.upsert(entity, 1), "e-1", 1, 2L);

    assertNothingWritten(before);
    assertFound(modified(entity), 2, START);
  }

  @Test
  void conditionalUpsertOfAnAbsentIdConflicts() {
    assertConflict(() -> store.upsert(sample("e-1"), 3), "e-1", 3, null);

    assertThat(store.find("e-1")).isEmpty();
    assertThat(store.lastSequence()).isZero();
  }

  @Test
  void conditionalDeleteAtTheCurrentVersionDeletes() {
    store.upsert(sample("e-1"));

    store.delete("e-1", 1);

    assertThat(store.find("e-1")).isEmpty();
  }

  @Test
  void staleConditionalDeleteConflictsAndDeletesNothing() {
    T entity = sample("e-1");
    store.upsert(entity);
    store.upsert(modified(entity));
    Snapshot<T> before = snapshot();

    assertConflict(() -> store.delete("e-1", 1), "e-1", 1, 2L);

    assertNothingWritten(before);
  }

  @Test
  void conditionalDeleteOfAnAbsentIdConflicts() {
    store.upsert(sample("e-1"));
    Snapshot<T> before = snapshot();

    assertConflict(() -> store.delete("e-2", 1), "e-2", 1, null);

    assertNothingWritten(before);
  }

  // ---- upsertAll ----

  @Test
  void upsertAllStoresEveryEntityInTheGivenOrder() {
    store.upsert(sample("e-2"));
    clock.advance(Duration.ofSeconds(1));
    List<T> batch = List.of(sample("e-3"), modified(sample("e-2")), sample("e-1"));

    List<Versioned<T>> stored = store.upsertAll(batch);

    assertThat(stored).extracting(v -> idOf(v.value())).containsExactly("e-3", "e-2", "e-1");
    assertThat(stored).extracting(Versioned::version).containsExactly(1L, 2L, 1L);
    assertThat(stored).extracting(Versioned::updatedAt).containsOnly(clock.instant());
    for (int i = 0; i < batch.size(); i++) {
      assertSameEntity(stored.get(i).value(), batch.get(i));
      assertSameEntity(found(idOf(batch.get(i))).value(), batch.get(i));
    }
    assertThat(store.count()).isEqualTo(3);
    assertThat(latestChangePerId(store.changesSince(0, MAX_LIMIT)).keySet()).containsExactlyInAnyOrder("e-1", "e-2", "e-3");
  }

  @Test
  void upsertAllWithADuplicateIdFailsNamingItAndWritesNothing() {
    store.upsert(sample("e-1"));
    Snapshot<T> before = snapshot();
    List<T> batch = List.of(modified(sample("e-1")), sample("e-2"), sample("dup-id"), modified(sample("dup-id")));

    assertThatThrownBy(() -> store.upsertAll(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dup-id");

    assertNothingWritten(before);
  }

  @Test
  void upsertAllWithANullElementFailsAndWritesNothing() {
    store.upsert(sample("e-1"));
    Snapshot<T> before = snapshot();
    List<T> batch = new ArrayList<>(List.of(modified(sample("e-1")), sample("e-2")));
    batch.add(null);

    assertThatThrownBy(() -> store.upsertAll(batch)).isInstanceOf(IllegalArgumentException.class);

    assertNothingWritten(before);
  }

  @Test
  void aFailedUpsertAllWritesNoneOfItsEntitiesWhereverTheBadOneIs() {
    store.upsertAll(IntStream.range(0, 10).mapToObj(i -> sample(key(i))).toList());
    Snapshot<T> before = snapshot();
    for (int position : new int[] {0, 7, 19}) {
      List<T> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        batch.add(i < 10 ? modified(sample(key(i))) : sample(key(i)));
      }
      List<T> withNull = new ArrayList<>(batch);
      withNull.set(position, null);
      List<T> withDuplicate = new ArrayList<>(batch);
      withDuplicate.set(position, modified(batch.get(position == 0 ? 1 : 0)));

      assertThatThrownBy(() -> store.upsertAll(withNull)).as("null at %s", position)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.upsertAll(withDuplicate)).as("duplicate at %s", position)
          .isInstanceOf(IllegalArgumentException.class);

      assertNothingWritten(before);
    }
  }

  /**
   * Texts at the edges of what a store can hold: every id and free text the model accepts is
   * stored by one {@code upsertAll} and read back exactly, in a small batch and in one large
   * enough for an adapter's bulk path; what the model refuses never reaches a store. (This is
   * what keeps a bulk import atomic: a store that refused some valid entity would fail the whole
   * batch.)
   */
  @Test
  void upsertAllStoresEveryTextTheModelAccepts() {
    List<String> texts = List.of("\u0000", "a\u0000b", "\u0001", "\udc00", "x\ud800y", "\ud83d\ude00",
        "\ud842\udfb7野家", "\uffff", "\ufffe", "\ufeffbom", "\u2028\u2029", "e\u0301", "\u007f", "\u0085",
        "\t", "line\nbreak", "\r\n", "\\N", "\\", "\"", "'; DROP TABLE x; --", "%_*?", "\u00a0nbsp",
        "{\"a\":[1,\"b\"]}", "null", "ｶﾀｶﾅ", "Ω≈ç√");
    List<T> accepted = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String plainId = "text-" + key(i);
      List<Runnable> variants = List.of(
          () -> accepted.add(sample("t" + text + "t")),
          () -> accepted.add(withText(sample(plainId), text)));
      for (Runnable variant : variants) {
        try {
          variant.run();
        } catch (IllegalArgumentException e) {
          refused++;
        }
      }
    }
    assertThat(refused).as("texts the model refuses (NUL, unpaired surrogates, controls in ids)").isPositive();
    store.upsert(sample("e-1"));

    List<T> small = new ArrayList<>(accepted);
    small.add(modified(sample("e-1")));
    assertAllStored(store.upsertAll(small), small);

    List<T> large = new ArrayList<>();
    accepted.forEach(entity -> large.add(modified(entity)));
    for (int i = 0; large.size() < 1_200; i++) {
      large.add(sample("filler-" + key(i)));
    }
    assertAllStored(store.upsertAll(large), large);
  }

  private void assertAllStored(List<Versioned<T>> stored, List<T> batch) {
    assertThat(stored).hasSameSizeAs(batch);
    for (int i = 0; i < batch.size(); i++) {
      assertSameEntity(stored.get(i).value(), batch.get(i));
      assertSameEntity(found(idOf(batch.get(i))).value(), batch.get(i));
    }
    Map<String, T> listed = new HashMap<>();
    for (Versioned<T> versioned : store.list(null, MAX_LIMIT)) {
      listed.put(idOf(versioned.value()), versioned.value());
    }
    for (T entity : batch) {
      assertThat(listed).as("listed").containsKey(idOf(entity));
      assertSameEntity(listed.get(idOf(entity)), entity);
    }
  }

  @Test
  void upsertAllOfNothingWritesNothing() {
    assertThat(store.upsertAll(List.of())).isEmpty();

    assertThat(store.lastSequence()).isZero();
    assertThat(store.count()).isZero();
  }

  // ---- list, forEach, count ----

  @Test
  void listPagesInStringOrderFromAnyKey() {
    List<String> ids = new ArrayList<>(List.of("b", "B", "a", "a10", "a2", "Z9", "é", "求人-1", "0", "a-b", "a_b"));
    Collections.shuffle(ids, new Random(7));
    for (String id : ids) {
      store.upsert(sample(id));
    }
    List<String> sorted = ids.stream().sorted().toList();

    assertThat(allIdsInPagesOf(3)).containsExactlyElementsOf(sorted);
    assertThat(allIdsInPagesOf(1)).containsExactlyElementsOf(sorted);
    assertThat(ids(store.list("a1", MAX_LIMIT))).containsExactlyElementsOf(
        sorted.stream().filter(id -> id.compareTo("a1") > 0).toList());
    assertThat(ids(store.list("a10", 2))).containsExactly("a2", "a_b");
    assertThat(store.list("求人-1", 5)).isEmpty();
  }

  @Test
  void listPaginationStaysCorrectWhileOthersWrite() {
    for (int i = 0; i < 40; i += 2) {
      store.upsert(sample(key(i)));
    }
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String afterId = null;
    List<Versioned<T>> page;
    int pageNumber = 0;
    do {
      page = store.list(afterId, 6);
      assertStartsAfter(page, afterId);
      for (Versioned<T> versioned : page) {
        order.add(idOf(versioned.value()));
        assertThat(seen.add(idOf(versioned.value()))).as("visited twice: %s", idOf(versioned.value())).isTrue();
      }
      if (!page.isEmpty()) {
        afterId = idOf(page.get(page.size() - 1).value());
      }
      if (pageNumber == 1) {
        store.upsert(sample(key(1)));            // behind the cursor: not seen
        store.upsert(modified(sample(key(2))));  // already seen: not seen again
        store.upsert(sample(key(37)));           // ahead of the cursor: seen
        store.delete(key(30));                   // ahead of the cursor: not seen
      }
      pageNumber++;
    } while (!page.isEmpty());

    Set<String> expected = IntStream.range(0, 40).filter(i -> i % 2 == 0 && i != 30).mapToObj(this::key)
        .collect(Collectors.toCollection(HashSet::new));
    expected.add(key(37));
    assertThat(seen).isEqualTo(expected);
    assertThat(order).isSorted();
  }

  @Test
  void forEachVisitsEveryEntityOnce() {
    int n = 2_345;
    List<T> entities = IntStream.range(0, n).mapToObj(i -> sample(key(i))).toList();
    for (int from = 0; from < n; from += 500) {
      store.upsertAll(entities.subList(from, Math.min(n, from + 500)));
    }
    Map<String, Integer> visits = new HashMap<>();

    store.forEach(entity -> {
      if (visits.merge(idOf(entity), 1, Integer::sum) > 1) {
        throw new AssertionError("forEach visited " + idOf(entity) + " twice");
      }
    });

    assertThat(visits).hasSize(n);
    assertThat(visits.values()).containsOnly(1);
    assertThat(store.count()).isEqualTo(n);
  }

  @Test
  void countFollowsCreatesAndDeletes() {
    store.upsertAll(List.of(sample("e-1"), sample("e-2"), sample("e-3")));
    store.upsert(modified(sample("e-2")));
    assertThat(store.count()).isEqualTo(3);

    store.delete("e-1");

    assertThat(store.count()).isEqualTo(2);
  }

  // ---- change log ----

  @Test
  void changesComeInStrictlyIncreasingSequenceAfterTheGivenOne() {
    store.upsert(sample("e-1"));
    store.upsert(sample("e-2"));
    long afterFirstTwo = store.lastSequence();
    store.upsertAll(List.of(sample("e-3"), sample("e-4")));
    store.upsert(sample("e-5"));

    List<Change> all = store.changesSince(0, MAX_LIMIT);
    List<Change> later = store.changesSince(afterFirstTwo, MAX_LIMIT);

    assertStrictlyIncreasing(all);
    assertThat(all).extracting(Change::id).containsExactly("e-1", "e-2", "e-3", "e-4", "e-5");
    assertThat(all).extracting(Change::type).containsOnly(Change.Type.UPSERT);
    assertThat(later).extracting(Change::id).containsExactly("e-3", "e-4", "e-5");
    assertThat(later).allSatisfy(c -> assertThat(c.sequence()).isGreaterThan(afterFirstTwo));
    assertThat(all.get(all.size() - 1).sequence()).isEqualTo(store.lastSequence());
    assertThat(store.changesSince(store.lastSequence(), MAX_LIMIT)).isEmpty();
  }

  @Test
  void changesPageByLimitWithoutGapsOrRepeats() {
    for (int i = 0; i < 11; i++) {
      store.upsert(sample(key(i)));
    }
    List<Change> paged = new ArrayList<>();
    long after = 0;
    List<Change> page;
    do {
      page = store.changesSince(after, 3);
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      long pageAfter = after;
      assertThat(page).allSatisfy(change -> assertThat(change.sequence()).isGreaterThan(pageAfter));
      paged.addAll(page);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).sequence();
      }
    } while (!page.isEmpty());

    assertThat(paged).isEqualTo(store.changesSince(0, MAX_LIMIT));
    assertThat(paged).extracting(Change::id).containsExactlyElementsOf(IntStream.range(0, 11).mapToObj(this::key).toList());
  }

  @Test
  void aDeleteAppendsADeleteChange() {
    store.upsert(sample("e-1"));
    store.upsert(sample("e-2"));
    long before = store.lastSequence();

    store.delete("e-1");
    store.delete("e-2", 1);

    List<Change> changes = store.changesSince(before, MAX_LIMIT);
    assertThat(changes).extracting(Change::id, Change::type).containsExactly(
        tuple("e-1", Change.Type.DELETE),
        tuple("e-2", Change.Type.DELETE));
    assertThat(changes.get(1).sequence()).isEqualTo(store.lastSequence());
    assertThat(latestChangePerId(store.changesSince(0, MAX_LIMIT)))
        .containsEntry("e-1", Change.Type.DELETE).containsEntry("e-2", Change.Type.DELETE);
  }

  @Test
  void theLatestChangeOfEveryIdSurvivesCompaction() {
    store.upsert(sample("e-1"));
    store.upsert(sample("e-2"));
    store.upsert(modified(sample("e-1")));
    store.delete("e-2");
    store.upsert(sample("e-2"));
    store.delete("e-1");

    List<Change> changes = store.changesSince(0, MAX_LIMIT);

    assertStrictlyIncreasing(changes);
    assertThat(latestChangePerId(changes))
        .containsExactlyInAnyOrderEntriesOf(Map.of("e-1", Change.Type.DELETE, "e-2", Change.Type.UPSERT));
    assertThat(changes.get(changes.size() - 1)).extracting(Change::id, Change::type)
        .containsExactly("e-1", Change.Type.DELETE);
  }

  @Test
  void lastSequenceGrowsWithEveryWriteAndNeverOnAFailedOne() {
    long previous = store.lastSequence();
    List<Runnable> writes = List.of(
        () -> store.upsert(sample("e-1")),
        () -> store.upsert(modified(sample("e-1")), 1),
        () -> store.upsertAll(List.of(sample("e-2"), sample("e-3"))),
        () -> store.delete("e-2"),
        () -> store.delete("e-3", 1));
    for (Runnable write : writes) {
      write.run();
      assertThat(store.lastSequence()).isGreaterThan(previous);
      previous = store.lastSequence();
    }
    ignoringConflict(() -> store.upsert(sample("e-1"), 1));
    ignoringConflict(() -> store.delete("e-1", 7));

    assertThat(store.lastSequence()).isEqualTo(previous);
  }

  // ---- bad arguments ----

  @Test
  void limitsOutsideOneToTenThousandAreRejectedNamingLimit() {
    store.upsert(sample("e-1"));
    for (int limit : new int[] {0, -1, MAX_LIMIT + 1, Integer.MIN_VALUE}) {
      assertIllegalArgument(() -> store.list(null, limit), "limit");
      assertIllegalArgument(() -> store.changesSince(0, limit), "limit");
    }
    assertThat(store.list(null, 1)).hasSize(1);
    assertThat(store.list(null, MAX_LIMIT)).hasSize(1);
    assertThat(store.changesSince(0, 1)).hasSize(1);
    assertThat(store.changesSince(0, MAX_LIMIT)).hasSize(1);
  }

  @Test
  void badVersionsAndSequencesAreRejected() {
    store.upsert(sample("e-1"));
    Snapshot<T> before = snapshot();

    assertIllegalArgument(() -> store.upsert(sample("e-1"), -1), "expectedVersion");
    assertIllegalArgument(() -> store.delete("e-1", 0), "expectedVersion");
    assertIllegalArgument(() -> store.changesSince(-1, 10), "afterSequence");

    assertNothingWritten(before);
  }

  @Test
  void nullArgumentsAreRejected() {
    store.upsert(sample("e-1"));
    Snapshot<T> before = snapshot();

    assertIllegalArgument(() -> store.find(null), "id");
    assertIllegalArgument(() -> store.upsert(null), "entity");
    assertIllegalArgument(() -> store.upsert(null, 1), "entity");
    assertIllegalArgument(() -> store.upsertAll(null), "entities");
    assertIllegalArgument(() -> store.delete(null), "id");
    assertIllegalArgument(() -> store.delete(null, 1), "id");
    assertIllegalArgument(() -> store.forEach(null), "sink");

    assertNothingWritten(before);
  }

  // ---- concurrency ----

  @Test
  void exactlyOneOfConcurrentConditionalUpdatesFromOneVersionWins() {
    T entity = sample("e-1");
    store.upsert(entity);
    int threads = 8;
    int rounds = 20;

    for (long version = 1; version <= rounds; version++) {
      long expected = version;
      T next = version % 2 == 1 ? modified(entity) : entity;
      List<Optional<VersionConflictException>> outcomes = Concurrently.call(threads, thread ->
          conflictOf(() -> store.upsert(next, expected)));

      assertThat(outcomes.stream().filter(Optional::isEmpty)).as("winners from version %s", version).hasSize(1);
      assertThat(outcomes.stream().flatMap(Optional::stream))
          .hasSize(threads - 1)
          .allSatisfy(conflict -> assertThat(conflict.actualVersion()).isEqualTo(expected + 1));
    }
    assertFound(rounds % 2 == 1 ? modified(entity) : entity, rounds + 1, START);
    assertThat(latestChangePerId(store.changesSince(0, MAX_LIMIT))).containsEntry("e-1", Change.Type.UPSERT);
  }

  @Test
  void concurrentOptimisticUpdatesLoseNothing() {
    T entity = sample("e-1");
    store.upsert(entity);
    int threads = 4;
    int attemptsPerThread = 60;

    List<Integer> successes = Concurrently.call(threads, thread -> {
      int won = 0;
      for (int attempt = 0; attempt < attemptsPerThread; attempt++) {
        long version = found("e-1").version();
        T next = version % 2 == 0 ? entity : modified(entity);
        if (conflictOf(() -> store.upsert(next, version)).isEmpty()) {
          won++;
        }
      }
      return won;
    });

    int total = successes.stream().mapToInt(Integer::intValue).sum();
    assertThat(total).isPositive();
    Versioned<T> last = found("e-1");
    assertThat(last.version()).isEqualTo(total + 1L);
    assertSameEntity(last.value(), last.version() % 2 == 0 ? modified(entity) : entity);
  }

  @Test
  void concurrentUpsertAllsNeverInterleave() {
    List<String> ids = IntStream.range(0, 40).mapToObj(this::key).toList();
    store.upsertAll(ids.stream().map(this::sample).toList());
    int threads = 4;
    int callsPerThread = 10;

    List<Map<Long, Boolean>> writtenByThread = Concurrently.call(threads, thread -> {
      boolean modifiedVariant = thread % 2 == 1;
      List<T> batch = ids.stream().map(id -> modifiedVariant ? modified(sample(id)) : sample(id)).toList();
      Map<Long, Boolean> variantByVersion = new HashMap<>();
      for (int call = 0; call < callsPerThread; call++) {
        List<Versioned<T>> stored = store.upsertAll(batch);
        Set<Long> versions = stored.stream().map(Versioned::version).collect(Collectors.toSet());
        assertThat(versions).as("versions written by one upsertAll").hasSize(1);
        variantByVersion.put(versions.iterator().next(), modifiedVariant);
      }
      return variantByVersion;
    });

    Map<Long, Boolean> variantByVersion = new TreeMap<>();
    writtenByThread.forEach(variantByVersion::putAll);
    long calls = (long) threads * callsPerThread;
    assertThat(variantByVersion.keySet()).as("one version per call").containsExactlyElementsOf(
        IntStream.rangeClosed(2, (int) calls + 1).mapToObj(v -> (long) v).toList());
    boolean lastWasModified = variantByVersion.get(calls + 1);
    for (String id : ids) {
      Versioned<T> stored = found(id);
      assertThat(stored.version()).isEqualTo(calls + 1);
      assertSameEntity(stored.value(), lastWasModified ? modified(sample(id)) : sample(id));
    }
  }

  @Test
  void concurrentWritersGetDistinctIncreasingSequences() {
    int threads = 4;
    int perThread = 50;

    Concurrently.run(threads, thread -> {
      for (int i = 0; i < perThread; i++) {
        store.upsert(sample("t" + thread + "-" + key(i)));
      }
    });

    List<Change> changes = store.changesSince(0, MAX_LIMIT);
    assertStrictlyIncreasing(changes);
    assertThat(changes).hasSize(threads * perThread);
    assertThat(changes).extracting(Change::id).doesNotHaveDuplicates();
    assertThat(changes.get(changes.size() - 1).sequence()).isEqualTo(store.lastSequence());
    assertThat(store.count()).isEqualTo(threads * perThread);
  }

  // ---- helpers ----

  /** A fixed-width id, so string order equals numeric order. */
  protected String key(int i) {
    return String.format("id-%05d", i);
  }

  private Versioned<T> found(String id) {
    Optional<Versioned<T>> found = store.find(id);
    assertThat(found).as("find(%s)", id).isPresent();
    return found.get();
  }

  private void assertFound(T expected, long version, Instant updatedAt) {
    Versioned<T> stored = found(idOf(expected));
    assertSameEntity(stored.value(), expected);
    assertThat(stored.version()).isEqualTo(version);
    assertThat(stored.updatedAt()).isEqualTo(updatedAt);
  }

  private List<String> ids(List<Versioned<T>> page) {
    return page.stream().map(v -> idOf(v.value())).toList();
  }

  private List<String> allIdsInPagesOf(int size) {
    List<String> all = new ArrayList<>();
    String afterId = null;
    List<Versioned<T>> page;
    do {
      page = store.list(afterId, size);
      assertThat(page).hasSizeLessThanOrEqualTo(size);
      assertStartsAfter(page, afterId);
      all.addAll(ids(page));
      if (!page.isEmpty()) {
        afterId = all.get(all.size() - 1);
      }
    } while (!page.isEmpty());
    return all;
  }

  /** Fails unless every id of {@code page} is after {@code afterId}, so paging always progresses. */
  private void assertStartsAfter(List<Versioned<T>> page, @Nullable String afterId) {
    if (afterId != null) {
      assertThat(ids(page)).as("page after %s", afterId).allSatisfy(id -> assertThat(id).isGreaterThan(afterId));
    }
  }

  private static Map<String, Change.Type> latestChangePerId(List<Change> changes) {
    Map<String, Change.Type> latest = new HashMap<>();
    for (Change change : changes) {
      latest.put(change.id(), change.type());
    }
    return latest;
  }

  private static void assertStrictlyIncreasing(List<Change> changes) {
    for (int i = 1; i < changes.size(); i++) {
      assertThat(changes.get(i).sequence()).as("sequence after %s", changes.get(i - 1))
          .isGreaterThan(changes.get(i - 1).sequence());
    }
  }

  private static Optional<VersionConflictException> conflictOf(Runnable write) {
    try {
      write.run();
      return Optional.empty();
    } catch (VersionConflictException e) {
      return Optional.of(e);
    }
  }

  private static void ignoringConflict(Runnable write) {
    assertThat(conflictOf(write)).as("expected a version conflict").isPresent();
  }

  private static void assertConflict(ThrowingCallable write, String id, long expected, @Nullable Long actual) {
    assertThatThrownBy(write)
        .isInstanceOfSatisfying(VersionConflictException.class, conflict -> {
          assertThat(conflict.id()).isEqualTo(id);
          assertThat(conflict.expectedVersion()).isEqualTo(expected);
          assertThat(conflict.actualVersion()).isEqualTo(actual);
        });
  }

  /** Everything stored, with versions, and the last sequence. */
  private record Snapshot<E>(List<Versioned<E>> entities, long lastSequence) {}

  private Snapshot<T> snapshot() {
    return new Snapshot<>(store.list(null, MAX_LIMIT), store.lastSequence());
  }

  private void assertNothingWritten(Snapshot<T> before) {
    List<Versioned<T>> now = store.list(null, MAX_LIMIT);
    assertThat(store.lastSequence()).as("lastSequence").isEqualTo(before.lastSequence());
    assertThat(ids(now)).isEqualTo(ids(before.entities()));
    for (int i = 0; i < now.size(); i++) {
      assertThat(now.get(i).version()).isEqualTo(before.entities().get(i).version());
      assertThat(now.get(i).updatedAt()).isEqualTo(before.entities().get(i).updatedAt());
      assertSameEntity(now.get(i).value(), before.entities().get(i).value());
    }
  }
}
