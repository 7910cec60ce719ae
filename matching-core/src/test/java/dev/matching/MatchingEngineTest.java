package dev.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.spi.JobStore;
import dev.matching.spi.VersionConflictException;
import dev.matching.spi.WorkerStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.testing.Oracle;
import dev.matching.testing.RandomMarket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-25T00:00:00Z"), ZoneOffset.UTC);
  private static final ScoringPolicy POLICY = ScoringPolicy.ofDefaults();

  private final List<Job> jobs = RandomMarket.jobs(7, 400);
  private final List<Worker> workers = RandomMarket.workers(8, 150);

  private MatchingEngine engine(JobStore jobStore, WorkerStore workerStore) {
    return MatchingEngine.builder().jobStore(jobStore).workerStore(workerStore).clock(CLOCK).policy(POLICY).build();
  }

  private MatchingEngine loadedEngine() {
    MatchingEngine engine = engine(new InMemoryJobStore(CLOCK), new InMemoryWorkerStore(CLOCK));
    engine.upsertJobs(jobs);
    engine.upsertWorkers(workers);
    return engine;
  }

  private static List<String> ids(MatchPage page) {
    return page.matches().stream().map(Match::id).toList();
  }

  @Test
  void aNullEntityIsTheDocumentedIllegalArgumentNamingIt() {
    MatchingEngine engine = loadedEngine();
    assertThatThrownBy(() -> engine.upsertJob(null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("job");
    assertThatThrownBy(() -> engine.upsertJob(null, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("job");
    assertThatThrownBy(() -> engine.upsertWorker(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("worker");
    assertThatThrownBy(() -> engine.upsertWorker(null, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("worker");
    assertThat(engine.jobIndex().size()).isEqualTo(jobs.size());
  }

  @Test
  void ranksBothDirectionsExactlyLikeTheBruteForceOracle() {
    MatchingEngine engine = loadedEngine();
    for (Worker w : workers.subList(0, 40)) {
      List<Match> expected = Oracle.page(Oracle.jobsFor(w, jobs, POLICY, MatchFilter.none()), null, 10);
      assertThat(engine.topJobsFor(w.id(), MatchQuery.top(10)).matches()).isEqualTo(expected);
    }
    for (Job j : jobs.subList(0, 40)) {
      List<Match> expected = Oracle.page(Oracle.workersFor(j, workers, POLICY, MatchFilter.none()), null, 10);
      assertThat(engine.topWorkersFor(j.id(), MatchQuery.top(10)).matches()).isEqualTo(expected);
    }
  }

  @Test
  void coldStartProfileRanksLikeTheRegisteredWorker() {
    MatchingEngine engine = loadedEngine();
    Worker w = workers.stream()
        .filter(x -> !engine.topJobsFor(x.id(), MatchQuery.top(1)).matches().isEmpty())
        .findFirst().orElseThrow();
    Worker unregistered = Worker.builder("browsing-visitor").home(w.home()).maxTravelKm(w.maxTravelKm())
        .skills(w.skills()).availability(w.availability()).desiredPay(w.desiredPay())
        .desiredHoursPerWeek(w.desiredHoursPerWeek()).active(w.active()).build();
    MatchPage registered = engine.topJobsFor(w.id(), MatchQuery.top(20));
    assertThat(registered.matches()).isNotEmpty();
    assertThat(engine.topJobsFor(unregistered, MatchQuery.top(20))).isEqualTo(registered);
    assertThat(engine.worker("browsing-visitor")).isEmpty();
  }

  @Test
  void explainAgreesWithTheRankedScore() {
    MatchingEngine engine = loadedEngine();
    int checked = 0;
    for (Worker w : workers.subList(0, 30)) {
      for (Match m : engine.topJobsFor(w.id(), MatchQuery.top(3)).matches()) {
        Explanation e = engine.explain(w.id(), m.id());
        assertThat(e.eligible()).isTrue();
        assertThat(e.total()).isEqualTo(m.score());
        assertThat(e.scores()).isEqualTo(m.factors());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void unknownIdsAreNotFoundNamingKindAndId() {
    MatchingEngine engine = loadedEngine();
    assertThatThrownBy(() -> engine.topJobsFor("nobody", MatchQuery.top(5)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("worker");
          assertThat(e.id()).isEqualTo("nobody");
        });
    assertThatThrownBy(() -> engine.topWorkersFor("no-job", MatchQuery.top(5)))
        .isInstanceOf(NotFoundException.class).hasMessage("job not found: no-job");
    assertThatThrownBy(() -> engine.explain(workers.get(0).id(), "no-job"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("no-job");
  }

  @Test
  void removedJobsLeaveTheRankingAndUpdatesReplaceThem() {
    MatchingEngine engine = loadedEngine();
    Worker w = workers.stream()
        .filter(x -> engine.topJobsFor(x.id(), MatchQuery.top(1)).matches().size() == 1)
        .findFirst().orElseThrow();
    String best = engine.topJobsFor(w.id(), MatchQuery.top(1)).matches().get(0).id();

    assertThat(engine.removeJob(best)).isTrue();
    assertThat(engine.removeJob(best)).isFalse();
    assertThat(ids(engine.topJobsFor(w.id(), MatchQuery.top(50)))).doesNotContain(best);
    assertThat(engine.jobStore().find(best)).isEmpty();

    Job closed = jobs.stream().filter(j -> j.id().equals(best)).findFirst().orElseThrow().toBuilder().open(false).build();
    engine.upsertJob(closed);
    assertThat(engine.job(best)).contains(closed);
    assertThat(ids(engine.topJobsFor(w.id(), MatchQuery.top(50)))).doesNotContain(best);
  }

  @Test
  void staleConditionalWriteChangesNeitherStoreNorIndex() {
    MatchingEngine engine = loadedEngine();
    Job original = jobs.get(0);
    long version = engine.jobStore().find(original.id()).orElseThrow().version();
    Job changed = original.toBuilder().open(!original.open()).build();

    assertThatThrownBy(() -> engine.upsertJob(changed, version + 1)).isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> engine.upsertJob(changed, 0)).isInstanceOf(VersionConflictException.class);
    assertThat(engine.job(original.id())).contains(original);
    assertThat(engine.jobStore().find(original.id()).orElseThrow().value()).isEqualTo(original);

    assertThat(engine.upsertJob(changed, version).version()).isEqualTo(version + 1);
    assertThat(engine.job(original.id())).contains(changed);
  }

  @Test
  void rejectedBatchWritesNothingAnywhere() {
    MatchingEngine engine = engine(new InMemoryJobStore(CLOCK), new InMemoryWorkerStore(CLOCK));
    List<Job> batch = new ArrayList<>(jobs.subList(0, 10));
    batch.add(jobs.get(3));
    assertThatThrownBy(() -> engine.upsertJobs(batch)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(jobs.get(3).id());
    assertThat(engine.jobIndex().size()).isZero();
    assertThat(engine.jobStore().count()).isZero();
  }

  @Test
  void aSecondEngineOnSharedStoresCatchesUpByRefresh() {
    JobStore jobStore = new InMemoryJobStore(CLOCK);
    WorkerStore workerStore = new InMemoryWorkerStore(CLOCK);
    MatchingEngine writer = engine(jobStore, workerStore);
    writer.upsertJobs(jobs.subList(0, 200));
    writer.upsertWorkers(workers);
    assertThat(writer.indexLag()).isZero();

    MatchingEngine reader = engine(jobStore, workerStore);
    assertThat(reader.jobIndex().size()).isEqualTo(200);
    assertThat(reader.indexLag()).isZero();

    writer.upsertJobs(jobs.subList(200, 400));
    writer.removeJob(jobs.get(0).id());
    writer.removeWorker(workers.get(0).id());
    assertThat(reader.indexLag()).isEqualTo(202);
    assertThat(reader.jobIndex().size()).isEqualTo(200);

    assertThat(reader.refresh()).isEqualTo(202);
    assertThat(reader.indexLag()).isZero();
    assertThat(reader.jobIndex().size()).isEqualTo(399);
    assertThat(reader.workerIndex().size()).isEqualTo(workers.size() - 1);
    for (Worker w : workers.subList(1, 30)) {
      assertThat(reader.topJobsFor(w.id(), MatchQuery.top(10))).isEqualTo(writer.topJobsFor(w.id(), MatchQuery.top(10)));
    }
    assertThat(reader.refresh()).isZero();
  }

  @Test
  void theIndexViewsAreReadOnlyAndFollowAReload() {
    JobStore jobStore = new InMemoryJobStore(CLOCK);
    MatchingEngine engine = engine(jobStore, new InMemoryWorkerStore(CLOCK));
    dev.matching.index.IndexView<Job> view = engine.jobIndex();
    assertThat(view).isNotInstanceOf(dev.matching.index.EntityIndex.class);
    assertThat(engine.workerIndex()).isNotInstanceOf(dev.matching.index.EntityIndex.class);

    jobStore.upsertAll(jobs.subList(0, 50));
    engine.reload();
    engine.upsertJob(jobs.get(60));

    assertThat(view.size()).isEqualTo(51);
    assertThat(view.get(jobs.get(60).id())).contains(jobs.get(60));
    List<String> seen = new ArrayList<>();
    view.forEach((Job j) -> seen.add(j.id()));
    assertThat(seen).hasSize(51).contains(jobs.get(0).id(), jobs.get(60).id());
    assertThat(view.estimatedBytes()).isPositive();
  }

  @Test
  void reloadRebuildsFromTheStoreAfterOutOfBandWrites() {
    JobStore jobStore = new InMemoryJobStore(CLOCK);
    MatchingEngine engine = engine(jobStore, new InMemoryWorkerStore(CLOCK));
    jobStore.upsertAll(jobs.subList(0, 50));
    assertThat(engine.jobIndex().size()).isZero();
    engine.reload();
    assertThat(engine.jobIndex().size()).isEqualTo(50);
    assertThat(engine.indexLag()).isZero();
  }

  /** A worker store that fails to stream, as a store whose server went away would. */
  private static WorkerStore unreadableWorkerStore() {
    WorkerStore delegate = new InMemoryWorkerStore(CLOCK);
    return (WorkerStore) java.lang.reflect.Proxy.newProxyInstance(WorkerStore.class.getClassLoader(),
        new Class<?>[] {WorkerStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("forEach")) {
            throw new dev.matching.spi.StorageException("worker store unreachable");
          }
          try {
            return method.invoke(delegate, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void reloadSurfacesAFailureOfTheWorkerSideBuiltOnItsOwnThread() {
    JobStore jobStore = new InMemoryJobStore(CLOCK);
    jobStore.upsertAll(jobs.subList(0, 50));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine(jobStore, unreadableWorkerStore()))
        .isInstanceOf(dev.matching.spi.StorageException.class).hasMessageContaining("worker store unreachable");
  }

  @Test
  void writeListenersHearEveryWriteThatLandedAndNothingElse() {
    MatchingEngine engine = engine(new InMemoryJobStore(CLOCK), new InMemoryWorkerStore(CLOCK));
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    WriteListener listener = (kind, ids, type) -> heard.add(kind.label() + " " + type + " " + ids);
    engine.addWriteListener(listener);
    engine.addWriteListener((kind, ids, type) -> {
      throw new IllegalStateException("a broken listener does not undo the write");
    });
    engine.upsertJobs(jobs.subList(0, 2));
    engine.upsertWorker(workers.get(0));
    engine.removeJob(jobs.get(0).id());
    engine.removeJob("never-there");
    assertThatThrownBy(() -> engine.upsertJob(jobs.get(1), 0)).isInstanceOf(VersionConflictException.class);
    engine.removeWriteListener(listener);
    engine.upsertJob(jobs.get(2));

    assertThat(heard).containsExactly(
        "job UPSERT " + List.of(jobs.get(0).id(), jobs.get(1).id()),
        "worker UPSERT " + List.of(workers.get(0).id()),
        "job DELETE " + List.of(jobs.get(0).id()));
    assertThat(engine.job(jobs.get(2).id())).isPresent();
  }
}
