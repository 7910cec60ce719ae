package dev.matching.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.lifecycle.IntegrityCheck;
import dev.matching.lifecycle.IntegrityCheckConfig;
import dev.matching.lifecycle.IntegrityFinding;
import dev.matching.lifecycle.IntegrityFinding.Kind;
import dev.matching.lifecycle.IntegrityReport;
import dev.matching.lifecycle.RetentionPolicy;
import dev.matching.lifecycle.RetentionReport;
import dev.matching.lifecycle.RetentionTask;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.JobStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.WorkerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The data lifecycle ({@link RetentionTask}, {@link IntegrityCheck}) on real stores: every kind
 * of inconsistency planted into the stores is found, exactly, and clean data reports nothing;
 * retention deletes exactly what is older than the policy.
 *
 * <p>Extend it and implement {@link #newStores}, which is called before every test and must
 * return empty stores stamping writes with the given clock. Override {@link #corruptRun} where
 * the batch-run store can be corrupted behind its API (a database adapter, by SQL).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class LifecycleContract {

  private static final Instant START = Instant.parse("2026-01-05T03:00:00Z");
  private static final Direction JOBS = Direction.JOBS_FOR_WORKER;
  private static final Direction WORKERS = Direction.WORKERS_FOR_JOB;

  /** The stores the lifecycle works on. Immutable. */
  public record Stores(JobStore jobs, WorkerStore workers, MatchResultStore results, BatchRunStore batchRuns) {}

  /** Empty stores whose writes are stamped with {@code clock}; called before every test. */
  protected abstract Stores newStores(SettableClock clock);

  /**
   * Corrupts run {@code runId} behind the store's API so its partitions no longer add up to it
   * (for example deletes one partition row); returns false when the store cannot be corrupted
   * that way, and the check of {@link Kind#BATCH_RUN_INCONSISTENT} is then skipped.
   */
  protected boolean corruptRun(String runId) {
    return false;
  }

  private final SettableClock clock = new SettableClock(START);
  private Stores stores;
  private MatchingEngine engine;

  @BeforeEach
  void createStores() {
    stores = newStores(clock);
    engine = MatchingEngine.builder().jobStore(stores.jobs()).workerStore(stores.workers()).clock(clock).build();
  }

  private IntegrityReport check() {
    return new IntegrityCheck(engine, stores.results(), stores.batchRuns(), IntegrityCheckConfig.ofDefaults(), clock)
        .run();
  }

  /** Clean data: jobs, workers, a succeeded run and its published lists that mention only them. */
  private void cleanData() {
    engine.upsertJobs(List.of(job("j-1", true), job("j-2", true), job("j-closed", false), job("j-orphan", true)));
    engine.upsertWorkers(List.of(worker("w-1", true), worker("w-2", true), worker("w-inactive", false)));
    BatchRun run = stores.batchRuns().create(new NewBatchRun(MatchingBatch.DAILY_MATCHING,
        Map.of("generation", "2"), List.of("p0", "p1"), "test"), clock.instant());
    for (int i = 0; i < 2; i++) {
      PartitionLease lease = stores.batchRuns().claim(run.id(), "node", clock.instant(), Duration.ofMinutes(1))
          .orElseThrow();
      stores.batchRuns().complete(lease, 2, clock.instant());
    }
    stores.results().write(JOBS, 2, clock.instant(), Map.of("w-1", matches("j-1", "j-2"), "w-2", matches("j-1")));
    stores.results().write(WORKERS, 2, clock.instant(),
        Map.of("j-1", matches("w-1", "w-2"), "j-2", matches("w-1"), "j-orphan", List.of()));
    stores.results().publish(JOBS, 2);
    stores.results().publish(WORKERS, 2);
  }

  @Test
  void cleanDataHasNoFindings() {
    cleanData();

    IntegrityReport report = check();

    assertThat(report.findings()).isEmpty();
    assertThat(report.clean()).isTrue();
    assertThat(report.jobs()).isEqualTo(4);
    assertThat(report.workers()).isEqualTo(3);
    assertThat(report.resultLists()).isEqualTo(5);
    assertThat(report.batchRuns()).isEqualTo(1);
    assertThat(report.indexLag()).isZero();
  }

  @Test
  void everyPlantedInconsistencyIsFoundExactly() {
    cleanData();
    // (a) published lists of a subject not stored, inactive, closed
    stores.results().write(JOBS, 2, clock.instant(), Map.of("w-gone", matches("j-1"), "w-inactive", matches("j-1")));
    stores.results().write(WORKERS, 2, clock.instant(), Map.of("j-closed", matches("w-1")));
    // (b) a published list ranking a job that is not stored
    stores.results().write(JOBS, 2, clock.instant(), Map.of("w-1", matches("j-1", "j-gone")));
    // (c) a leftover of generation 1; generation 3 is being written by an active run, so it is not
    stores.results().write(JOBS, 1, clock.instant(), Map.of("w-2", matches("j-1")));
    BatchRun writing = stores.batchRuns().create(new NewBatchRun("other",
        Map.of("generation", "3"), List.of("p0"), "test"), clock.instant());
    stores.results().write(WORKERS, 3, clock.instant(), Map.of("j-1", matches("w-1")));
    // (d) index against store, behind the engine's back
    stores.workers().upsert(worker("w-new", true));
    stores.jobs().delete("j-orphan");
    stores.results().erase("j-orphan");
    stores.workers().upsert(worker("w-2", true).toBuilder().maxTravelKm(3).build());
    // (e) an active run nobody works on for longer than the stale period
    clock.advance(Duration.ofHours(2));

    IntegrityReport report = check();

    assertThat(report.findings()).containsExactly(
        new IntegrityFinding(Kind.RESULT_SUBJECT_MISSING, 1, List.of("jobs_for_worker/w-gone")),
        new IntegrityFinding(Kind.RESULT_SUBJECT_INACTIVE, 2,
            List.of("jobs_for_worker/w-inactive", "workers_for_job/j-closed")),
        new IntegrityFinding(Kind.RESULT_MATCH_MISSING, 1, List.of("jobs_for_worker/w-1->j-gone")),
        new IntegrityFinding(Kind.RESULT_LEFTOVER, 1, List.of("jobs_for_worker/w-2@1")),
        new IntegrityFinding(Kind.INDEX_MISSING, 1, List.of("worker:w-new")),
        new IntegrityFinding(Kind.INDEX_ORPHAN, 1, List.of("job:j-orphan")),
        new IntegrityFinding(Kind.INDEX_STALE, 1, List.of("worker:w-2")),
        new IntegrityFinding(Kind.BATCH_RUN_STALLED, 1, List.of(writing.id())));
    assertThat(report.indexLag()).as("the planted index findings are writes the index has not applied").isEqualTo(3);

    engine.refresh();
    stores.batchRuns().finish(writing.id(), BatchState.CANCELLED, null, clock.instant());
    IntegrityReport afterRefresh = check();
    assertThat(afterRefresh.count(Kind.INDEX_MISSING) + afterRefresh.count(Kind.INDEX_ORPHAN)
        + afterRefresh.count(Kind.INDEX_STALE) + afterRefresh.count(Kind.BATCH_RUN_STALLED)).isZero();
    assertThat(afterRefresh.count(Kind.RESULT_LEFTOVER)).as("generation 3 of the cancelled run is a leftover now")
        .isEqualTo(2);
  }

  @Test
  void aLiveSubjectStoredBeforeThePublishedRunWithoutAListIsFound() {
    engine.upsertJobs(List.of(job("j-1", true), job("j-closed", false)));
    engine.upsertWorkers(List.of(worker("w-1", true), worker("w-2", true), worker("w-inactive", false)));
    clock.advance(Duration.ofMinutes(1));
    long generation = clock.instant().toEpochMilli();
    BatchRun run = stores.batchRuns().create(new NewBatchRun(MatchingBatch.DAILY_MATCHING,
        Map.of("generation", Long.toString(generation)), List.of("p0"), "test"), clock.instant());
    PartitionLease lease = stores.batchRuns().claim(run.id(), "node", clock.instant(), Duration.ofMinutes(1))
        .orElseThrow();
    stores.batchRuns().complete(lease, 2, clock.instant());
    // the run ranked w-1 but not w-2, as if w-2 had not been loaded yet when its partition was read
    stores.results().write(JOBS, generation, clock.instant(), Map.of("w-1", matches("j-1")));
    stores.results().write(WORKERS, generation, clock.instant(), Map.of("j-1", matches("w-1")));
    stores.results().publish(JOBS, generation);
    stores.results().publish(WORKERS, generation);
    clock.advance(Duration.ofMinutes(1));
    // stored after the run was triggered: the next run ranks them, nothing is missing yet
    engine.upsertWorkers(List.of(worker("w-late", true)));
    engine.upsertJobs(List.of(job("j-late", true)));

    assertThat(check().findings()).containsExactly(
        new IntegrityFinding(Kind.RESULT_SUBJECT_UNRANKED, 1, List.of("jobs_for_worker/w-2")));
  }

  @Test
  void aRunWhosePartitionsDoNotAddUpIsFound() {
    cleanData();
    BatchRun run = stores.batchRuns().list(null, 1).get(0);
    if (!corruptRun(run.id())) {
      return;
    }

    assertThat(check().findings())
        .containsExactly(new IntegrityFinding(Kind.BATCH_RUN_INCONSISTENT, 1, List.of(run.id())));
  }

  @Test
  void samplesAreBoundedAndCountsComplete() {
    List<String> subjects = new ArrayList<>();
    Map<String, List<Match>> lists = new LinkedHashMap<>();
    for (int i = 0; i < 25; i++) {
      String subject = "w-gone-" + (char) ('a' + i);
      subjects.add("jobs_for_worker/" + subject);
      lists.put(subject, List.of());
    }
    stores.results().write(JOBS, 1, clock.instant(), lists);
    stores.results().publish(JOBS, 1);

    IntegrityReport report = check();

    assertThat(report.findings()).containsExactly(
        new IntegrityFinding(Kind.RESULT_SUBJECT_MISSING, 25, subjects.subList(0, 20)));
  }

  @Test
  void retentionDeletesWhatIsOlderThanThePolicyAndNothingElse() {
    engine.upsertWorkers(List.of(worker("w-old", true), worker("w-old-rewritten", true)));
    engine.upsertJob(job("j-1", true));
    stores.results().write(JOBS, 1, clock.instant(), Map.of("w-old", matches("j-1"), "w-old-rewritten", matches("j-1")));
    stores.results().publish(JOBS, 1);
    BatchRun oldRun = stores.batchRuns().create(new NewBatchRun(MatchingBatch.DAILY_MATCHING, Map.of(),
        List.of("p0"), "test"), clock.instant());
    stores.batchRuns().finish(oldRun.id(), BatchState.CANCELLED, null, clock.instant());
    clock.advance(Duration.ofDays(20));
    engine.upsertWorker(worker("w-old-rewritten", true).toBuilder().maxTravelKm(7).build());
    stores.results().write(WORKERS, 1, clock.instant(), Map.of("j-1", matches("w-old", "w-old-rewritten")));
    stores.results().publish(WORKERS, 1);
    clock.advance(Duration.ofDays(20));
    RetentionPolicy policy = RetentionPolicy.custom().matchResults(Duration.ofDays(30))
        .inactiveWorkers(Duration.ofDays(30)).batchRuns(Duration.ofDays(30)).build();
    List<String> erased = new ArrayList<>();
    RetentionTask task = new RetentionTask(engine, stores.results(), stores.batchRuns(), policy, clock);

    RetentionReport report = task.run((id, lastActivity, changed) -> erased.add(id + "@" + lastActivity + ":" + changed));

    Instant cutoff = clock.instant().minus(Duration.ofDays(30));
    assertThat(report.matchResultsCutoff()).isEqualTo(cutoff);
    assertThat(report.matchListsDeleted()).as("the two jobs-for-worker lists of day 0").isEqualTo(2);
    assertThat(report.inactiveWorkersCutoff()).isEqualTo(cutoff);
    assertThat(report.workersErased()).isEqualTo(1);
    assertThat(erased).containsExactly("w-old@" + START + ":1");
    assertThat(report.resultListsChangedByErasure()).isEqualTo(1);
    assertThat(report.batchRunsDeleted()).isEqualTo(1);
    assertThat(stores.workers().find("w-old")).isEmpty();
    assertThat(engine.worker("w-old")).as("gone from the index too").isEmpty();
    assertThat(stores.workers().find("w-old-rewritten")).as("written 20 days ago").isPresent();
    assertThat(stores.results().find(WORKERS, "j-1").orElseThrow().matches()).extracting(Match::id)
        .containsExactly("w-old-rewritten");
    assertThat(stores.batchRuns().find(oldRun.id())).isEmpty();

    RetentionReport again = task.run();
    assertThat(List.of(again.matchListsDeleted(), again.workersErased(), again.batchRunsDeleted()))
        .as("idempotent").containsOnly(0L);
    assertThat(check().clean()).isTrue();
  }

  @Test
  void aZeroAgeKeepsACategoryForever() {
    engine.upsertWorker(worker("w-old", true));
    stores.results().write(JOBS, 1, clock.instant(), Map.of("w-old", List.of()));
    clock.advance(Duration.ofDays(5000));
    RetentionPolicy forever = RetentionPolicy.custom().matchResults(Duration.ZERO).inactiveWorkers(Duration.ZERO)
        .batchRuns(Duration.ZERO).build();

    RetentionReport report = new RetentionTask(engine, stores.results(), stores.batchRuns(), forever, clock).run();

    assertThat(report.matchResultsCutoff()).isNull();
    assertThat(report.inactiveWorkersCutoff()).isNull();
    assertThat(report.batchRunsCutoff()).isNull();
    assertThat(stores.workers().find("w-old")).isPresent();
    assertThat(stores.results().generations(JOBS)).containsExactly(1L);
  }

  private static Job job(String id, boolean open) {
    return Job.builder(id).employerId("e-1").hourlyPay(1200).open(open).build();
  }

  private static Worker worker(String id, boolean active) {
    return Worker.builder(id).active(active).build();
  }

  private static List<Match> matches(String... ids) {
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      matches.add(new Match(ids[i], 0.9 / (i + 1), new FactorScores(0.5, 0.5, 0.5, 0.5)));
    }
    return matches;
  }
}
