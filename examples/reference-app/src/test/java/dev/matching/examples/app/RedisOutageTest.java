package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.examples.app.ServiceCalls.Timed;
import dev.matching.spring.security.ApiKeys;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service with its Redis (batch results, index-sync events) stopped and started again: a
 * dedicated redis-server process (never the machine's) under the reference app's
 * {@code postgres} profile. While Redis is down the service degrades as docs/service.md says:
 * readiness and liveness stay UP, recommendations are ranked live ({@code "source":"live"}),
 * writes still succeed, {@code matching_storage_up{store="results"}} is 0, each within a bound;
 * once Redis is back the stored recommendations are served again without restarting the app.
 * PostgreSQL: {@code MATCHING_TEST_PG_URL}, or an embedded server.
 */
@Timeout(300)
class RedisOutageTest {
  private static final String ADMIN_KEY = "redis-outage-test-admin-key";
  /** Explicit small bound of every Redis call. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
  private static final Duration DETECTION_BOUND = Duration.ofSeconds(20);
  /** Lettuce reconnects with an exponential back-off capped at 30 s. */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

  private TestPostgres postgres;
  private OwnRedis redis;
  private ConfigurableApplicationContext app;

  @AfterEach
  void stopAll() throws Exception {
    if (app != null) {
      app.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void recommendationsFallBackToLiveRankingAndRecover() throws Exception {
    postgres = TestPostgres.start("redis_outage_");
    redis = OwnRedis.start();
    app = new SpringApplicationBuilder(ReferenceApp.class).profiles("postgres").run(
        "--server.port=0", "--spring.datasource.url=" + postgres.url, "--matching.jdbc.schema=" + postgres.schema,
        "--matching.redis.url=" + redis.url(), "--matching.redis.command-timeout=" + COMMAND_TIMEOUT.toMillis() + "ms",
        "--sample.jobs=300", "--sample.workers=100", "--matching.batch.schedule-enabled=false",
        "--matching.batch.partitions=2", "--matching.batch.poll-interval=200ms", "--matching.batch.top-n=5",
        "--MATCHING_ADMIN_KEY_HASH=" + ApiKeys.hash(ADMIN_KEY));
    ServiceCalls calls = new ServiceCalls(app, ADMIN_KEY);

    Timed trigger = calls.call("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}");
    assertThat(trigger.status()).as(trigger.body()).isEqualTo(202);
    String batchId = field(trigger.body(), "batch_id");
    calls.awaitGet("/api/v1/batch/status/" + batchId, r -> r.body().contains("\"status\":\"succeeded\""), Duration.ofSeconds(90));
    String workerId = workerWithRecommendations(calls);
    String path = "/api/v1/workers/" + workerId + "/recommendations";
    Timed stored = calls.get(path);
    assertThat(stored.body()).contains("\"source\":\"batch\"");
    long firstGeneration = generation(stored.body());
    assertThat(resultsUp(calls)).isEqualTo("1.0");

    ServiceCalls.Watch readiness = calls.watch("/actuator/health/readiness");
    ServiceCalls.Watch liveness = calls.watch("/actuator/health/liveness");
    // Stop Redis.
    redis.stop();
    Duration detection = calls.awaitGet(path, r -> r.status() == 200 && r.body().contains("\"source\":\"live\""),
        DETECTION_BOUND);
    Timed live = calls.get(path);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body()).contains("\"source\":\"live\"", "\"generation\":0");
    assertThat(live.took()).isLessThan(ANSWER_BOUND);
    Timed write = calls.call("PUT", "/api/v1/jobs/during-redis-outage", ServiceCalls.job("redis-outage"));
    assertThat(write.status()).as("writes go to PostgreSQL; the lost change event is only logged").isEqualTo(201);
    assertThat(write.took()).isLessThan(ANSWER_BOUND);
    assertThat(calls.get("/api/v1/jobs/during-redis-outage").status()).isEqualTo(200);
    assertThat(calls.get("/actuator/health/readiness").status()).as("Redis is not needed to serve").isEqualTo(200);
    assertThat(calls.get("/actuator/health/liveness").status()).isEqualTo(200);
    calls.awaitGet("/actuator/prometheus", r -> "0.0".equals(resultsUp(r.body())), DETECTION_BOUND);

    List<String[]> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(i % 4 == 0 ? new String[] {"PUT", "/api/v1/jobs/redis-burst-" + i, ServiceCalls.job("redis-outage")}
          : new String[] {"GET", path});
    }
    List<Timed> answers = calls.concurrently(burst);
    Duration slowest = answers.stream().map(Timed::took).max(Comparator.naturalOrder()).orElseThrow();
    for (Timed a : answers) {
      assertThat(a.status()).as(a.body()).isIn(200, 201);
    }
    assertThat(slowest).as("slowest of 20 concurrent calls").isLessThan(ANSWER_BOUND.multipliedBy(2));
    assertThat(ServiceCalls.requestThreadsIn("io.lettuce")).as("request threads waiting on Redis").isEmpty();

    // Start it again: same port, same data (append-only file).
    redis.startAgain();
    Duration recovery = calls.awaitGet(path, r -> r.status() == 200 && r.body().contains("\"source\":\"batch\""),
        RECOVERY_BOUND);
    calls.awaitGet("/actuator/prometheus", r -> "1.0".equals(resultsUp(r.body())), DETECTION_BOUND);
    assertThat(readiness.stop()).as("readiness answers other than 200 during the Redis outage").isEmpty();
    assertThat(liveness.stop()).as("liveness answers other than 200 during the Redis outage").isEmpty();
    Timed again = calls.call("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    calls.awaitGet("/api/v1/batch/status/" + field(again.body(), "batch_id"),
        r -> r.body().contains("\"status\":\"succeeded\""), Duration.ofSeconds(90));
    Timed recomputed = calls.get(path);
    assertThat(recomputed.body()).contains("\"source\":\"batch\"");
    assertThat(generation(recomputed.body())).as("a batch after the outage publishes a new generation")
        .isGreaterThan(firstGeneration);

    System.out.printf("redis outage: live fallback after %d ms (a call %d ms, a write %d ms, slowest of 20 concurrent %d ms);"
            + " stored results again %d ms after the restart%n", detection.toMillis(), live.took().toMillis(),
        write.took().toMillis(), slowest.toMillis(), recovery.toMillis());
  }

  private static String workerWithRecommendations(ServiceCalls calls) throws IOException, InterruptedException {
    Timed page = calls.get("/api/v1/workers?limit=100");
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page.body());
    while (m.find()) {
      if (calls.get("/api/v1/workers/" + m.group(1) + "/recommendations").status() == 200) {
        return m.group(1);
      }
    }
    throw new AssertionError("no worker has stored recommendations: " + page.body());
  }

  private static String resultsUp(ServiceCalls calls) throws IOException, InterruptedException {
    return resultsUp(calls.get("/actuator/prometheus").body());
  }

  private static String resultsUp(String prometheus) {
    Matcher m = Pattern.compile("(?m)^matching_storage_up\\{[^}]*store=\"results\"[^}]*\\} (\\S+)$").matcher(prometheus);
    return m.find() ? m.group(1) : "absent";
  }

  private static long generation(String json) {
    Matcher m = Pattern.compile("\"generation\":(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }
}
