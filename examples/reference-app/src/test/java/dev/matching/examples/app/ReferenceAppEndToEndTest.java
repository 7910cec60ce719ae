package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the real reference app (in memory, a small sample market) on a random port and drives
 * it over HTTP as a user would: create, match, explain, trigger the batch, read its results.
 */
@SpringBootTest(classes = ReferenceApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sample.jobs=3000", "sample.workers=1000", "matching.batch.schedule-enabled=false",
        "matching.batch.poll-interval=200ms", "matching.batch.partitions=4"})
@Timeout(120)
class ReferenceAppEndToEndTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  /** A call with the development admin key of the default configuration. */
  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(method, path, body, "dev-admin-key");
  }

  private HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  @Test
  void aUserCreatesMatchesExplainsAndRunsTheBatch() throws Exception {
    assertThat(json(call("GET", "/api/v1/jobs?limit=5", null)).get("items").size()).isEqualTo(5);

    HttpResponse<String> job = call("PUT", "/api/v1/jobs/e2e-job", """
        {"employer_id":"e2e","title":"Night cashier","location":{"lat":35.6896,"lng":139.7006},
         "required_skills":[{"skill":"レジ","min_level":1}],
         "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1500},"headcount":1}
        """);
    assertThat(job.statusCode()).isEqualTo(201);
    HttpResponse<String> worker = call("PUT", "/api/v1/workers/e2e-worker", """
        {"home":{"lat":35.69,"lng":139.70},"max_travel_km":5,"skills":{"レジ":3},
         "availability":{"zone":"Asia/Tokyo","weekly":[{"day":"MONDAY","start":"21:00","end":"07:00"}]},
         "desired_pay":{"min_hourly":1200}}
        """);
    assertThat(worker.statusCode()).isEqualTo(201);

    JsonNode matches = json(call("GET", "/api/v1/workers/e2e-worker/matches?limit=10", null));
    assertThat(matches.get("matches").findValuesAsString("id")).contains("e2e-job");
    JsonNode why = json(call("GET", "/api/v1/workers/e2e-worker/explain/e2e-job", null));
    assertThat(why.get("eligible").asBoolean()).isTrue();
    double sum = 0;
    for (JsonNode f : why.get("factors")) {
      sum += f.get("contribution").asDouble();
    }
    assertThat(sum).isCloseTo(why.get("total").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(json(call("GET", "/api/v1/jobs/e2e-job/matches", null)).get("matches").findValuesAsString("id"))
        .contains("e2e-worker");

    HttpResponse<String> trigger = call("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}");
    assertThat(trigger.statusCode()).isEqualTo(202);
    String id = json(trigger).get("batch_id").asString();
    String status = "";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!status.equals("succeeded") && System.nanoTime() < deadline) {
      status = json(call("GET", "/api/v1/batch/status/" + id, null)).get("status").asString();
      if (!status.equals("succeeded")) {
        Thread.sleep(100);
      }
    }
    assertThat(status).isEqualTo("succeeded");
    JsonNode stored = json(call("GET", "/api/v1/workers/e2e-worker/recommendations", null));
    assertThat(stored.get("matches").findValuesAsString("id")).contains("e2e-job");

    HttpResponse<String> erased = call("DELETE", "/api/v1/admin/workers/e2e-worker/personal-data", null);
    assertThat(erased.statusCode()).isEqualTo(200);
    assertThat(json(erased).get("worker_removed").asBoolean()).isTrue();
    assertThat(json(erased).get("result_lists_changed").asLong()).isPositive();
    assertThat(call("GET", "/api/v1/workers/e2e-worker", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/v1/workers/e2e-worker/recommendations", null).statusCode()).isEqualTo(404);
    assertThat(json(call("GET", "/api/v1/jobs/e2e-job/matches?limit=100", null)).get("matches").findValuesAsString("id"))
        .doesNotContain("e2e-worker");
    assertThat(call("GET", "/api/v1/jobs/e2e-job/recommendations", null).body()).doesNotContain("e2e-worker");

    assertThat(call("GET", "/api/v1/jobs?limit=1", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/jobs?limit=1", null, "dev-client-acme-key").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/health", null, null).body()).contains("\"status\":\"UP\"");
    assertThat(call("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/v3/api-docs", null).body()).contains("/api/v1/workers/{id}/matches");
    assertThat(call("GET", "/actuator/prometheus", null).body()).contains("matching_index_size");
  }

  /** Every metric an alert of docs/ops/alerts.yml or a panel of the Grafana dashboard uses is exported. */
  @Test
  void everyMetricOfTheAlertRulesIsExported() throws Exception {
    assertThat(call("GET", "/api/v1/jobs?limit=1", null).statusCode()).isEqualTo(200);
    call("GET", "/api/v1/workers/worker-0000001/matches?limit=3", null);
    Set<String> used = AlertRules.metricNames(Path.of("../../docs/ops/alerts.yml"));
    assertThat(used).contains("http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "matching_storage_up");
    Set<String> dashboard = AlertRules.dashboardMetricNames(Path.of("../../docs/ops/grafana-dashboard.json"));
    assertThat(dashboard).contains("matching_query_seconds_bucket", "matching_index_lag", "matching_batch_items_total",
        "matching_retention_deleted_total");
    used.addAll(dashboard);
    assertThat(call("GET", "/actuator/prometheus", null, null).statusCode()).as("metrics need an admin key").isEqualTo(401);
    assertThat(call("GET", "/actuator/prometheus", null, "dev-operator-key").statusCode()).isEqualTo(403);
    Set<String> exported = AlertRules.exportedNames(call("GET", "/actuator/prometheus", null).body());
    exported.add("up"); // synthesized by Prometheus for every scrape target
    assertThat(exported).containsAll(used);
  }
}
