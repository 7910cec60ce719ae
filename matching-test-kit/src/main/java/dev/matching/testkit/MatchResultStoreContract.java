package dev.matching.testkit;

import static dev.matching.testkit.ContractAssertions.assertIllegalArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.MatchList;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.support.PageLimit;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link MatchResultStore}: generations written partition by partition,
 * published atomically, replaced idempotently, cleaned up and erased.
 *
 * <p>Extend it and implement {@link #newStore()}, which is called before every test and must
 * return an empty store (a database adapter truncates its tables there).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class MatchResultStoreContract {

  private static final Direction JOBS = Direction.JOBS_FOR_WORKER;
  private static final Direction WORKERS = Direction.WORKERS_FOR_JOB;
  private static final Instant COMPUTED_AT = Instant.parse("2026-04-01T03:00:00Z");

  private MatchResultStore store;

  /** An empty store; called before every test. */
  protected abstract MatchResultStore newStore();

  /** The store under test. */
  protected MatchResultStore store() {
    return store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void nothingIsVisibleBeforeTheFirstPublish() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1", "j-2")));

    assertThat(store.publishedGeneration(JOBS)).isEmpty();
    assertThat(store.publishedGeneration(WORKERS)).isEmpty();
    assertThat(store.find(JOBS, "w-1")).isEmpty();
  }

  @Test
  void publishingMakesTheWrittenListsVisibleExactly() {
    List<Match> ranked = matches("j-2", "j-1", "j-3");
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", ranked, "w-2", List.of()));

    store.publish(JOBS, 1);

    assertThat(store.publishedGeneration(JOBS)).hasValue(1);
    assertThat(store.find(JOBS, "w-1")).hasValue(new MatchList(JOBS, "w-1", 1, COMPUTED_AT, ranked));
    assertThat(store.find(JOBS, "w-2")).as("an empty list is stored, not absent")
        .hasValue(new MatchList(JOBS, "w-2", 1, COMPUTED_AT, List.of()));
    assertThat(store.find(JOBS, "w-3")).isEmpty();
  }

  @Test
  void readersSeeOnlyThePublishedGeneration() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1"), "w-old", matches("j-9")));
    store.publish(JOBS, 1);
    Instant later = COMPUTED_AT.plusSeconds(86_400);

    store.write(JOBS, 2, later, Map.of("w-1", matches("j-2")));
    store.write(JOBS, 2, later, Map.of("w-new", matches("j-3")));

    assertThat(generationOf(JOBS, "w-1")).hasValue(1L);
    assertThat(store.find(JOBS, "w-new")).isEmpty();
    assertThat(store.find(JOBS, "w-old")).isPresent();

    store.publish(JOBS, 2);

    assertThat(store.find(JOBS, "w-1")).hasValue(new MatchList(JOBS, "w-1", 2, later, matches("j-2")));
    assertThat(generationOf(JOBS, "w-new")).hasValue(2L);
    assertThat(store.find(JOBS, "w-old")).as("lists of the new generation never written read as absent").isEmpty();
  }

  @Test
  void directionsAreIndependent() {
    store.write(JOBS, 3, COMPUTED_AT, Map.of("same-id", matches("j-1")));
    store.write(WORKERS, 1, COMPUTED_AT, Map.of("same-id", matches("w-1", "w-2")));

    store.publish(JOBS, 3);

    assertThat(store.publishedGeneration(WORKERS)).isEmpty();
    assertThat(store.find(WORKERS, "same-id")).isEmpty();
    store.publish(WORKERS, 1);
    assertThat(store.find(JOBS, "same-id")).hasValue(new MatchList(JOBS, "same-id", 3, COMPUTED_AT, matches("j-1")));
    assertThat(store.find(WORKERS, "same-id"))
        .hasValue(new MatchList(WORKERS, "same-id", 1, COMPUTED_AT, matches("w-1", "w-2")));
  }

  @Test
  void rewritingASubjectOfAGenerationReplacesIt() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1", "j-2"), "w-2", matches("j-1")));
    Instant retriedAt = COMPUTED_AT.plusSeconds(60);

    store.write(JOBS, 1, retriedAt, Map.of("w-1", matches("j-3")));
    store.write(JOBS, 1, retriedAt, Map.of("w-1", matches("j-3")));
    store.publish(JOBS, 1);

    assertThat(store.find(JOBS, "w-1")).hasValue(new MatchList(JOBS, "w-1", 1, retriedAt, matches("j-3")));
    assertThat(store.find(JOBS, "w-2")).hasValue(new MatchList(JOBS, "w-2", 1, COMPUTED_AT, matches("j-1")));
    store.publish(JOBS, 2);
    assertThat(store.deleteGenerationsBefore(JOBS, 2)).as("one list per subject, not per write").isEqualTo(2);
  }

  @Test
  void theGenerationBeingWrittenAfterPublishIsReplacedInPlace() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.publish(JOBS, 1);

    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-2"), "w-2", matches("j-1")));

    assertThat(store.find(JOBS, "w-1")).hasValue(new MatchList(JOBS, "w-1", 1, COMPUTED_AT, matches("j-2")));
    assertThat(generationOf(JOBS, "w-2")).hasValue(1L);
  }

  @Test
  void anOlderGenerationCanBePublishedAgain() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(JOBS, 2, COMPUTED_AT, Map.of("w-1", matches("j-2")));
    store.publish(JOBS, 2);

    store.publish(JOBS, 1);

    assertThat(store.publishedGeneration(JOBS)).hasValue(1);
    assertThat(generationOf(JOBS, "w-1")).hasValue(1L);
  }

  @Test
  void publishingAGenerationWithNoListsHidesEverything() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.publish(JOBS, 1);

    store.publish(JOBS, 5);

    assertThat(store.publishedGeneration(JOBS)).hasValue(5);
    assertThat(store.find(JOBS, "w-1")).isEmpty();
  }

  @Test
  void deleteGenerationsBeforeKeepsThePublishedOneAndNewerOnes() {
    for (long generation = 1; generation <= 4; generation++) {
      store.write(JOBS, generation, COMPUTED_AT, Map.of("w-1", matches("j-1"), "w-2", matches("j-2")));
    }
    store.write(WORKERS, 1, COMPUTED_AT, Map.of("j-1", matches("w-1")));
    store.publish(JOBS, 2);

    assertThat(store.deleteGenerationsBefore(JOBS, 4)).as("generations 1 and 3").isEqualTo(4);

    assertThat(generationOf(JOBS, "w-1")).hasValue(2L);
    store.publish(JOBS, 4);
    assertThat(generationOf(JOBS, "w-2")).hasValue(4L);
    store.publish(JOBS, 3);
    assertThat(store.find(JOBS, "w-1")).as("generation 3 was deleted").isEmpty();
    store.publish(WORKERS, 1);
    assertThat(generationOf(WORKERS, "j-1")).as("the other direction is untouched").hasValue(1L);
    assertThat(store.deleteGenerationsBefore(JOBS, 1)).isZero();
  }

  @Test
  void eraseDeletesListsOfTheSubjectAndRemovesItFromOtherLists() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1", "j-2"), "w-2", matches("j-3")));
    store.write(JOBS, 2, COMPUTED_AT, Map.of("w-1", matches("j-2")));
    List<Match> rankedForJob1 = matches("w-2", "w-1", "w-3");
    store.write(WORKERS, 1, COMPUTED_AT, Map.of(
        "j-1", rankedForJob1,
        "j-2", matches("w-1"),
        "j-3", matches("w-2")));
    store.publish(JOBS, 1);
    store.publish(WORKERS, 1);

    long touched = store.erase("w-1");

    assertThat(touched).as("two lists of w-1 deleted, two lists without it").isEqualTo(4);
    assertThat(store.find(JOBS, "w-1")).isEmpty();
    store.publish(JOBS, 2);
    assertThat(store.find(JOBS, "w-1")).as("every generation").isEmpty();
    store.publish(JOBS, 1);
    assertThat(store.find(JOBS, "w-2")).hasValue(new MatchList(JOBS, "w-2", 1, COMPUTED_AT, matches("j-3")));
    assertThat(store.find(WORKERS, "j-1")).as("the others keep their order and scores")
        .hasValue(new MatchList(WORKERS, "j-1", 1, COMPUTED_AT, List.of(rankedForJob1.get(0), rankedForJob1.get(2))));
    assertThat(store.find(WORKERS, "j-2")).hasValue(new MatchList(WORKERS, "j-2", 1, COMPUTED_AT, List.of()));
    assertThat(store.find(WORKERS, "j-3")).hasValue(new MatchList(WORKERS, "j-3", 1, COMPUTED_AT, matches("w-2")));
    assertThat(store.erase("w-1")).isZero();
    assertThat(store.erase("nobody")).isZero();
  }

  @Test
  void deleteComputedBeforeDeletesOldListsOfEveryGenerationThePublishedOneIncluded() {
    Instant old = COMPUTED_AT;
    Instant fresh = COMPUTED_AT.plusSeconds(3_600);
    store.write(JOBS, 1, old, Map.of("w-1", matches("j-1"), "w-2", matches("j-2")));
    store.write(JOBS, 1, fresh, Map.of("w-3", matches("j-3")));
    store.write(JOBS, 2, old, Map.of("w-1", matches("j-4")));
    store.write(WORKERS, 1, old, Map.of("j-1", matches("w-1")));
    store.write(WORKERS, 1, fresh, Map.of("j-2", matches("w-2")));
    store.publish(JOBS, 1);
    store.publish(WORKERS, 1);

    assertThat(store.deleteComputedBefore(fresh)).as("w-1, w-2 of 1, w-1 of 2, j-1").isEqualTo(4);

    assertThat(store.publishedGeneration(JOBS)).as("the publication stays").hasValue(1);
    assertThat(store.find(JOBS, "w-1")).isEmpty();
    assertThat(store.find(JOBS, "w-2")).isEmpty();
    assertThat(store.find(JOBS, "w-3")).hasValue(new MatchList(JOBS, "w-3", 1, fresh, matches("j-3")));
    assertThat(store.find(WORKERS, "j-1")).isEmpty();
    assertThat(store.find(WORKERS, "j-2")).isPresent();
    assertThat(store.generations(JOBS)).as("generation 2 has no list left").containsExactly(1L);
    assertThat(store.deleteComputedBefore(fresh)).as("the cutoff is exclusive, nothing is left before it").isZero();
    assertThat(store.deleteComputedBefore(fresh.plusNanos(1000))).isEqualTo(2);
    assertThat(store.generations(JOBS)).isEmpty();
    assertThat(store.generations(WORKERS)).isEmpty();
  }

  @Test
  void generationsListsThoseHoldingListsAscending() {
    assertThat(store.generations(JOBS)).isEmpty();
    store.write(JOBS, 10, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(JOBS, 2, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(JOBS, 3, COMPUTED_AT, Map.of());
    store.publish(JOBS, 7);
    store.write(WORKERS, 4, COMPUTED_AT, Map.of("j-1", matches("w-1")));

    assertThat(store.generations(JOBS)).as("ascending as numbers; empty writes and list-less publishes hold nothing")
        .containsExactly(2L, 10L);
    assertThat(store.generations(WORKERS)).containsExactly(4L);
    store.erase("w-1");
    assertThat(store.generations(JOBS)).as("erasure emptied them").isEmpty();
  }

  @Test
  void listPagesTheListsOfOneGenerationBySubjectId() {
    Map<String, List<Match>> lists = new HashMap<>();
    for (String subject : List.of("w-b", "w-a", "w-10", "w-2", "w-c")) {
      lists.put(subject, matches("j-" + subject));
    }
    store.write(JOBS, 1, COMPUTED_AT, lists);
    store.write(JOBS, 2, COMPUTED_AT, Map.of("w-a", matches("j-other")));
    store.write(WORKERS, 1, COMPUTED_AT, Map.of("j-1", matches("w-a")));
    store.publish(JOBS, 2);

    List<MatchList> first = store.list(JOBS, 1, null, 2);
    assertThat(first).extracting(MatchList::subjectId).containsExactly("w-10", "w-2");
    assertThat(first.get(0)).as("unpublished lists are listed, whole")
        .isEqualTo(new MatchList(JOBS, "w-10", 1, COMPUTED_AT, matches("j-w-10")));
    assertThat(store.list(JOBS, 1, "w-2", 2)).extracting(MatchList::subjectId).containsExactly("w-a", "w-b");
    assertThat(store.list(JOBS, 1, "w-b", 2)).extracting(MatchList::subjectId).containsExactly("w-c");
    assertThat(store.list(JOBS, 1, "w-bb", 10)).as("the cursor need not be stored").extracting(MatchList::subjectId)
        .containsExactly("w-c");
    assertThat(store.list(JOBS, 1, "w-c", 2)).isEmpty();
    assertThat(store.list(JOBS, 2, null, 10)).containsExactly(new MatchList(JOBS, "w-a", 2, COMPUTED_AT, matches("j-other")));
    assertThat(store.list(JOBS, 3, null, 10)).isEmpty();
    assertThat(store.list(WORKERS, 1, null, 10)).extracting(MatchList::subjectId).containsExactly("j-1");
  }

  // ---- fenced partition writes (the batch's) ----

  /** A lease on {@code partition} of run-1 holding fencing token {@code token}. */
  protected static PartitionLease lease(int partition, long token) {
    return new PartitionLease("run-1", partition, "p" + partition, "node-" + token, token, COMPUTED_AT);
  }

  @Test
  void aStaleTokenIsRefusedAndWritesNothingBeforeOrAfterThePublish() {
    store.write(lease(0, 2), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-1")));

    assertThatThrownBy(() -> store.write(lease(0, 1), JOBS, 5, COMPUTED_AT,
        Map.of("w-1", matches("j-stale"), "w-2", matches("j-stale"))))
        .as("a paused node's late write").isInstanceOf(LeaseLostException.class);
    store.publish(JOBS, 5);
    assertThatThrownBy(() -> store.write(lease(0, 1), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-stale"))))
        .as("into the published generation").isInstanceOf(LeaseLostException.class);

    assertThat(store.find(JOBS, "w-1").orElseThrow().matches()).isEqualTo(matches("j-1"));
    assertThat(store.find(JOBS, "w-2")).isEmpty();
    assertThat(store.list(JOBS, 5, null, 10)).hasSize(1);
  }

  @Test
  void aHigherTokenReplacesEveryListTheLowerTokenStoredForThatPartitionOnly() {
    store.write(lease(0, 1), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-1"), "w-2", matches("j-2")));
    store.write(lease(1, 1), JOBS, 5, COMPUTED_AT, Map.of("w-3", matches("j-3")));
    store.write(lease(0, 1), WORKERS, 5, COMPUTED_AT, Map.of("j-1", matches("w-1")));
    store.write(lease(0, 1), JOBS, 4, COMPUTED_AT, Map.of("w-1", matches("j-4")));

    store.write(lease(0, 2), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-new")));
    store.publish(JOBS, 5);
    store.publish(WORKERS, 5);

    assertThat(store.find(JOBS, "w-1").orElseThrow().matches()).isEqualTo(matches("j-new"));
    assertThat(store.find(JOBS, "w-2")).as("ranked only by the lower token").isEmpty();
    assertThat(store.find(JOBS, "w-3")).as("another partition").isPresent();
    assertThat(store.find(WORKERS, "j-1")).as("the other direction").isPresent();
    assertThat(store.list(JOBS, 4, null, 10)).as("another generation").hasSize(1);
  }

  @Test
  void theSameTokenWritesAgainHarmlesslyAndAnEmptyWriteStillFences() {
    store.write(lease(0, 1), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(lease(0, 1), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-1b"), "w-2", matches("j-2")));
    store.publish(JOBS, 5);
    assertThat(store.find(JOBS, "w-1").orElseThrow().matches()).isEqualTo(matches("j-1b"));
    assertThat(store.find(JOBS, "w-2")).isPresent();

    store.write(lease(0, 3), JOBS, 5, COMPUTED_AT, Map.of());

    assertThat(store.find(JOBS, "w-1")).as("deleted by the empty write of a higher token").isEmpty();
    assertThat(store.find(JOBS, "w-2")).isEmpty();
    assertThatThrownBy(() -> store.write(lease(0, 2), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-1"))))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void theTokensOfADeletedGenerationAreDeletedWithIt() {
    store.write(lease(0, 2), JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(lease(0, 3), JOBS, 2, COMPUTED_AT, Map.of("w-1", matches("j-2")));
    store.publish(JOBS, 2);
    store.deleteGenerationsBefore(JOBS, 2);

    store.write(lease(0, 1), JOBS, 1, COMPUTED_AT, Map.of("w-9", matches("j-9")));

    assertThat(store.list(JOBS, 1, null, 10)).as("generation 1 starts over").extracting(MatchList::subjectId)
        .containsExactly("w-9");
    assertThatThrownBy(() -> store.write(lease(0, 2), JOBS, 2, COMPUTED_AT, Map.of()))
        .as("the published generation keeps its tokens").isInstanceOf(LeaseLostException.class);
  }

  @Test
  void publishIfNewerNeverGoesBack() {
    assertThat(store.publishIfNewer(JOBS, 2)).isTrue();
    assertThat(store.publishIfNewer(JOBS, 1)).as("an older generation").isFalse();
    assertThat(store.publishIfNewer(JOBS, 2)).as("the same one").isFalse();
    assertThat(store.publishedGeneration(JOBS)).hasValue(2);
    assertThat(store.publishedGeneration(WORKERS)).as("per direction").isEmpty();
    assertThat(store.publishIfNewer(JOBS, 3)).isTrue();
    assertThat(store.publishedGeneration(JOBS)).hasValue(3);
  }

  @Test
  void badArgumentsAreRejectedAndWriteNothing() {
    Map<String, List<Match>> withBlankSubject = new LinkedHashMap<>();
    withBlankSubject.put("w-1", matches("j-1"));
    withBlankSubject.put(" ", matches("j-2"));
    Map<String, List<Match>> withNullList = new HashMap<>();
    withNullList.put("w-1", matches("j-1"));
    withNullList.put("w-2", null);

    assertIllegalArgument(() -> store.write(JOBS, 0, COMPUTED_AT, Map.of("w-1", matches("j-1"))), "generation");
    assertIllegalArgument(() -> store.write(JOBS, 1, COMPUTED_AT, withBlankSubject), "listsBySubject");
    assertIllegalArgument(() -> store.write(JOBS, 1, COMPUTED_AT, withNullList), "listsBySubject");
    assertIllegalArgument(() -> store.write(null, 1, COMPUTED_AT, Map.of()), "direction");
    assertIllegalArgument(() -> store.write(JOBS, 1, null, Map.of()), "computedAt");
    assertIllegalArgument(() -> store.write(JOBS, 1, COMPUTED_AT, null), "listsBySubject");
    assertIllegalArgument(() -> store.write(null, JOBS, 1, COMPUTED_AT, Map.of()), "writer");
    assertIllegalArgument(() -> store.write(lease(0, 1), null, 1, COMPUTED_AT, Map.of()), "direction");
    assertIllegalArgument(() -> store.write(lease(0, 1), JOBS, 0, COMPUTED_AT, Map.of()), "generation");
    assertIllegalArgument(() -> store.write(lease(0, 1), JOBS, 1, COMPUTED_AT, withNullList), "listsBySubject");
    assertIllegalArgument(() -> store.publishIfNewer(JOBS, 0), "generation");
    assertIllegalArgument(() -> store.publishIfNewer(null, 1), "direction");
    assertIllegalArgument(() -> store.publish(JOBS, 0), "generation");
    assertIllegalArgument(() -> store.publish(null, 1), "direction");
    assertIllegalArgument(() -> store.find(JOBS, null), "subjectId");
    assertIllegalArgument(() -> store.erase(null), "id");
    assertIllegalArgument(() -> store.deleteComputedBefore(null), "cutoff");
    assertIllegalArgument(() -> store.generations(null), "direction");
    assertIllegalArgument(() -> store.list(null, 1, null, 10), "direction");
    assertIllegalArgument(() -> store.list(JOBS, 0, null, 10), "generation");
    assertIllegalArgument(() -> store.list(JOBS, 1, null, 0), "limit");
    assertIllegalArgument(() -> store.list(JOBS, 1, null, PageLimit.MAX + 1), "limit");

    store.publish(JOBS, 1);
    assertThat(store.find(JOBS, "w-1")).as("a failed write stores none of its lists").isEmpty();
  }

  @Test
  void concurrentReadersNeverSeeAnUnpublishedOrRolledBackGeneration() {
    List<String> subjects = IntStream.range(0, 20).mapToObj(i -> "w-" + i).toList();
    int generations = 30;
    write(1, subjects);
    store.publish(JOBS, 1);
    AtomicLong publishing = new AtomicLong(1);
    AtomicLong published = new AtomicLong(1);
    AtomicBoolean writing = new AtomicBoolean(true);

    Concurrently.run(4, thread -> {
      if (thread == 0) {
        for (long generation = 2; generation <= generations; generation++) {
          write(generation, subjects);
          publishing.set(generation);
          store.publish(JOBS, generation);
          published.set(generation);
        }
        writing.set(false);
        return;
      }
      long lastSeen = 0;
      for (int read = 0; writing.get() || read < 200; read++) {
        String subject = subjects.get(read % subjects.size());
        long atLeast = published.get();
        MatchList list = store.find(JOBS, subject).orElseThrow();
        long atMost = publishing.get();
        assertThat(list.generation()).isBetween(Math.max(atLeast, lastSeen), atMost);
        assertThat(list.matches()).isEqualTo(matchesOf(list.generation(), subject));
        lastSeen = list.generation();
      }
    });

    assertThat(generationOf(JOBS, "w-0")).hasValue((long) generations);
  }

  // ---- helpers ----

  /** Writes {@code subjects} in {@code generation} in two partitions. */
  private void write(long generation, List<String> subjects) {
    int half = subjects.size() / 2;
    for (List<String> partition : List.of(subjects.subList(0, half), subjects.subList(half, subjects.size()))) {
      Map<String, List<Match>> lists = new HashMap<>();
      for (String subject : partition) {
        lists.put(subject, matchesOf(generation, subject));
      }
      store.write(JOBS, generation, COMPUTED_AT.plusSeconds(generation), lists);
    }
  }

  /** The deterministic list of {@code subject} in {@code generation}. */
  private static List<Match> matchesOf(long generation, String subject) {
    return matches("j-" + generation + "-" + subject, "j-" + generation);
  }

  private Optional<Long> generationOf(Direction direction, String subjectId) {
    return store.find(direction, subjectId).map(MatchList::generation);
  }

  /**
   * Matches for {@code ids}, best first, with scores and factor scores whose doubles do not
   * survive a lossy (float or short decimal) serialization.
   */
  protected static List<Match> matches(String... ids) {
    return IntStream.range(0, ids.length)
        .mapToObj(i -> new Match(ids[i], 0.9876543210987654 / (i + 1),
            new FactorScores(0.1 + 0.2, 1.0 / 3, Math.nextDown(1.0), i == 0 ? 0 : Double.MIN_VALUE)))
        .toList();
  }
}
