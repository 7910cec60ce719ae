package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spring.RawHttp.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the servlet container refuses or cannot parse, and errors outside the API's
 * controllers: each is answered problem+json with the security headers, without a 5xx, a class
 * name or the server's version, and nothing of a request header is logged.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.enabled=false", "matching.security.enabled=true",
        "matching.security.failed-authentications-per-minute=0",
        "matching.security.keys[0].name=ops", "matching.security.keys[0].role=admin",
        "matching.security.keys[0].hash=" + SecurityApiTest.ADMIN_HASH,
        "matching.security.keys[1].name=back-office", "matching.security.keys[1].role=operator",
        "matching.security.keys[1].hash=" + SecurityApiTest.OPERATOR_HASH,
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=when-authorized", "management.endpoint.health.roles=ADMIN"})
@Timeout(120)
class HostileRequestsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] ADMIN = {"Authorization", "Bearer " + SecurityApiTest.ADMIN};

  @Value("${local.server.port}")
  int port;
  private RawHttp http;

  @BeforeEach
  void client() {
    http = new RawHttp(port);
  }

  /** A problem+json answer with {@code status}, the protective headers and no internals. */
  private static JsonNode assertProblem(String what, Response response, int status) {
    assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
    assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
    assertThat(response.header("x-content-type-options")).as(what).isEqualTo("nosniff");
    assertThat(response.header("x-frame-options")).as(what).isEqualTo("DENY");
    assertThat(response.body()).as(what).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception")
        .doesNotContain("java.").doesNotContain("<html");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asInt()).as(what).isEqualTo(status);
    assertThat(body.get("type").asString()).as(what).startsWith("https://matching.dev/problems/");
    return body;
  }

  @Test
  void urlsTheContainerRefusesAreProblems() throws Exception {
    for (String target : List.of("/api/v1/jobs/a%2Fb", "/api/v1/jobs/a%5Cb", "/api/v1/jobs/a%00b",
        "/api/v1/jobs/..%2F..%2Fetc%2Fpasswd", "/api/v1/jobs/%2e%2e/workers", "/api/v1/admin;x/system-info")) {
      assertProblem(target, http.send("GET", target, null, ADMIN), 400);
    }
    String longTarget = "/api/v1/jobs/" + "x".repeat(9_000);
    Response tooLong = http.send("GET", longTarget, null, ADMIN);
    assertThat(tooLong.status()).isBetween(400, 431);
    assertProblem("a URI over the header size limit", tooLong, tooLong.status());
  }

  @Test
  void malformedHeadersAreProblemsAndTheirContentIsNeverLogged() throws Exception {
    try (LogCapture everything = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
    assertProblem("NUL in a header", http.send("GET", "/api/v1/jobs", null, "X-Test", "a\u0000b", ADMIN[0], ADMIN[1]),
        400);
    Response cookie = http.send("GET", "/api/v1/jobs?limit=1", null, "Cookie",
        "session=" + SecurityApiTest.OPERATOR + "\u0001; x=\"unterminated", ADMIN[0], ADMIN[1]);
    assertThat(cookie.status()).as(cookie.toString()).isIn(200, 400);
    assertThat(everything.text()).doesNotContain(SecurityApiTest.OPERATOR);
    }
  }

  @Test
  void aContentTypeThatIsNotOneMediaTypeIs415OnEveryRoute() throws Exception {
    String[][] routes = {{"GET", "/actuator/health"}, {"GET", "/actuator/metrics"}, {"GET", "/health"},
        {"GET", "/api/v1/jobs"}, {"PUT", "/api/v1/jobs/j-1"}, {"POST", "/api/v1/batch/runs"}};
    for (String type : new String[] {"*/*", "application/*", "*", "json", "application/json;;=", "/", "a/b/c"}) {
      for (String[] route : routes) {
        String what = route[0] + " " + route[1] + " with Content-Type " + type;
        String body = route[0].equals("GET") ? "{}" : "{\"title\":\"x\"}";
        JsonNode problem = assertProblem(what, http.send(route[0], route[1], body, "Content-Type", type, ADMIN[0], ADMIN[1]), 415);
        assertThat(problem.get("detail").asString()).as(what).startsWith("Content-Type: ");
      }
    }
    assertThat(http.send("GET", "/actuator/health", "{}", "Content-Type", "application/json").status()).isEqualTo(200);
  }

  @Test
  void anUnknownTransferCodingIsTheClientsMistake() throws Exception {
    assertProblem("Transfer-Encoding: gzip", http.send("GET", "/api/v1/jobs", null, "Transfer-Encoding", "gzip",
        ADMIN[0], ADMIN[1]), 400);
  }

  @Test
  void wrongTypedOrRepeatedParametersAre400NamingTheParameter() throws Exception {
    for (String query : List.of("limit=x", "limit=x&limit=1", "limit=1.5")) {
      Response response = http.send("GET", "/api/v1/jobs?" + query, null, ADMIN);
      JsonNode body = assertProblem(query, response, 400);
      assertThat(body.get("type").asString()).as(query).endsWith("/invalid-request");
      assertThat(body.get("errors").get(0).get("field").asString()).as(query).isEqualTo("limit");
      assertThat(response.body()).as(query).doesNotContain("[L").doesNotContain("String");
    }
  }

  @Test
  void undecodableQueryStringsAre400NamingTheQuery() throws Exception {
    for (String query : List.of("cursor=%ZZ", "after=%FF", "limit=%", "%ZZ=1", "after=%C3%28", "limit=1&%")) {
      for (String path : List.of("/api/v1/jobs", "/api/v1/workers/w-1/matches", "/api/v1/batch/status", "/health")) {
        JsonNode body = assertProblem(path + "?" + query, http.send("GET", path + "?" + query, null, ADMIN), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("query");
      }
    }
  }

  @Test
  void theErrorPageAndUnknownRoutesAreProblems() throws Exception {
    for (String method : List.of("GET", "POST", "DELETE", "PUT")) {
      assertProblem(method + " /error", http.send(method, "/error", method.equals("GET") ? null : "{}"), 404);
    }
    assertProblem("an unknown admin route", http.send("GET", "/api/v1/admin/nothing-here", null, ADMIN), 404);
    assertProblem("an unknown route outside the API", http.send("GET", "/nothing-here", null), 404);
    Response wrongMethod = http.send("PATCH", "/api/v1/jobs/j-1", "{}", ADMIN);
    assertProblem("PATCH on a job", wrongMethod, 405);
    assertThat(wrongMethod.header("allow")).contains("PUT");
    assertProblem("POST /health", http.send("POST", "/health", "{}"), 405);
    assertProblem("XML body", http.send("PUT", "/api/v1/jobs/j-1", "<a></a>", "Content-Type", "application/xml",
        ADMIN[0], ADMIN[1]), 415);
  }

  @Test
  void actuatorDetailsAndMetricsAreForAdminKeysOnly() throws Exception {
    Response anonymousHealth = http.send("GET", "/actuator/health", null);
    assertThat(anonymousHealth.status()).isEqualTo(200);
    JsonNode summary = JSON.readTree(anonymousHealth.body());
    assertThat(summary.get("status").asString()).isEqualTo("UP");
    assertThat(summary.has("components")).as(anonymousHealth.body()).isFalse();
    Response adminHealth = http.send("GET", "/actuator/health", null, ADMIN);
    assertThat(JSON.readTree(adminHealth.body()).has("components")).as(adminHealth.body()).isTrue();

    assertProblem("metrics without a key", http.send("GET", "/actuator/metrics", null), 401);
    assertProblem("metrics for an operator key", http.send("GET", "/actuator/metrics", null, "Authorization",
        "Bearer " + SecurityApiTest.OPERATOR), 403);
    assertThat(http.send("GET", "/actuator/metrics", null, ADMIN).status()).isEqualTo(200);
  }
}
