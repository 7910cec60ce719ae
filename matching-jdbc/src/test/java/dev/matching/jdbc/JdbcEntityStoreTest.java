package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.spi.Change;
import dev.matching.spi.JobStore;
import dev.matching.spi.Versioned;
import dev.matching.spi.VersionConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcEntityStoreTest extends PostgresTestBase {

  private JobStore jobs() {
    return storage.jobStore();
  }

  @Test
  void storesEveryFieldOfJobsAndWorkers() {
    Versioned<Job> job = jobs().upsert(Fixtures.job("job-1"));
    Versioned<Worker> worker = storage.workerStore().upsert(Fixtures.worker("worker-1"));

    assertThat(jobs().find("job-1")).contains(job);
    assertThat(job.version()).isEqualTo(1);
    assertThat(job.updatedAt()).isEqualTo(T0);
    assertThat(storage.workerStore().find("worker-1")).contains(worker);
    assertThat(jobs().find("absent")).isEmpty();
  }

  @Test
  void everyWriteAddsOneToTheVersionAndStampsTheClock() {
    jobs().upsert(Fixtures.job("job-1"));
    clock.advance(Duration.ofMinutes(5));
    Versioned<Job> second = jobs().upsert(Fixtures.job("job-1").toBuilder().headcount(9).build());

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(jobs().find("job-1")).contains(second);
  }

  @Test
  void aStaleConditionalWriteConflictsAndWritesNothing() {
    Versioned<Job> first = jobs().upsert(Fixtures.job("job-1"));
    jobs().upsert(Fixtures.job("job-1").toBuilder().headcount(2).build(), first.version());
    long changes = jobs().lastSequence();

    assertThatThrownBy(() -> jobs().upsert(Fixtures.job("job-1").toBuilder().headcount(7).build(), first.version()))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThatThrownBy(() -> jobs().upsert(Fixtures.job("job-1"), 0))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(2));
    assertThatThrownBy(() -> jobs().upsert(Fixtures.job("job-2"), 1))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isNull());

    assertThat(jobs().find("job-1").orElseThrow().value().headcount()).isEqualTo(2);
    assertThat(jobs().find("job-2")).isEmpty();
    assertThat(jobs().lastSequence()).isEqualTo(changes);
  }

  @Test
  void createIfAbsentCreatesAtVersionOne() {
    assertThat(jobs().upsert(Fixtures.job("job-1"), 0).version()).isEqualTo(1);
  }

  @Test
  void deletesUnconditionallyAndConditionally() {
    jobs().upsert(Fixtures.job("job-1"));
    jobs().upsert(Fixtures.job("job-2"));

    assertThat(jobs().delete("job-1")).isTrue();
    assertThat(jobs().delete("job-1")).isFalse();
    assertThatThrownBy(() -> jobs().delete("job-2", 5)).isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> jobs().delete("job-1", 1)).isInstanceOf(VersionConflictException.class);
    jobs().delete("job-2", 1);

    assertThat(jobs().count()).isZero();
    assertThat(jobs().upsert(Fixtures.job("job-1")).version()).isEqualTo(1);
  }

  @Test
  void listsPagesInCodePointOrderOfIds() {
    List<String> ids = List.of("b", "a", "B", "é", "aa", "z", "日本");
    ids.forEach(id -> jobs().upsert(Fixtures.job(id)));

    List<String> seen = new ArrayList<>();
    String after = null;
    for (List<Versioned<Job>> page = jobs().list(null, 3); !page.isEmpty(); page = jobs().list(after, 3)) {
      page.forEach(v -> seen.add(v.value().id()));
      after = page.get(page.size() - 1).value().id();
    }
    assertThat(seen).isEqualTo(ids.stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void upsertAllThroughCopyWritesEverythingAndReturnsInOrder() {
    jobs().upsert(Fixtures.job("job-00002"));
    List<Job> batch = IntStream.rangeClosed(1, 12).mapToObj(i -> Fixtures.job(String.format("job-%05d", i)))
        .collect(Collectors.toList());
    List<Versioned<Job>> stored = storage.toBuilder().migrate(false).copyThreshold(5).build().jobStore().upsertAll(batch);

    assertThat(stored).extracting(v -> v.value().id()).containsExactlyElementsOf(
        batch.stream().map(Job::id).collect(Collectors.toList()));
    assertThat(stored).extracting(Versioned::version).containsOnly(1L, 2L);
    assertThat(stored.get(1).version()).isEqualTo(2);
    assertThat(jobs().count()).isEqualTo(12);
    assertThat(jobs().changesSince(1, 100)).hasSize(12);
  }

  @ParameterizedTest(name = "copyThreshold {0}")
  @ValueSource(ints = {0, 1_000})
  void upsertAllIsAllOrNothingAndEscapesEveryCharacter(int copyThreshold) {
    List<Job> batch = new ArrayList<>(Fixtures.sampleJobs(30));
    batch.add(Fixtures.job("back\\slash \"quoted\"").toBuilder().title("line\nbreak\ttab\r \\N \\ {\"a\",b}").build());
    JobStore store = storage.toBuilder().migrate(false).copyThreshold(copyThreshold).build().jobStore();
    // A NUL (which PostgreSQL cannot store) no longer reaches a store: the model refuses it.
    assertThatThrownBy(() -> Fixtures.job("nul").toBuilder().title("a NUL \u0000 PostgreSQL cannot store").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("title:");
    List<Job> withDuplicate = new ArrayList<>(batch);
    withDuplicate.add(batch.get(3));

    assertThatThrownBy(() -> store.upsertAll(withDuplicate)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.count()).isZero();
    assertThat(store.lastSequence()).isZero();

    assertThat(store.upsertAll(batch)).hasSize(31);
    assertThat(store.find("back\\slash \"quoted\"").orElseThrow().value()).isEqualTo(batch.get(30));
  }

  @Test
  void badArgumentsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> jobs().list(null, 0)).hasMessageStartingWith("limit:");
    assertThatThrownBy(() -> jobs().list(null, 10_001)).hasMessageStartingWith("limit:");
    assertThatThrownBy(() -> jobs().changesSince(-1, 10)).hasMessageStartingWith("afterSequence:");
    assertThatThrownBy(() -> jobs().delete("job-1", 0)).hasMessageStartingWith("expectedVersion:");
    assertThatThrownBy(() -> jobs().upsert(Fixtures.job("job-1"), -1)).hasMessageStartingWith("expectedVersion:");
  }

  @Test
  void upsertAllRefusesAnIdListedTwice() {
    assertThatThrownBy(() -> jobs().upsertAll(List.of(Fixtures.job("x"), Fixtures.job("x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than once");
    assertThat(jobs().upsertAll(List.of())).isEmpty();
    assertThat(jobs().count()).isZero();
  }

  @Test
  void changeLogRecordsEveryWriteInOrder() {
    jobs().upsert(Fixtures.job("a"));
    jobs().upsertAll(List.of(Fixtures.job("b"), Fixtures.job("c")));
    jobs().delete("a");
    jobs().delete("absent");

    assertThat(jobs().changesSince(0, 10)).containsExactly(
        new Change(1, "a", Change.Type.UPSERT), new Change(2, "b", Change.Type.UPSERT),
        new Change(3, "c", Change.Type.UPSERT), new Change(4, "a", Change.Type.DELETE));
    assertThat(jobs().changesSince(2, 1)).containsExactly(new Change(3, "c", Change.Type.UPSERT));
    assertThat(jobs().lastSequence()).isEqualTo(4);
    assertThat(storage.workerStore().lastSequence()).isZero();
  }

  @Test
  void bulkLoadsAndStreamsTwentyThousandJobs() {
    List<Job> market = Fixtures.sampleJobs(20_000);
    jobs().upsertAll(market);

    AtomicInteger streamed = new AtomicInteger();
    List<Job> some = new ArrayList<>();
    storage.toBuilder().migrate(false).fetchSize(500).build().jobStore().forEach(job -> {
      if (streamed.incrementAndGet() % 1_000 == 0) {
        some.add(job);
      }
    });

    assertThat(streamed).hasValue(20_000);
    assertThat(jobs().count()).isEqualTo(20_000);
    assertThat(market).containsAll(some);
  }

  @Test
  void anExceptionOfTheSinkEndsTheScanUnchanged() {
    jobs().upsertAll(Fixtures.sampleJobs(10));
    IllegalStateException stop = new IllegalStateException("stop");

    assertThatThrownBy(() -> jobs().forEach(job -> {
      throw stop;
    })).isSameAs(stop);
    assertThat(jobs().count()).isEqualTo(10);
  }
}
