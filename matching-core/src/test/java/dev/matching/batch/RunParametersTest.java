package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.InvalidArgumentException;
import dev.matching.MatchingEngine;
import dev.matching.query.Direction;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.testing.MutableClock;
import dev.matching.testing.RandomMarket;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunParametersTest {
  private static final Instant T0 = Instant.parse("2026-10-25T00:00:00Z");
  private static final Map<String, String> FULL = full();

  private static Map<String, String> full() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("generation", "1792886400000");
    map.put("top_n", "7");
    map.put("directions", "JOBS_FOR_WORKER,WORKERS_FOR_JOB");
    map.put("assignment", "optimal");
    map.put("max_offers_per_worker", "2");
    map.put("jobs_stored", "600");
    map.put("jobs_indexed", "599");
    map.put("workers_stored", "300");
    map.put("workers_indexed", "298");
    return Map.copyOf(map);
  }

  private static BatchRun run(Map<String, String> parameters) {
    return new BatchRun("run-7", MatchingBatch.DAILY_MATCHING, parameters, BatchState.QUEUED, 2, 0, 0, 0, 0,
        "test", T0, null, null, null);
  }

  private static Map<String, String> without(String key) {
    Map<String, String> map = new HashMap<>(FULL);
    map.remove(key);
    return map;
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> map = new HashMap<>(FULL);
    map.put(key, value);
    return map;
  }

  @Test
  void everyValueIsReadTyped() {
    RunParameters p = RunParameters.of(run(FULL));

    assertThat(p).isEqualTo(new RunParameters(1792886400000L, OptionalInt.of(7),
        EnumSet.allOf(Direction.class), AssignmentMode.OPTIMAL, OptionalInt.of(2), OptionalLong.of(600),
        OptionalLong.of(599), OptionalLong.of(300), OptionalLong.of(298)));
    assertThat(p.toMap()).isEqualTo(FULL);
    assertThat(RunParameters.of(run(p.toMap()))).isEqualTo(p);
  }

  @Test
  void theParametersOfTriggeredRunsRoundTrip() {
    MutableClock clock = new MutableClock(T0);
    InMemoryJobStore jobs = new InMemoryJobStore(clock);
    InMemoryWorkerStore workers = new InMemoryWorkerStore(clock);
    jobs.upsertAll(RandomMarket.jobs(1, 40));
    workers.upsertAll(RandomMarket.workers(2, 30));
    MatchingEngine engine = MatchingEngine.builder().jobStore(jobs).workerStore(workers).clock(clock).build();
    InMemoryBatchRunStore runs = new InMemoryBatchRunStore();
    MatchingBatch batch = MatchingBatch.builder(engine, runs, new InMemoryMatchResultStore())
        .config(BatchConfig.custom().partitions(2).maxOffersPerWorker(4).build()).clock(clock).build();

    BatchRun plain = batch.trigger(MatchingBatch.DAILY_MATCHING, 9, "operator-1");
    RunParameters p = RunParameters.of(plain);
    assertThat(p.toMap()).isEqualTo(plain.parameters());
    assertThat(p.generation()).isEqualTo(T0.toEpochMilli());
    assertThat(p.topN()).hasValue(9);
    assertThat(p.directions()).containsExactly(Direction.JOBS_FOR_WORKER, Direction.WORKERS_FOR_JOB);
    assertThat(p.assignment()).isEqualTo(AssignmentMode.NONE);
    assertThat(p.maxOffersPerWorker()).isEmpty();
    assertThat(p.jobsStored()).hasValue(40);
    assertThat(p.workersIndexed()).hasValue(30);
    batch.cancel(plain.id());

    clock.advance(java.time.Duration.ofSeconds(1));
    BatchRun assigning = batch.trigger(MatchingBatch.DAILY_MATCHING, 9, AssignmentMode.GREEDY, "operator-1");
    RunParameters q = RunParameters.of(assigning);
    assertThat(q.toMap()).isEqualTo(assigning.parameters());
    assertThat(q.assignment()).isEqualTo(AssignmentMode.GREEDY);
    assertThat(q.maxOffersPerWorker()).hasValue(4);
  }

  @Test
  void aRunWithOnlyAGenerationHasEveryOptionalValueEmpty() {
    RunParameters p = RunParameters.of(run(Map.of("generation", "42", "region", "kanto")));

    assertThat(p).isEqualTo(new RunParameters(42, OptionalInt.empty(), Set.of(), AssignmentMode.NONE,
        OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()));
    assertThat(p.toMap()).as("unknown keys are not kept; directions are always written")
        .isEqualTo(Map.of("generation", "42", "directions", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"top_n", "directions", "assignment", "max_offers_per_worker", "jobs_stored",
      "jobs_indexed", "workers_stored", "workers_indexed"})
  void eachOptionalKeyMayBeMissing(String key) {
    RunParameters p = RunParameters.of(run(without(key)));
    RunParameters all = RunParameters.of(run(FULL));

    switch (key) {
      case "top_n" -> assertThat(p.topN()).isEmpty();
      case "directions" -> assertThat(p.directions()).isEmpty();
      case "assignment" -> assertThat(p.assignment()).isEqualTo(AssignmentMode.NONE);
      case "max_offers_per_worker" -> assertThat(p.maxOffersPerWorker()).isEmpty();
      case "jobs_stored" -> assertThat(p.jobsStored()).isEmpty();
      case "jobs_indexed" -> assertThat(p.jobsIndexed()).isEmpty();
      case "workers_stored" -> assertThat(p.workersStored()).isEmpty();
      default -> assertThat(p.workersIndexed()).isEmpty();
    }
    assertThat(p.generation()).isEqualTo(all.generation());
    Map<String, String> expected = new HashMap<>(without(key));
    expected.putIfAbsent("directions", "");
    assertThat(p.toMap()).isEqualTo(expected);
  }

  @Test
  void aRunWithoutAGenerationIsRefusedNamingTheRunAndTheKey() {
    assertThatThrownBy(() -> RunParameters.of(run(without("generation"))))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("batch run run-7, parameter generation: is required");
    assertThatThrownBy(() -> RunParameters.of(run(Map.of())))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("batch run run-7, parameter generation: is required");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "generation            | abc                 | must be a whole number, was \"abc\"",
      "generation            | ''                  | must be a whole number, was \"\"",
      "generation            | 1.5                 | must be a whole number, was \"1.5\"",
      "generation            | 99999999999999999999 | must be a whole number, was \"99999999999999999999\"",
      "generation            | 0                   | must be at least 1, was 0",
      "generation            | -3                  | must be at least 1, was -3",
      "top_n                 | ten                 | must be a whole number, was \"ten\"",
      "top_n                 | 0                   | must be within [1, 1000], was 0",
      "top_n                 | 1001                | must be within [1, 1000], was 1001",
      "top_n                 | 5000000000          | must be within [1, 1000], was 5000000000",
      "directions            | JOBS_FOR_WORKER,UP  | must be comma-separated names of [JOBS_FOR_WORKER, WORKERS_FOR_JOB], was \"JOBS_FOR_WORKER,UP\"",
      "directions            | jobs_for_worker     | must be comma-separated names of [JOBS_FOR_WORKER, WORKERS_FOR_JOB], was \"jobs_for_worker\"",
      "assignment            | Optimal             | must be none, greedy or optimal, was \"Optimal\"",
      "max_offers_per_worker | two                 | must be a whole number, was \"two\"",
      "max_offers_per_worker | 0                   | must be within [1, 1000], was 0",
      "jobs_stored           | many                | must be a whole number, was \"many\"",
      "jobs_indexed          | -1                  | must not be negative, was -1",
      "workers_stored        | 3e2                 | must be a whole number, was \"3e2\"",
      "workers_indexed       | ' 298'              | must be a whole number, was \" 298\""})
  void aMalformedValueIsRefusedNamingTheRunTheKeyAndTheValue(String key, String value, String problem) {
    assertThatThrownBy(() -> RunParameters.of(run(with(key, value))))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("batch run run-7, parameter " + key + ": " + problem);
  }

  @Test
  void emptyDirectionEntriesAreSkipped() {
    assertThat(RunParameters.of(run(with("directions", "WORKERS_FOR_JOB,,"))).directions())
        .containsExactly(Direction.WORKERS_FOR_JOB);
    assertThat(RunParameters.of(run(with("directions", ""))).directions()).isEmpty();
  }

  @Test
  void theRecordIsValidatedAndImmutable() {
    assertThatThrownBy(() -> new RunParameters(0, OptionalInt.empty(), Set.of(), AssignmentMode.NONE,
        OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()))
        .hasMessage("generation: must be at least 1, was 0");
    assertThatThrownBy(() -> new RunParameters(1, OptionalInt.of(0), Set.of(), AssignmentMode.NONE,
        OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()))
        .hasMessageStartingWith("top_n");
    Set<Direction> directions = EnumSet.of(Direction.JOBS_FOR_WORKER);
    RunParameters p = new RunParameters(1, OptionalInt.empty(), directions, AssignmentMode.NONE,
        OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    directions.add(Direction.WORKERS_FOR_JOB);
    assertThat(p.directions()).containsExactly(Direction.JOBS_FOR_WORKER);
    assertThatThrownBy(() -> p.directions().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.toMap().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
