package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.examples.app.ServiceCalls.Timed;
import dev.matching.spring.security.ApiKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service with its PostgreSQL stopped and started again: a dedicated embedded server (fixed
 * data directory and port, never the machine's) under the reference app's {@code postgres}
 * profile. While it is down, readiness is DOWN (503), liveness stays UP, and reads and writes
 * answer 503 {@code storage-unavailable} problem+json within the pool's connection timeout, with
 * no request thread left waiting on the database; once it is back, readiness and the API
 * recover without restarting the app. Rankings, served from the in-memory indexes, keep working.
 */
@Timeout(300)
class DatabaseOutageTest {
  private static final String ADMIN_KEY = "database-outage-test-admin-key";
  /** Explicit small bounds: Hikari's wait for a connection (also bounds each health probe). */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1000);
  /** What the test allows one answer during the outage: the connection timeout plus scheduling slack on a loaded machine. */
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(6);
  private static final Duration DETECTION_BOUND = Duration.ofSeconds(20);
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(45);

  private Path dataDirectory;
  private int port;
  private EmbeddedPostgres postgres;
  private ConfigurableApplicationContext app;

  @AfterEach
  void stopAll() throws IOException {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (dataDirectory != null) {
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
  }

  @Test
  void readinessAndApiFollowTheDatabaseAndNothingHangs() throws Exception {
    dataDirectory = Files.createTempDirectory("matching-pg-outage-");
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    postgres = startPostgres();
    app = new SpringApplicationBuilder(ReferenceApp.class).profiles("postgres").run(
        "--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT.toMillis(),
        "--spring.datasource.hikari.validation-timeout=500",
        "--matching.jdbc.schema=outage", "--sample.jobs=300", "--sample.workers=100",
        "--matching.batch.schedule-enabled=false", "--matching.redis.url=",
        "--MATCHING_ADMIN_KEY_HASH=" + ApiKeys.hash(ADMIN_KEY));
    ServiceCalls calls = new ServiceCalls(app, ADMIN_KEY);
    String jobId = firstId(calls, "jobs");
    String workerId = firstId(calls, "workers");
    assertThat(calls.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(calls.call("PUT", "/api/v1/jobs/before-outage", ServiceCalls.job("outage")).status()).isEqualTo(201);

    ServiceCalls.Watch liveness = calls.watch("/actuator/health/liveness");
    // Stop PostgreSQL.
    postgres.close();
    postgres = null;
    Duration detection = calls.awaitGet("/actuator/health/readiness", r -> r.status() == 503, DETECTION_BOUND);
    Timed readiness = calls.get("/actuator/health/readiness");
    assertThat(readiness.body()).contains("\"matchingStorage\"", "DOWN");
    assertThat(readiness.took()).isLessThan(ANSWER_BOUND);
    assertThat(calls.get("/actuator/health/liveness").status()).as("liveness ignores the database").isEqualTo(200);
    assertThat(calls.get("/health").status()).isEqualTo(200);

    Timed read = calls.get("/api/v1/jobs/" + jobId);
    assertStorageUnavailable(read);
    Timed write = calls.call("PUT", "/api/v1/jobs/during-outage", ServiceCalls.job("outage"));
    assertStorageUnavailable(write);
    Timed list = calls.get("/api/v1/workers?limit=5");
    assertStorageUnavailable(list);
    Timed matches = calls.get("/api/v1/workers/" + workerId + "/matches?limit=5");
    assertThat(matches.status()).as("rankings come from the in-memory indexes").isEqualTo(200);
    assertThat(matches.took()).isLessThan(ANSWER_BOUND);

    // Many at once: more than the pool's connections, every one answered within the bound.
    List<String[]> burst = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(i % 2 == 0 ? new String[] {"GET", "/api/v1/jobs/" + jobId}
          : new String[] {"PUT", "/api/v1/jobs/burst-" + i, ServiceCalls.job("outage")});
    }
    List<Timed> answers = calls.concurrently(burst);
    Duration slowest = answers.stream().map(Timed::took).max(Comparator.naturalOrder()).orElseThrow();
    answers.forEach(DatabaseOutageTest::assertStorageUnavailable);
    assertThat(slowest).as("slowest of 30 concurrent calls").isLessThan(ANSWER_BOUND.multipliedBy(2));
    assertThat(ServiceCalls.requestThreadsIn("org.postgresql")).as("request threads inside the JDBC driver").isEmpty();
    assertThat(ServiceCalls.requestThreadsIn("com.zaxxer.hikari")).as("request threads waiting for a connection").isEmpty();
    assertThat(calls.get("/actuator/health/liveness").status()).isEqualTo(200);

    // Start it again: same port, same data.
    postgres = startPostgres();
    Duration recovery = calls.awaitGet("/actuator/health/readiness", r -> r.status() == 200, RECOVERY_BOUND);
    assertThat(calls.get("/api/v1/jobs/" + jobId).status()).isEqualTo(200);
    assertThat(calls.get("/api/v1/jobs/before-outage").status()).isEqualTo(200);
    assertThat(calls.get("/api/v1/jobs/during-outage").status()).as("a refused write stored nothing").isEqualTo(404);
    assertThat(calls.call("PUT", "/api/v1/jobs/after-outage", ServiceCalls.job("outage")).status()).isEqualTo(201);
    assertThat(calls.get("/api/v1/jobs/after-outage").status()).isEqualTo(200);
    assertThat(liveness.stop()).as("liveness answers other than 200 during the outage and recovery").isEmpty();

    System.out.printf("database outage: readiness DOWN after %d ms; read %d ms, write %d ms, slowest of 30 concurrent %d ms;"
            + " readiness UP %d ms after the restart%n", detection.toMillis(), read.took().toMillis(),
        write.took().toMillis(), slowest.toMillis(), recovery.toMillis());
  }

  private static void assertStorageUnavailable(Timed answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body()).contains("storage-unavailable");
    assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.took()).as("one answer during the outage").isLessThan(ANSWER_BOUND);
  }

  private static String firstId(ServiceCalls calls, String kind) throws IOException, InterruptedException {
    Timed page = calls.get("/api/v1/" + kind + "?limit=1");
    assertThat(page.status()).isEqualTo(200);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }
}
