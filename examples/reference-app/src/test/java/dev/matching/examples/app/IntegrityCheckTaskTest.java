package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.batch.MatchingBatch;
import dev.matching.jdbc.JdbcMatchingStorage;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.ops.RetentionScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --matching.task=integrity-check}: no web server, batch or schedule; the JSON report is
 * the whole standard output; exit code 0 on clean stores and 1 on findings, on PostgreSQL with
 * an inconsistency planted in the stored results. Uses {@code MATCHING_TEST_PG_URL} or an
 * embedded PostgreSQL.
 */
@Timeout(180)
class IntegrityCheckTaskTest {
  private static final String SCHEMA_PREFIX = "ref_task_";
  private static TestPostgres postgres;

  @BeforeAll
  static void database() throws IOException {
    postgres = TestPostgres.start(SCHEMA_PREFIX);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    postgres.close();
  }

  /**
   * Runs the task as main would, its report printed to a stream of this test's own (not a swapped
   * {@code System.out}, which other threads of this JVM write to as well); returns the exit code
   * and the report. That the real standard output holds nothing but the report is checked by
   * {@link #mainExitsWithTheTaskCodeInAProcessOfItsOwn} in a JVM of its own.
   */
  private static Result run(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ConfigurableApplicationContext context =
        ReferenceApp.startTask(new PrintStream(captured, true, StandardCharsets.UTF_8), args);
    assertThat(context).as("no web server").isNotInstanceOf(WebServerApplicationContext.class);
    assertThat(context.getBeanNamesForType(MatchingBatch.class)).as("no batch").isEmpty();
    assertThat(context.getBeanNamesForType(RetentionScheduler.class)).as("no retention schedule").isEmpty();
    int code = SpringApplication.exit(context);
    return new Result(code, captured.toString(StandardCharsets.UTF_8));
  }

  private record Result(int code, String out) {
    /** The report, which must be the whole output. */
    JsonNode json() {
      assertThat(out).as("nothing but the report").startsWith("{").endsWith("}" + System.lineSeparator());
      return JsonMapper.builder().build().readTree(out);
    }
  }

  @Test
  void theInMemoryDefaultHasEmptyCleanStoresAndExitsZero() {
    assertThat(ReferenceApp.isTask(new String[] {"--matching.task=integrity-check"})).isTrue();
    assertThat(ReferenceApp.isTask(new String[] {"--server.port=0"})).isFalse();

    Result result = run("--matching.task=integrity-check");

    assertThat(result.code()).isZero();
    JsonNode report = result.json();
    assertThat(report.get("clean").asBoolean()).isTrue();
    assertThat(report.get("checked").get("jobs").asLong()).as("no sample data in a task").isZero();
    assertThat(report.get("findings").size()).isZero();
  }

  /** Runs main in a fresh JVM; returns its exit code and standard output. */
  private static Result process(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ReferenceApp.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void mainExitsWithTheTaskCodeInAProcessOfItsOwn() throws Exception {
    Result clean = process("--matching.task=integrity-check");
    assertThat(clean.code()).isZero();
    assertThat(clean.json().get("clean").asBoolean()).isTrue();

    Result failed = process("--matching.task=integrity-check", "--matching.integrity.sample-size=0");
    assertThat(failed.code()).as("the check could not run").isEqualTo(2);
    assertThat(failed.out()).doesNotContain("\"clean\"");
  }

  @Test
  void findingsOnPostgresExitOneAndAreListedThenCleanExitsZero() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.url);
    dataSource.setUser("postgres");
    JdbcMatchingStorage storage = JdbcMatchingStorage.custom().dataSource(dataSource).schema(postgres.schema).migrate(true)
        .build();
    MatchResultStore results = storage.matchResultStore();
    results.write(Direction.JOBS_FOR_WORKER, 4, Instant.now(), Map.of("w-gone",
        List.of(new Match("j-gone", 0.5, new FactorScores(0.5, 0.5, 0.5, 0.5)))));
    results.publish(Direction.JOBS_FOR_WORKER, 4);
    String[] args = {"--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres.url,
        "--matching.jdbc.schema=" + postgres.schema, "--matching.redis.url=", "--matching.task=integrity-check",
        "--MATCHING_ADMIN_KEY_HASH=sha256:" + "0".repeat(64)};

    Result found = run(args);

    assertThat(found.code()).isEqualTo(1);
    JsonNode findings = found.json().get("findings");
    assertThat(findings.properties()).extracting(Map.Entry::getKey)
        .containsExactly("result_subject_missing", "result_match_missing");
    assertThat(findings.get("result_subject_missing").get("sample").get(0).asString())
        .isEqualTo("jobs_for_worker/w-gone");
    assertThat(findings.get("result_match_missing").get("sample").get(0).asString())
        .isEqualTo("jobs_for_worker/w-gone->j-gone");

    results.erase("w-gone");
    Result clean = run(args);
    assertThat(clean.code()).isZero();
    assertThat(clean.json().get("clean").asBoolean()).isTrue();
  }
}
