package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.MatchingBatch;
import dev.matching.jdbc.BatchFixture.Node;
import dev.matching.jdbc.BatchFixture.Recorder;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.sample.SampleMarket;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in another JVM is stopped with SIGSTOP past its lease, once between ranking its
 * partition and writing it, once inside its write transaction, once right before publishing,
 * while the data changes and a node in this JVM takes over, finishes and publishes (a newer run,
 * in the last case); then it is resumed with SIGCONT. Counted in PostgreSQL: no row carries the stopped node's token, no row was written
 * after the run finished, and every list equals a fresh ranking of the changed data. The takeover
 * never waits longer than the lease plus the stopped node's idle-in-transaction timeout.
 */
class JdbcBatchPauseTest extends PostgresTestBase {

  private static final int TOP_N = 10;
  private static final Duration LEASE = Duration.ofSeconds(4);
  private static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(2);
  private static final Duration LOCK = Duration.ofSeconds(3);
  private static final String PAUSED = "paused-node";

  @TempDir
  Path dir;
  private Process paused;

  @AfterEach
  void killPaused() throws Exception {
    if (paused != null && paused.isAlive()) {
      signal("CONT");
      paused.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private final BatchConfig config = BatchConfig.custom().nodeId("taker").topN(TOP_N).partitions(1)
      .directions(EnumSet.of(Direction.JOBS_FOR_WORKER)).leaseDuration(LEASE).heartbeatInterval(LEASE.dividedBy(2))
      .build();

  @Test
  @Timeout(180)
  void aNodeStoppedBeforeItsWriteWritesNothingAfterTheTakeoverEvenWithTheDataChanged() throws Exception {
    SampleMarket market = BatchFixture.market(11, 3_000, 1_000);
    BatchFixture.load(storage, market);
    try (Node taker = new Node(schema, config, new Recorder().forNode("taker"))) {
      BatchRun run = taker.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      Path marker = dir.resolve("marker");
      Path log = dir.resolve("paused.log");
      paused = start(marker, log, "hold");
      long token = awaitToken(marker, log);
      signal("STOP");
      try (OutputStream in = paused.getOutputStream()) {
        in.write("go\n".getBytes(StandardCharsets.UTF_8)); // read only once it runs again
      }

      List<String> changed = changeTwoWorkers(market);
      BatchRun done = awaitFinished(taker, run, log);
      assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);

      signal("CONT");
      assertThat(paused.waitFor(60, TimeUnit.SECONDS)).as("the resumed node ended").isTrue();
      assertThat(Files.readString(log)).contains(PAUSED + " write refused: LeaseLostException");
      assertNothingOfTheStoppedNode(run, done, token);
      assertListsEqualAFreshRanking(run, changed);
    }
  }

  @Test
  @Timeout(180)
  void aNodeStoppedInsideItsWriteTransactionDoesNotStallTheTakeover() throws Exception {
    SampleMarket market = BatchFixture.market(12, 3_000, 1_000);
    BatchFixture.load(storage, market);
    try (Node taker = new Node(schema, config, new Recorder().forNode("taker"))) {
      BatchRun run = taker.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      long generation = BatchFixture.generationOf(run);
      String blocked = market.workers().stream().filter(Worker::active).findFirst().orElseThrow().id();
      // a row the stopped node's INSERT ... ON CONFLICT must lock, held by this test for now
      storage.matchResultStore().write(Direction.JOBS_FOR_WORKER, generation, Instant.now(), Map.of(blocked, List.of()));
      Path marker = dir.resolve("marker");
      Path log = dir.resolve("paused.log");
      long token;
      try (Connection holder = TestPostgres.dataSource().getConnection()) {
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM " + schema + ".match_lists"
            + " WHERE direction = 'JOBS_FOR_WORKER' AND subject_id = ? AND generation = ? FOR UPDATE")) {
          lock.setString(1, blocked);
          lock.setLong(2, generation);
          lock.executeQuery().close();
        }
        paused = start(marker, log, "through");
        token = awaitToken(marker, log);
        await(Duration.ofSeconds(60), "the other node's write to wait on the row lock", log,
            () -> waitingOnALock() ? Optional.of(true) : Optional.empty());
        signal("STOP");
        holder.commit(); // its INSERT completes; its session now sits idle in transaction, stopped
      }

      Instant takeoverStarts = Instant.now();
      BatchRun done = awaitFinished(taker, run, log);
      Duration takeover = Duration.between(takeoverStarts, Instant.now());
      assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
      assertThat(takeover).as("lease + idle-in-transaction timeout + polling, not the length of the pause")
          .isLessThan(LEASE.plus(IDLE_IN_TRANSACTION).plus(LOCK).plusSeconds(20));
      assertThat(stalePausedSessions()).as("the server ended the stopped node's session").isZero();

      signal("CONT");
      assertThat(paused.waitFor(60, TimeUnit.SECONDS)).as("the resumed node ended").isTrue();
      assertNothingOfTheStoppedNode(run, done, token);
      assertListsEqualAFreshRanking(run, List.of());
    }
  }

  @Test
  @Timeout(180)
  void aNodeStoppedWhilePublishingCannotReplaceANewerPublishedGeneration() throws Exception {
    SampleMarket market = BatchFixture.market(13, 3_000, 1_000);
    BatchFixture.load(storage, market);
    try (Node taker = new Node(schema, config, new Recorder().forNode("taker"))) {
      BatchRun first = taker.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      Path marker = dir.resolve("marker");
      Path log = dir.resolve("paused.log");
      paused = start(marker, log, "publish");
      long stale = await(Duration.ofSeconds(90), "the other node to reach its publish", log, () -> {
        try {
          String line = Files.exists(marker) ? Files.readString(marker) : "";
          return line.endsWith("\n") ? Optional.of(Long.parseLong(line.strip())) : Optional.empty();
        } catch (IOException e) {
          return Optional.empty();
        }
      });
      assertThat(stale).isEqualTo(BatchFixture.generationOf(first));
      signal("STOP");
      try (OutputStream in = paused.getOutputStream()) {
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
      }
      // this node publishes the stopped node's run, then a newer run replaces it
      taker.batch.runPending();
      assertThat(taker.storage.matchResultStore().publishedGeneration(Direction.JOBS_FOR_WORKER)).hasValue(stale);
      changeTwoWorkers(market);
      BatchRun second = taker.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-2");
      BatchRun done = awaitFinished(taker, second, log);
      long newer = BatchFixture.generationOf(done);

      signal("CONT");
      assertThat(paused.waitFor(60, TimeUnit.SECONDS)).as("the resumed node ended").isTrue();
      assertThat(Files.readString(log)).contains(PAUSED + " publish of generation " + stale + " refused");
      assertThat(count("SELECT generation FROM " + schema + ".match_publications WHERE direction = 'JOBS_FOR_WORKER'"))
          .as("published, read in PostgreSQL").isEqualTo(newer);
      assertThat(count("SELECT count(*) FROM " + schema + ".match_lists WHERE generation = " + stale))
          .as("lists of the superseded generation").isZero();
      assertListsEqualAFreshRanking(done, List.of());
    }
  }

  private Process start(Path marker, Path log, String mode) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PausableBatchNode.class.getName(), TestPostgres.jdbcUrl(),
        schema, PAUSED, marker.toString(), "1", Integer.toString(TOP_N), Long.toString(LEASE.toMillis()),
        Long.toString(IDLE_IN_TRANSACTION.toMillis()), Long.toString(LOCK.toMillis()), mode)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private long awaitToken(Path marker, Path log) throws Exception {
    return await(Duration.ofSeconds(90), "the other node to reach its write", log, () -> {
      try {
        String line = Files.exists(marker) ? Files.readString(marker) : "";
        return line.endsWith("\n") ? Optional.of(Long.parseLong(line.split(" ")[0])) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  private BatchRun awaitFinished(Node taker, BatchRun run, Path log) throws Exception {
    return await(Duration.ofSeconds(90), "the taking-over node to finish the run", log, () -> {
      taker.batch.runPending();
      return taker.batch.status(run.id()).filter(r -> !r.state().active());
    });
  }

  /** Deactivates one active worker and changes another's skills: a stale list would show. */
  private List<String> changeTwoWorkers(SampleMarket market) {
    List<Worker> active = market.workers().stream().filter(Worker::active).limit(2).toList();
    storage.workerStore().upsert(active.get(0).toBuilder().active(false).build());
    storage.workerStore().upsert(active.get(1).toBuilder().skills(Map.of("介護", 5)).maxTravelKm(40).build());
    return List.of(active.get(0).id(), active.get(1).id());
  }

  private void assertNothingOfTheStoppedNode(BatchRun run, BatchRun done, long token) throws SQLException {
    long generation = BatchFixture.generationOf(run);
    assertThat(count("SELECT count(*) FROM " + schema + ".match_lists WHERE generation = " + generation
        + " AND writer_token = " + token)).as("rows of the stopped node's token").isZero();
    assertThat(count("SELECT count(*) FROM " + schema + ".match_lists WHERE generation = " + generation
        + " AND computed_at > '" + done.finishedAt() + "'")).as("rows written after the run finished").isZero();
    assertThat(count("SELECT count(*) FROM " + schema + ".match_lists WHERE generation = " + generation
        + " AND writer_token IS DISTINCT FROM (SELECT max(token) FROM " + schema + ".match_fences)"))
        .as("rows of any token but the last").isZero();
  }

  private void assertListsEqualAFreshRanking(BatchRun run, List<String> changed) {
    MatchingEngine fresh = MatchingEngine.builder().jobStore(storage.jobStore()).workerStore(storage.workerStore())
        .clock(BatchFixture.MARKET_CLOCK).build();
    Map<String, List<Match>> stored = BatchFixture.storedLists(TestPostgres.dataSource(), schema,
        Direction.JOBS_FOR_WORKER, BatchFixture.generationOf(run));
    List<String> active = new ArrayList<>();
    fresh.workerIndex().forEach((Worker w) -> {
      if (w.active()) {
        active.add(w.id());
      }
    });
    assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(active);
    for (String id : active) {
      assertThat(stored.get(id)).as(id).isEqualTo(fresh.topJobsFor(id, MatchQuery.top(TOP_N)).matches());
    }
    if (!changed.isEmpty()) {
      assertThat(stored).doesNotContainKey(changed.get(0));
    }
  }

  private boolean waitingOnALock() {
    try {
      return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND query LIKE 'INSERT INTO " + schema + ".match_lists%'") > 0;
    } catch (SQLException e) {
      return false;
    }
  }

  private long stalePausedSessions() throws SQLException {
    return count("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
        + " AND query LIKE 'INSERT INTO " + schema + ".match_lists%'");
  }

  private long count(String sql) throws SQLException {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(paused.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s", name).isTrue();
  }

  private <T> T await(Duration timeout, String what, Path log, Supplier<Optional<T>> probe) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; other JVM's output:\n"
        + (Files.exists(log) ? Files.readString(log) : "(none)"));
  }
}
