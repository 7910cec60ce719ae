package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.matching.examples.app.ServiceCalls.Timed;
import dev.matching.spring.ops.StorageOutageLog;
import dev.matching.spring.security.ApiKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service with a database that accepts connections and never answers (a hung server or a
 * network black hole), under the reference app's {@code postgres} profile and its default
 * timeouts (none overridden here): the app runs against a real PostgreSQL through a
 * {@link BlackHoleProxy}, which is then switched to a black hole. Every API call that needs the
 * database is answered 503 problem+json with {@code Retry-After} within the documented bound
 * (10 s, docs/service.md "Faults"), readiness goes DOWN within it, no request thread is left in
 * the driver, the outage is logged once (and its end once, with the count of refused requests);
 * once the proxy forwards again the service recovers without a restart. Also: a start against a
 * black-holed database fails within a bound instead of hanging.
 */
@Timeout(300)
class BlackHoledDatabaseTest {
  private static final String ADMIN_KEY = "black-hole-test-admin-key";
  /** What docs/service.md promises: a request during an outage is answered within 10 s. */
  private static final Duration DOCUMENTED_BOUND = Duration.ofSeconds(10);
  /** The bound plus scheduling slack on a loaded 2-core machine. */
  private static final Duration CHECKED_BOUND = DOCUMENTED_BOUND.plusSeconds(5);
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(45);

  private TestPostgres postgres;
  private BlackHoleProxy proxy;
  private ConfigurableApplicationContext app;
  private final Logger outageLogger = (Logger) LoggerFactory.getLogger(StorageOutageLog.class);
  private final Logger problemLogger = (Logger) LoggerFactory.getLogger("dev.matching.spring.web.ProblemHandler");
  private final ListAppender<ILoggingEvent> outageEvents = new ListAppender<>();
  private final ListAppender<ILoggingEvent> problemEvents = new ListAppender<>();

  @AfterEach
  void stopAll() throws Exception {
    outageLogger.detachAppender(outageEvents);
    problemLogger.detachAppender(problemEvents);
    if (app != null) {
      app.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void requestsAreAnswered503WithinTheBoundReadinessGoesDownAndAllRecovers() throws Exception {
    postgres = TestPostgres.start("black_hole_");
    Matcher hostPort = Pattern.compile("//([^/:?]+):(\\d+)").matcher(postgres.url);
    assertThat(hostPort.find()).as(postgres.url).isTrue();
    proxy = new BlackHoleProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
    String proxied = postgres.url.substring(0, hostPort.start()) + "//127.0.0.1:" + proxy.port()
        + postgres.url.substring(hostPort.end());
    app = start(proxied, postgres.schema);
    capture(outageLogger, outageEvents);
    capture(problemLogger, problemEvents);
    ServiceCalls calls = new ServiceCalls(app, ADMIN_KEY);
    String jobId = firstId(calls, "jobs");
    String workerId = firstId(calls, "workers");
    assertThat(calls.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(calls.call("PUT", "/api/v1/jobs/before-black-hole", ServiceCalls.job("hole")).status()).isEqualTo(201);

    proxy.blackHole();
    Duration detection = calls.awaitGet("/actuator/health/readiness", r -> r.status() == 503, CHECKED_BOUND);
    Timed readiness = calls.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.took()).as("one readiness probe").isLessThan(CHECKED_BOUND);
    assertThat(calls.get("/actuator/health/liveness").status()).isEqualTo(200);

    Timed read = calls.get("/api/v1/jobs/" + jobId);
    Timed write = calls.call("PUT", "/api/v1/jobs/during-black-hole", ServiceCalls.job("hole"));
    Timed list = calls.get("/api/v1/workers?limit=5");
    for (Timed t : List.of(read, write, list)) {
      assertStorageUnavailable(t);
    }
    Timed matches = calls.get("/api/v1/workers/" + workerId + "/matches?limit=5");
    assertThat(matches.status()).as("rankings come from the in-memory indexes").isEqualTo(200);

    List<String[]> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(i % 2 == 0 ? new String[] {"GET", "/api/v1/jobs/" + jobId}
          : new String[] {"PUT", "/api/v1/jobs/hole-burst-" + i, ServiceCalls.job("hole")});
    }
    List<Timed> answers = calls.concurrently(burst);
    answers.forEach(BlackHoledDatabaseTest::assertStorageUnavailable);
    Duration slowest = answers.stream().map(Timed::took).max(Comparator.naturalOrder()).orElseThrow();
    assertThat(ServiceCalls.requestThreadsIn("org.postgresql")).as("request threads inside the JDBC driver").isEmpty();
    assertThat(ServiceCalls.requestThreadsIn("com.zaxxer.hikari")).as("request threads waiting for a connection").isEmpty();
    int refused = 3 + answers.size();

    List<ILoggingEvent> down = List.copyOf(outageEvents.list);
    assertThat(down).as("one WARN for the outage").hasSize(1);
    assertThat(down.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(down.get(0).getFormattedMessage()).contains("unavailable");
    assertThat(problemEvents.list).as("no stack trace per 503").isEmpty();

    proxy.forward();
    Duration recovery = calls.awaitGet("/actuator/health/readiness", r -> r.status() == 200, RECOVERY_BOUND);
    assertThat(calls.get("/api/v1/jobs/" + jobId).status()).isEqualTo(200);
    assertThat(calls.get("/api/v1/jobs/before-black-hole").status()).isEqualTo(200);
    assertThat(calls.get("/api/v1/jobs/during-black-hole").status()).as("a refused write stored nothing").isEqualTo(404);
    assertThat(calls.call("PUT", "/api/v1/jobs/after-black-hole", ServiceCalls.job("hole")).status()).isEqualTo(201);
    List<ILoggingEvent> all = List.copyOf(outageEvents.list);
    assertThat(all).as("one WARN for the outage, one for its end").hasSize(2);
    assertThat(all.get(1).getLevel()).isEqualTo(Level.WARN);
    assertThat(all.get(1).getFormattedMessage()).contains("answers again", refused + " requests were refused");

    System.out.printf("black-holed database: readiness DOWN after %d ms (a probe %d ms); read %d ms, write %d ms,"
            + " list %d ms, slowest of %d concurrent %d ms; readiness UP %d ms after forwarding again%n",
        detection.toMillis(), readiness.took().toMillis(), read.took().toMillis(), write.took().toMillis(),
        list.took().toMillis(), answers.size(), slowest.toMillis(), recovery.toMillis());
  }

  @Test
  void aStartAgainstABlackHoledDatabaseFailsWithinABoundInsteadOfHanging() throws Exception {
    // The kernel accepts connections into the backlog; nobody ever reads or answers them.
    try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> app = start("jdbc:postgresql://127.0.0.1:" + hole.getLocalPort() + "/postgres", "black_hole"))
          .isInstanceOf(Exception.class);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf("start against a black-holed database failed after %d ms%n", took.toMillis());
      assertThat(took).isLessThan(Duration.ofSeconds(60));
    }
  }

  private static ConfigurableApplicationContext start(String url, String schema) {
    return new SpringApplicationBuilder(ReferenceApp.class).profiles("postgres").run(
        "--server.port=0", "--spring.datasource.url=" + url, "--matching.jdbc.schema=" + schema,
        "--sample.jobs=300", "--sample.workers=100", "--matching.batch.schedule-enabled=false",
        "--matching.redis.url=", "--MATCHING_ADMIN_KEY_HASH=" + ApiKeys.hash(ADMIN_KEY));
  }

  private static void capture(Logger logger, ListAppender<ILoggingEvent> appender) {
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  private static void assertStorageUnavailable(Timed answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body()).contains("storage-unavailable");
    assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.took()).as("one answer while the database is black-holed").isLessThan(CHECKED_BOUND);
  }

  private static String firstId(ServiceCalls calls, String kind) throws Exception {
    Timed page = calls.get("/api/v1/" + kind + "?limit=1");
    assertThat(page.status()).isEqualTo(200);
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }
}
