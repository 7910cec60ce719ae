package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.Change;
import dev.matching.spi.EntityStore;
import dev.matching.spi.MatchList;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.PartitionStatus;
import dev.matching.spi.VersionConflictException;
import dev.matching.spi.Versioned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backup and restore drill of runbook sections 7 and 8, with the real scripts
 * ({@code docs/ops/backup.sh}, {@code docs/ops/restore.sh}) run as processes against the test
 * server: a schema filled through the adapters is dumped, damaged by later writes, restored,
 * and must then read back exactly as dumped (entities, versions, change logs, batch runs, match
 * results) and accept writes that continue its sequences and versions.
 *
 * <p>Needs {@code pg_dump}, {@code pg_restore} and {@code psql} on the PATH with the server's
 * major version; skipped otherwise (a fresh machine's embedded PostgreSQL ships no client tools).
 */
@Timeout(180)
class BackupRestoreDrillTest {
  private static final Path SCRIPTS = Path.of("").toAbsolutePath().getParent().resolve("docs/ops");
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(90);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private final String schema = TestPostgres.newSchema("drill");
  private String tablePrefix = "";
  @TempDir
  Path backups;

  @AfterEach
  void dropSchemas() throws SQLException {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + schema + "%'")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      for (String name : names) {
        TestPostgres.dropSchema(name);
      }
    }
  }

  /** With and without a table prefix (restore.sh's check reads {@code MATCHING_TABLE_PREFIX}). */
  @ParameterizedTest
  @ValueSource(strings = {"", "m_"})
  void backupDamageRestoreGivesBackEverythingAndWritesContinue(String prefix) throws Exception {
    assumeClientToolsMatchServer();
    tablePrefix = prefix;
    JdbcMatchingStorage storage = storage();
    fill(storage);
    Snapshot before = Snapshot.of(storage);

    Path expired = Files.writeString(backups.resolve(schema + "_20200101_000000.dump"), "old");
    Files.setLastModifiedTime(expired, FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));
    Path recent = Files.writeString(backups.resolve(schema + "_20990101_000000.dump"), "recent");
    Path otherSchema = Files.writeString(backups.resolve("other_20200101_000000.dump"), "not ours");
    Files.setLastModifiedTime(otherSchema, FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));

    ScriptResult backup = run("backup.sh", backups.toString());
    assertThat(backup.exitCode()).as(backup.toString()).isZero();
    Path dump = Path.of(backup.lastLine());
    assertThat(dump).exists().hasParent(backups);
    assertThat(dump.getFileName().toString()).matches(schema + "_\\d{8}_\\d{6}\\.dump");
    assertThat(expired).as("dumps past the 30-day retention are deleted").doesNotExist();
    assertThat(recent).as("recent dumps are kept").exists();
    assertThat(otherSchema).as("another schema's dumps are left alone").exists();

    damage(storage);
    assertThat(Snapshot.of(storage)).isNotEqualTo(before);

    ScriptResult restore = run("restore.sh", dump.toString());
    assertThat(restore.exitCode()).as(restore.toString()).isZero();
    assertThat(restore.stderr()).contains("jobs=" + before.jobs().size(), "workers=" + before.workers().size());

    // A new storage, as a restarted node would build it; migrating finds the restored history current.
    JdbcMatchingStorage restored = storage();
    Snapshot after = Snapshot.of(restored);
    assertThat(after.jobs()).isEqualTo(before.jobs());
    assertThat(after.workers()).isEqualTo(before.workers());
    assertThat(after.jobChanges()).isEqualTo(before.jobChanges());
    assertThat(after.workerChanges()).isEqualTo(before.workerChanges());
    assertThat(after).isEqualTo(before);

    continuesAfterRestore(restored, before);

    Matcher aside = Pattern.compile("moved schema \\S+ aside to (\\S+)").matcher(restore.stderr());
    assertThat(aside.find()).as(restore.stderr()).isTrue();
    assertThat(countRows(aside.group(1) + "." + prefix + "jobs")).as("the damaged data is kept aside")
        .isEqualTo(before.jobs().size() - 5);
  }

  @Test
  void restoreOfAnUnreadableDumpChangesNothing() throws Exception {
    assumeClientToolsMatchServer();
    JdbcMatchingStorage storage = storage();
    storage.jobStore().upsert(Fixtures.job("j-kept"));
    Path junk = Files.writeString(backups.resolve(schema + "_20260101_000000.dump"), "not a dump");

    ScriptResult restore = run("restore.sh", junk.toString());

    assertThat(restore.exitCode()).isNotZero();
    assertThat(restore.stderr()).contains("not a readable dump");
    assertThat(storage.jobStore().find("j-kept")).isPresent();
  }

  private JdbcMatchingStorage storage() {
    return JdbcMatchingStorage.custom().dataSource(TestPostgres.dataSource()).schema(schema)
        .tablePrefix(tablePrefix).clock(Clock.systemUTC()).migrate(true).build();
  }

  private static void fill(JdbcMatchingStorage storage) {
    EntityStore<Job> jobs = storage.jobStore();
    EntityStore<Worker> workers = storage.workerStore();
    jobs.upsertAll(Fixtures.sampleJobs(40));
    Job full = Fixtures.job("j-full");
    jobs.upsert(full);
    jobs.upsert(full, 1);
    jobs.upsert(full, 2);
    jobs.delete(Fixtures.sampleJobs(40).get(0).id());
    workers.upsertAll(Fixtures.sampleWorkers(25));
    workers.upsert(Fixtures.worker("w-full"));
    workers.upsert(Fixtures.worker("w-full"), 1);

    BatchRunStore runs = storage.batchRunStore();
    BatchRun done = runs.create(new NewBatchRun("daily_matching", Map.of("top_n", "5"), List.of("p0", "p1"), "drill"), T0);
    PartitionLease a = runs.claim(done.id(), "node-a", T0.plusSeconds(1), Duration.ofMinutes(1)).orElseThrow();
    PartitionLease b = runs.claim(done.id(), "node-a", T0.plusSeconds(2), Duration.ofMinutes(1)).orElseThrow();
    runs.complete(a, 20, T0.plusSeconds(3));
    assertThat(runs.complete(b, 21, T0.plusSeconds(4)).state()).isEqualTo(BatchState.SUCCEEDED);
    BatchRun running = runs.create(new NewBatchRun("daily_matching", Map.of(), List.of("p0", "p1", "p2"), "drill"),
        T0.plusSeconds(10));
    PartitionLease c = runs.claim(running.id(), "node-b", T0.plusSeconds(11), Duration.ofMinutes(1)).orElseThrow();
    runs.complete(c, 7, T0.plusSeconds(12));

    Map<String, List<Match>> lists = new LinkedHashMap<>();
    lists.put("w-full", List.of(match("j-full", 0.9), match("j-other", 0.25)));
    lists.put("w-2", List.of(match("j-full", 0.5)));
    storage.matchResultStore().write(Direction.JOBS_FOR_WORKER, 1, T0, lists);
    storage.matchResultStore().publish(Direction.JOBS_FOR_WORKER, 1);
    storage.matchResultStore().write(Direction.JOBS_FOR_WORKER, 2, T0.plusSeconds(60),
        Map.of("w-full", List.of(match("j-new", 0.75))));
  }

  /** Writes after the backup that the restore must undo. */
  private void damage(JdbcMatchingStorage storage) throws SQLException {
    List<Versioned<Job>> jobs = storage.jobStore().list(null, 5);
    for (Versioned<Job> job : jobs) {
      storage.jobStore().delete(job.value().id());
    }
    storage.workerStore().upsert(Fixtures.worker("w-full"), 2);
    storage.matchResultStore().publish(Direction.JOBS_FOR_WORKER, 2);
    storage.batchRunStore().finish(storage.batchRunStore().active("daily_matching").orElseThrow().id(),
        BatchState.CANCELLED, null, T0.plusSeconds(99));
  }

  private static void continuesAfterRestore(JdbcMatchingStorage restored, Snapshot before) {
    EntityStore<Job> jobs = restored.jobStore();
    assertThat(jobs.upsert(Fixtures.job("j-full"), 3).version()).as("optimistic versions continue").isEqualTo(4);
    assertThatThrownBy(() -> jobs.upsert(Fixtures.job("j-full"), 3)).isInstanceOf(VersionConflictException.class);
    jobs.upsert(Fixtures.job("j-after-restore"));
    List<Change> newJobChanges = jobs.changesSince(before.lastJobSequence(), 100);
    assertThat(newJobChanges).extracting(Change::id).containsExactly("j-full", "j-after-restore");
    assertThat(newJobChanges.get(0).sequence()).isGreaterThan(before.lastJobSequence());
    assertThat(jobs.lastSequence()).isEqualTo(newJobChanges.get(1).sequence());

    EntityStore<Worker> workers = restored.workerStore();
    assertThat(workers.upsert(Fixtures.worker("w-full"), 2).version()).isEqualTo(3);
    assertThat(workers.lastSequence()).isGreaterThan(before.lastWorkerSequence());
    assertThat(workers.changesSince(before.lastWorkerSequence(), 100)).extracting(Change::id).containsExactly("w-full");

    BatchRunStore runs = restored.batchRunStore();
    assertThatThrownBy(() -> runs.create(new NewBatchRun("daily_matching", Map.of(), List.of("p0"), "drill"),
        T0.plusSeconds(200))).as("the restored active run is still active").isInstanceOf(RuntimeException.class);
    BatchRun active = runs.active("daily_matching").orElseThrow();
    runs.finish(active.id(), BatchState.CANCELLED, null, T0.plusSeconds(201));
    BatchRun next = runs.create(new NewBatchRun("daily_matching", Map.of(), List.of("p0"), "drill"), T0.plusSeconds(202));
    assertThat(runs.list("daily_matching", 1)).extracting(BatchRun::id).containsExactly(next.id());
    assertThat(before.runs()).extracting(BatchRun::id).doesNotContain(next.id());
  }

  private static Match match(String id, double score) {
    return new Match(id, score, new FactorScores(score, 1, 0.5, 0));
  }

  /** Everything the adapters can read back from one schema. */
  record Snapshot(List<Versioned<Job>> jobs, List<Versioned<Worker>> workers, List<Change> jobChanges,
      List<Change> workerChanges, long lastJobSequence, long lastWorkerSequence, List<BatchRun> runs,
      Map<String, List<PartitionStatus>> partitions, OptionalLong publishedJobsForWorker,
      OptionalLong publishedWorkersForJob, Optional<MatchList> fullWorkerList, Optional<MatchList> secondWorkerList) {

    static Snapshot of(JdbcMatchingStorage s) {
      List<BatchRun> runs = s.batchRunStore().list(null, 100);
      Map<String, List<PartitionStatus>> partitions = new LinkedHashMap<>();
      for (BatchRun run : runs) {
        partitions.put(run.id(), s.batchRunStore().partitions(run.id()));
      }
      return new Snapshot(s.jobStore().list(null, 10_000), s.workerStore().list(null, 10_000),
          s.jobStore().changesSince(0, 10_000), s.workerStore().changesSince(0, 10_000),
          s.jobStore().lastSequence(), s.workerStore().lastSequence(), runs, partitions,
          s.matchResultStore().publishedGeneration(Direction.JOBS_FOR_WORKER),
          s.matchResultStore().publishedGeneration(Direction.WORKERS_FOR_JOB),
          s.matchResultStore().find(Direction.JOBS_FOR_WORKER, "w-full"),
          s.matchResultStore().find(Direction.JOBS_FOR_WORKER, "w-2"));
    }
  }

  record ScriptResult(int exitCode, String stdout, String stderr) {
    String lastLine() {
      String[] lines = stdout.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private ScriptResult run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPTS.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PGURL", libpqUrl());
    pb.environment().put("MATCHING_SCHEMA", schema);
    pb.environment().put("MATCHING_TABLE_PREFIX", tablePrefix);
    Path out = Files.createTempFile(backups, script, ".out");
    Path err = Files.createTempFile(backups, script, ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish within " + SCRIPT_TIMEOUT + ": " + Files.readString(err));
    }
    ScriptResult result = new ScriptResult(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  /** The test server as a libpq URI: the JDBC URL without {@code jdbc:} (user and password are query parameters both understand). */
  private static String libpqUrl() {
    return TestPostgres.jdbcUrl().replaceFirst("^jdbc:", "");
  }

  private static long countRows(String table) throws SQLException {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Skips unless pg_dump, pg_restore and psql are on the PATH with the server's major version. */
  private static void assumeClientToolsMatchServer() throws SQLException, InterruptedException {
    int server;
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      server = Integer.parseInt(rs.getString(1)) / 10_000;
    }
    for (String tool : List.of("pg_dump", "pg_restore", "psql")) {
      String version = toolVersion(tool);
      assumeTrue(version != null, tool + " is not on the PATH; the backup drill needs the PostgreSQL "
          + server + " client tools (set MATCHING_TEST_PG_URL to a server of their version to run it)");
      Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
      int major = m.find() ? Integer.parseInt(m.group(1)) : -1;
      assumeTrue(major == server, tool + " is version " + major + " (" + version.strip() + ") but the server is "
          + server + "; the backup drill needs client tools of the server's major version"
          + " (set MATCHING_TEST_PG_URL to a server of their version to run it)");
    }
  }

  private static String toolVersion(String tool) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    }
  }
}
