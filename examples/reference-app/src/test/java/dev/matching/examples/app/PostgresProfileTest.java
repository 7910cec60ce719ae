package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.spring.security.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code postgres} profile: the app migrates its schema on start, keeps its data across a
 * restart, and loads the sample market only into empty stores. Uses the server named by
 * {@code MATCHING_TEST_PG_URL}, or an embedded PostgreSQL.
 */
@Timeout(180)
class PostgresProfileTest {
  private static final String ADMIN_KEY = "postgres-profile-test-admin-key";
  private static final String SCHEMA_PREFIX = "ref_app_";
  private static TestPostgres postgres;

  @BeforeAll
  static void database() throws IOException {
    postgres = TestPostgres.start(SCHEMA_PREFIX);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    postgres.close();
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ReferenceApp.class).profiles("postgres").run(
        "--server.port=0", "--spring.datasource.url=" + postgres.url, "--matching.jdbc.schema=" + postgres.schema,
        "--sample.jobs=300", "--sample.workers=100", "--matching.batch.schedule-enabled=false",
        "--matching.redis.url=", "--MATCHING_ADMIN_KEY_HASH=" + ApiKeys.hash(ADMIN_KEY));
  }

  private static int send(ConfigurableApplicationContext app, String method, String path, String body)
      throws IOException, InterruptedException {
    return exchange(app, method, path, body).statusCode();
  }

  private static HttpResponse<String> exchange(ConfigurableApplicationContext app, String method, String path,
      String body) throws IOException, InterruptedException {
    String port = app.getEnvironment().getProperty("local.server.port");
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void dataSurvivesARestart() throws Exception {
    String job = """
        {"employer_id":"persist","location":{"lat":35.0,"lng":135.7},
         "shifts":[{"start":"2030-02-01T09:00:00","end":"2030-02-01T17:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1200}}
        """;
    try (ConfigurableApplicationContext first = start()) {
      MatchingEngine engine = first.getBean(MatchingEngine.class);
      assertThat(engine.jobStore().getClass().getName()).startsWith("dev.matching.jdbc.");
      assertThat(engine.jobStore().count()).isEqualTo(300);
      assertThat(send(first, "PUT", "/api/v1/jobs/persisted-job", job)).isEqualTo(201);
    }
    try (ConfigurableApplicationContext second = start()) {
      MatchingEngine engine = second.getBean(MatchingEngine.class);
      assertThat(engine.jobStore().count()).isEqualTo(301);
      assertThat(engine.jobIndex().size()).isEqualTo(301);
      assertThat(send(second, "GET", "/api/v1/jobs/persisted-job", null)).isEqualTo(200);
      assertThat(send(second, "PUT", "/api/v1/jobs/persisted-job", job)).isEqualTo(200);
      HttpResponse<String> info = exchange(second, "GET", "/api/v1/admin/system-info", null);
      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body()).contains("\"pool_stats\"", "\"active\"", "\"max\":");

      String hostile = "Robert'); DROP TABLE jobs;-- <script>alert(1)</script>";
      assertThat(send(second, "PUT", "/api/v1/jobs/hostile-job", job.replace("\"employer_id\"",
          "\"title\":\"" + hostile + "\",\"employer_id\""))).isEqualTo(201);
      assertThat(exchange(second, "GET", "/api/v1/jobs/hostile-job", null).body()).contains(hostile);
      HttpResponse<String> injectedCursor = exchange(second, "GET",
          "/api/v1/jobs?limit=2&after=%27%20OR%20%271%27%3D%271", null);
      assertThat(injectedCursor.statusCode()).isEqualTo(200);
      assertThat(engine.jobStore().count()).isEqualTo(302);
    }
  }
}
