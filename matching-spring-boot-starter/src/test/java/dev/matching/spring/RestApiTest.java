package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.matching.batch.MatchingBatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the REST API of a real server on a random port over HTTP. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.schedule-enabled=false", "matching.batch.poll-interval=1h",
        "matching.web.max-body-size=64KB"})
@Timeout(60)
class RestApiTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  @Autowired
  MatchingBatch batch;

  record Reply(int status, String contentType, String etag, JsonNode body) {}

  private Reply send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode node = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("ETag").orElse(""), node);
  }

  private static String job(String employer, double lat, double lng, String skill) {
    return """
        {"employer_id":"%s","title":"Cashier","location":{"lat":%s,"lng":%s},
         "required_skills":[{"skill":"%s","min_level":2}],
         "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1300},"headcount":2}
        """.formatted(employer, lat, lng, skill);
  }

  private static final String WORKER = """
      {"home":{"lat":35.69,"lng":139.70},"max_travel_km":15,"skills":{"cashier":3},
       "availability":{"zone":"Asia/Tokyo","weekly":[{"day":"MONDAY","start":"20:00","end":"08:00"}]},
       "desired_pay":{"min_hourly":1200,"hard":false}}
      """;

  @BeforeEach
  void seed() throws Exception {
    assertThat(send("PUT", "/api/v1/jobs/job-near", job("acme", 35.681, 139.767, "cashier")).status()).isIn(200, 201);
    assertThat(send("PUT", "/api/v1/jobs/job-far", job("acme", 34.70, 135.50, "cashier")).status()).isIn(200, 201);
    assertThat(send("PUT", "/api/v1/workers/w-1", WORKER).status()).isIn(200, 201);
  }

  @Test
  void upsertReadAndOptimisticConcurrency() throws Exception {
    Reply created = send("PUT", "/api/v1/jobs/job-new", job("acme", 35.6, 139.7, "cashier"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.etag()).isEqualTo("\"1\"");
    Reply replaced = send("PUT", "/api/v1/jobs/job-new", job("acme", 35.6, 139.7, "cashier"), "If-Match", "\"1\"");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.etag()).isEqualTo("\"2\"");

    Reply stale = send("PUT", "/api/v1/jobs/job-new", job("other", 35.6, 139.7, "cashier"), "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    Reply read = send("GET", "/api/v1/jobs/job-new", null);
    assertThat(read.body().get("employer_id").asString()).isEqualTo("acme");
    assertThat(read.body().get("shifts").get(0).get("end").asString()).isEqualTo("2030-01-08T06:00:00");

    assertThat(send("PUT", "/api/v1/jobs/job-new", job("acme", 1, 1, "x"), "If-None-Match", "*").status()).isEqualTo(409);
    assertThat(send("DELETE", "/api/v1/jobs/job-new", null).status()).isEqualTo(204);
    assertThat(send("GET", "/api/v1/jobs/job-new", null).status()).isEqualTo(404);
    assertThat(send("DELETE", "/api/v1/jobs/job-new", null).status()).isEqualTo(404);
  }

  @Test
  void invalidBodiesListEveryFieldAndStoreNothing() throws Exception {
    Reply bad = send("PUT", "/api/v1/jobs/job-bad", """
        {"employer_id":"acme","location":{"lat":91,"lng":139.7},"pay":{"min":-5},
         "required_skills":[{"skill":"cashier","min_level":9}],
         "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-07T21:00:00","zone":"Mars/Base"}]}
        """);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body().get("errors").findValuesAsString("field"))
        .contains("location.lat", "pay.min", "required_skills[0].min_level", "shifts[0].zone");
    assertThat(send("GET", "/api/v1/jobs/job-bad", null).status()).isEqualTo(404);

    Reply unknown = send("PUT", "/api/v1/workers/w-2", "{\"home\":{\"lat\":35,\"lng\":139},\"salary\":5}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("salary");

    Reply wrongType = send("PUT", "/api/v1/workers/w-2", "{\"max_travel_km\":\"far\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("errors").get(0).get("field").asString()).isEqualTo("max_travel_km");

    Reply notJson = send("PUT", "/api/v1/workers/w-2", "{");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().toString()).doesNotContain("Exception").doesNotContain("at dev.");
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    String huge = "[" + ("{\"id\":\"j\"},".repeat(10_000)) + "{}]";
    Reply r = send("POST", "/api/v1/jobs/bulk", huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void matchesExplainAndColdStart() throws Exception {
    Reply page = send("GET", "/api/v1/workers/w-1/matches?limit=5", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().get("matches").findValuesAsString("id")).containsExactly("job-near");
    JsonNode first = page.body().get("matches").get(0);
    assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(first.get("factors").has("distance")).isTrue();

    Reply why = send("GET", "/api/v1/workers/w-1/explain/job-far", null);
    assertThat(why.status()).isEqualTo(200);
    assertThat(why.body().get("eligible").asBoolean()).isFalse();
    assertThat(why.body().get("rejections").get(0).get("reason").asString()).isNotBlank();

    Reply cold = send("POST", "/api/v1/search/jobs?limit=3", WORKER);
    assertThat(cold.status()).isEqualTo(200);
    assertThat(cold.body().get("matches").findValuesAsString("id")).containsExactly("job-near");

    Reply workers = send("GET", "/api/v1/jobs/job-near/matches", null);
    assertThat(workers.body().get("matches").findValuesAsString("id")).containsExactly("w-1");

    assertThat(send("GET", "/api/v1/workers/nobody/matches", null).status()).isEqualTo(404);
    Reply badLimit = send("GET", "/api/v1/workers/w-1/matches?limit=0&preset=cheap&cursor=zzz", null);
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("limit", "preset", "cursor");
  }

  @Test
  void bulkImportStoresTheValidAndReportsTheRest() throws Exception {
    Reply r = send("POST", "/api/v1/workers/bulk", """
        [{"id":"b-1","home":{"lat":35,"lng":139}},
         {"id":"b-2","home":{"lat":135,"lng":139}},
         {"home":{"lat":35,"lng":139}},
         {"id":"b-1","home":{"lat":35,"lng":139}}]
        """);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("stored").asInt()).isEqualTo(1);
    assertThat(r.body().get("rejected").findValuesAsString("id")).containsExactly("b-2", "b-1");
    assertThat(r.body().get("rejected").findValues("index")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
    assertThat(send("GET", "/api/v1/workers/b-1", null).status()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/workers/b-2", null).status()).isEqualTo(404);
  }

  @Test
  void batchTriggerStatusConflictAndResults() throws Exception {
    Reply bad = send("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"weekly\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("batch_type");

    Reply triggered = send("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}");
    assertThat(triggered.status()).isEqualTo(202);
    String id = triggered.body().get("batch_id").asString();
    assertThat(triggered.body().get("status").asString()).isEqualTo("queued");
    Reply again = send("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");

    batch.runPending(); // the background poll runs hourly in this test: work the run here
    Reply done = send("GET", "/api/v1/batch/status/" + id, null);
    assertThat(done.body().get("status").asString()).isEqualTo("succeeded");
    assertThat(done.body().get("progress").asDouble()).isEqualTo(1.0);
    assertThat(send("GET", "/api/v1/batch/status", null).body().findValuesAsString("batch_id")).contains(id);
    Reply recs = send("GET", "/api/v1/workers/w-1/recommendations", null);
    assertThat(recs.status()).isEqualTo(200);
    assertThat(recs.body().get("matches").findValuesAsString("id")).contains("job-near");
    assertThat(send("POST", "/api/v1/batch/retry/" + id, null).status()).isEqualTo(409);
    assertThat(send("GET", "/api/v1/batch/status/run-missing", null).status()).isEqualTo(404);
  }
}
