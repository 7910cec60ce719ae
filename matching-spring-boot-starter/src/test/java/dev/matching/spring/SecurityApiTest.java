package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spring.HttpCalls.Reply;
import dev.matching.spring.security.ApiKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The API with security on, over real HTTP: every endpoint against every kind of caller, the
 * employer check of job writes, 401/403 problem answers, security headers, CORS, hostile input,
 * and maintenance mode.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.schedule-enabled=false", "matching.batch.poll-interval=1h",
        "matching.security.enabled=true",
        "matching.security.keys[0].name=ops-admin", "matching.security.keys[0].role=admin",
        "matching.security.keys[0].hash=" + SecurityApiTest.ADMIN_HASH,
        "matching.security.keys[1].name=back-office", "matching.security.keys[1].role=operator",
        "matching.security.keys[1].hash=" + SecurityApiTest.OPERATOR_HASH,
        "matching.security.keys[2].name=acme-app", "matching.security.keys[2].role=client",
        "matching.security.keys[2].employer-id=acme",
        "matching.security.keys[2].hash=" + SecurityApiTest.CLIENT_HASH,
        "matching.security.requests-per-minute.client=100000",
        "matching.security.requests-per-minute.operator=100000",
        "matching.security.requests-per-minute.admin=100000",
        "matching.web.cors.allowed-origins=https://app.example.com"})
@Timeout(120)
class SecurityApiTest {
  static final String ADMIN = "test-admin-key-0123456789";
  static final String OPERATOR = "test-operator-key-0123456789";
  static final String CLIENT = "test-client-key-0123456789";
  // sha256 of the keys above (checked by keysMatchTheirHashes)
  static final String ADMIN_HASH = "sha256:82007d29a6e0686708f2ef128b4d5d2225286cb76e82f74b09324d61ec36f968";
  static final String OPERATOR_HASH = "sha256:b091e67a88e6506a11c2316a09b75ce65d1301073f854665ca56bc324097c852";
  static final String CLIENT_HASH = "sha256:11f205b10b6d014fa9270b2aeedb391dfe4ca3a8af674b976a4c9a5a1d4bee79";

  /** The callers of the matrix: no key, then the three roles. */
  private static final Map<String, String> CALLERS = new LinkedHashMap<>();

  static {
    CALLERS.put("none", null);
    CALLERS.put("client", CLIENT);
    CALLERS.put("operator", OPERATOR);
    CALLERS.put("admin", ADMIN);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  ApplicationAvailability availability;

  private HttpCalls calls;

  private static String job(String employer) {
    return """
        {"employer_id":"%s","title":"Cashier","location":{"lat":35.681,"lng":139.767},
         "required_skills":[{"skill":"cashier","min_level":2}],
         "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1300},"headcount":2}
        """.formatted(employer);
  }

  private static final String WORKER = """
      {"home":{"lat":35.69,"lng":139.70},"max_travel_km":15,"skills":{"cashier":3},
       "availability":{"zone":"Asia/Tokyo","weekly":[{"day":"MONDAY","start":"20:00","end":"08:00"}]},
       "desired_pay":{"min_hourly":1200,"hard":false}}
      """;

  @BeforeEach
  void seed() throws Exception {
    calls = new HttpCalls(port);
    calls.send("POST", "/api/v1/admin/maintenance", "{\"enabled\":false}", ADMIN);
    for (String caller : CALLERS.keySet()) {
      assertThat(calls.send("PUT", "/api/v1/jobs/acme-" + caller, job("acme"), ADMIN).status()).isIn(200, 201);
      assertThat(calls.send("PUT", "/api/v1/jobs/other-" + caller, job("other"), ADMIN).status()).isIn(200, 201);
      assertThat(calls.send("PUT", "/api/v1/workers/w-" + caller, WORKER, ADMIN).status()).isIn(200, 201);
    }
  }

  @Test
  void keysMatchTheirHashes() {
    assertThat(ApiKeys.hash(ADMIN)).isEqualTo(ADMIN_HASH);
    assertThat(ApiKeys.hash(OPERATOR)).isEqualTo(OPERATOR_HASH);
    assertThat(ApiKeys.hash(CLIENT)).isEqualTo(CLIENT_HASH);
  }

  /** One endpoint and the status each caller (none, client, operator, admin) gets. */
  private record Row(String method, String path, String body, int none, int client, int operator, int admin) {
    int expected(String caller) {
      return switch (caller) {
        case "none" -> none;
        case "client" -> client;
        case "operator" -> operator;
        default -> admin;
      };
    }
  }

  @Test
  void everyEndpointAgainstEveryCaller() throws Exception {
    List<Row> rows = List.of(
        new Row("GET", "/api/v1/jobs?limit=5", null, 401, 200, 200, 200),
        new Row("GET", "/api/v1/jobs/acme-{caller}", null, 401, 200, 200, 200),
        new Row("PUT", "/api/v1/jobs/acme-{caller}", job("acme"), 401, 200, 200, 200),
        new Row("PUT", "/api/v1/jobs/other-{caller}", job("other"), 401, 403, 200, 200),
        new Row("PUT", "/api/v1/jobs/other-{caller}", job("acme"), 401, 403, 200, 200),
        new Row("PUT", "/api/v1/jobs/acme-{caller}", job("other"), 401, 403, 200, 200),
        new Row("PUT", "/api/v1/jobs/fresh-other-{caller}", job("other"), 401, 403, 201, 201),
        new Row("DELETE", "/api/v1/jobs/other-{caller}", null, 401, 403, 204, 204),
        new Row("DELETE", "/api/v1/jobs/acme-{caller}", null, 401, 204, 204, 204),
        new Row("POST", "/api/v1/jobs/bulk", "[]", 401, 403, 200, 200),
        new Row("GET", "/api/v1/workers?limit=5", null, 401, 403, 200, 200),
        new Row("GET", "/api/v1/workers/w-{caller}", null, 401, 403, 200, 200),
        new Row("PUT", "/api/v1/workers/w-{caller}", WORKER, 401, 403, 200, 200),
        new Row("POST", "/api/v1/workers/bulk", "[]", 401, 403, 200, 200),
        new Row("DELETE", "/api/v1/workers/w-{caller}", null, 401, 403, 204, 204),
        new Row("GET", "/api/v1/jobs/other-none/matches", null, 401, 200, 200, 200),
        new Row("GET", "/api/v1/workers/w-none/matches", null, 401, 200, 200, 200),
        new Row("GET", "/api/v1/workers/w-none/explain/other-none", null, 401, 200, 200, 200),
        new Row("POST", "/api/v1/search/jobs", WORKER, 401, 200, 200, 200),
        new Row("POST", "/api/v1/search/workers", job("acme"), 401, 200, 200, 200),
        new Row("GET", "/api/v1/workers/w-none/recommendations", null, 401, 404, 404, 404),
        new Row("GET", "/api/v1/jobs/other-none/recommendations", null, 401, 404, 404, 404),
        new Row("GET", "/api/v1/batch/status", null, 401, 403, 200, 200),
        new Row("GET", "/api/v1/batch/status/run-missing", null, 401, 403, 404, 404),
        new Row("POST", "/api/v1/batch/retry/run-missing", null, 401, 403, 404, 404),
        new Row("POST", "/api/v1/batch/cancel/run-missing", null, 401, 403, 404, 404),
        new Row("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"weekly\"}", 401, 403, 400, 400),
        new Row("GET", "/api/v1/admin/maintenance", null, 401, 403, 403, 200),
        new Row("POST", "/api/v1/admin/maintenance", "{\"enabled\":false}", 401, 403, 403, 200),
        new Row("GET", "/api/v1/admin/system-info", null, 401, 403, 403, 200),
        new Row("DELETE", "/api/v1/admin/workers/nobody/personal-data", null, 401, 403, 403, 200),
        new Row("POST", "/api/v1/admin/retention/run", null, 401, 403, 403, 200),
        new Row("POST", "/api/v1/admin/integrity-check", null, 401, 403, 403, 200),
        new Row("GET", "/health", null, 200, 200, 200, 200));
    List<String> mismatches = new ArrayList<>();
    for (Row row : rows) {
      for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
        String path = row.path().replace("{caller}", caller.getKey());
        Reply reply = calls.send(row.method(), path, row.body(), caller.getValue());
        if (reply.status() != row.expected(caller.getKey())) {
          mismatches.add(row.method() + " " + path + " as " + caller.getKey() + ": expected "
              + row.expected(caller.getKey()) + ", got " + reply.status() + " " + reply.raw().body());
        }
        if (reply.status() >= 400) {
          assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void refusalsAreProblemsWithAChallenge() throws Exception {
    try (LogCapture security = LogCapture.of("matching.security"); LogCapture audit = LogCapture.of("matching.audit");
        LogCapture everything = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
    Reply missing = calls.send("GET", "/api/v1/jobs/acme-none", null, null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(missing.body().get("type").asString()).endsWith("/unauthorized");

    Reply wrong = calls.send("GET", "/api/v1/jobs/acme-none", null, "not-a-key");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("WWW-Authenticate")).contains("invalid_token");

    Reply basic = calls.send("GET", "/api/v1/jobs/acme-none", null, null, "Authorization", "Basic YWRtaW46YWRtaW4=");
    assertThat(basic.status()).isEqualTo(401);

    // RFC 9110: the scheme is case-insensitive and may be followed by several spaces
    for (String spelling : List.of("Bearer  %s", "bearer %s", "BEARER %s", "Bearer %s ")) {
      assertThat(calls.send("GET", "/api/v1/jobs/other-none", null, null, "Authorization",
          spelling.formatted(CLIENT)).status()).as(spelling).isEqualTo(200);
    }

    Reply foreign = calls.send("DELETE", "/api/v1/jobs/other-none", null, CLIENT);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.body().get("detail").asString()).contains("another employer");
    assertThat(calls.send("GET", "/api/v1/jobs/other-none", null, CLIENT).status()).isEqualTo(200);

    assertThat(security.text()).contains("SECURITY authentication_failed reason=missing")
        .contains("SECURITY authentication_failed reason=unknown")
        .contains("SECURITY access_denied reason=employer key=acme-app role=client method=DELETE");
    // the audit line is written once the response is complete, which the client may see first
    assertThat(audit.await("status=403", java.time.Duration.ofSeconds(10)))
        .contains("AUDIT write actor=acme-app(client) method=DELETE path=/api/v1/jobs/other-none status=403");
    assertThat(everything.text()).doesNotContain("not-a-key");
    }
  }

  @Test
  void retentionAndIntegrityCheckAnswerTheirReports() throws Exception {
    Reply retention = calls.send("POST", "/api/v1/admin/retention/run", null, ADMIN);
    assertThat(retention.status()).isEqualTo(200);
    assertThat(retention.body().get("workers").get("erased").asLong()).as("seeded just now").isZero();
    assertThat(java.time.Instant.parse(retention.body().get("workers").get("cutoff").asString()))
        .isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1094)));
    assertThat(retention.body().get("match_lists").get("cutoff").isNull()).isFalse();

    Reply check = calls.send("POST", "/api/v1/admin/integrity-check", null, ADMIN);
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.body().get("clean").asBoolean()).as(check.raw().body()).isTrue();
    assertThat(check.body().get("checked").get("workers").asLong()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void erasureAndMaintenanceAreAudited() throws Exception {
    try (LogCapture audit = LogCapture.of("matching.audit")) {
    assertThat(calls.send("GET", "/api/v1/jobs/acme-none/matches?limit=100", null, ADMIN).body().get("matches")
        .findValuesAsString("id")).contains("w-admin");
    Reply erased = calls.send("DELETE", "/api/v1/admin/workers/w-admin/personal-data", null, ADMIN);
    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.body().get("worker_removed").asBoolean()).isTrue();
    assertThat(calls.send("GET", "/api/v1/workers/w-admin", null, ADMIN).status()).isEqualTo(404);
    assertThat(calls.send("GET", "/api/v1/jobs/acme-none/matches?limit=100", null, ADMIN).body().get("matches")
        .findValuesAsString("id")).doesNotContain("w-admin");
    calls.send("POST", "/api/v1/admin/maintenance", "{\"enabled\":false}", ADMIN);
    assertThat(audit.text()).contains("AUDIT erasure actor=ops-admin(admin) worker=w-admin worker_removed=true")
        .contains("AUDIT maintenance actor=ops-admin(admin) enabled=false");
    }
  }

  @Test
  void responsesCarrySecurityHeadersAndCorsForAllowedOrigins() throws Exception {
    Reply reply = calls.send("GET", "/api/v1/jobs/acme-none", null, CLIENT, "Origin", "https://app.example.com");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");

    Reply preflight = calls.send("OPTIONS", "/api/v1/jobs/acme-none", null, null, "Origin", "https://app.example.com",
        "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type");
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT");

    Reply foreignOrigin = calls.send("OPTIONS", "/api/v1/jobs/acme-none", null, null, "Origin", "https://evil.example",
        "Access-Control-Request-Method", "PUT");
    assertThat(foreignOrigin.status()).isEqualTo(403);
  }

  @Test
  void hostileInputIsStoredAndReturnedVerbatimNeverA500() throws Exception {
    String sql = "'; DROP TABLE jobs; -- \" OR 1=1";
    String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String body = """
        {"employer_id":"acme","title":%s,"location":{"lat":35.681,"lng":139.767},
         "required_skills":[{"skill":%s,"min_level":1}],
         "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1300}}
        """.formatted(quote(sql + script), quote(script));
    assertThat(calls.send("PUT", "/api/v1/jobs/hostile", body, CLIENT).status()).isIn(200, 201);
    Reply read = calls.send("GET", "/api/v1/jobs/hostile", null, CLIENT);
    assertThat(read.body().get("title").asString()).isEqualTo(sql + script);
    assertThat(read.body().get("required_skills").get(0).get("skill").asString()).isEqualTo(script);
    assertThat(read.header("Content-Type")).startsWith("application/json");

    List<String> hostilePaths = List.of(
        "/api/v1/jobs/%27%20OR%201%3D1%20--", "/api/v1/jobs/%3Cscript%3E",
        "/api/v1/workers/w-none/matches?skill=%27%20OR%201%3D1%20--&employer_id=%3Cscript%3E",
        "/api/v1/jobs?after=%27%3B%20DROP%20TABLE%20jobs%3B%20--&limit=5",
        "/api/v1/workers/w-none/matches?limit=%27",
        "/api/v1/workers/w-none/explain/%3Cimg%20src%3Dx%3E");
    for (String path : hostilePaths) {
      Reply reply = calls.send("GET", path, null, OPERATOR);
      assertThat(reply.status()).as(path).isIn(200, 400, 404);
      assertNeverRenderedAsHtml(path, reply);
    }
    Reply traversal = calls.send("GET", "/api/v1/jobs/..%2F..%2Fetc%2Fpasswd", null, OPERATOR);
    assertThat(traversal.status()).as("encoded slashes are refused by the server itself").isEqualTo(400);
    assertThat(traversal.raw().body()).doesNotContain("passwd");
    Reply scriptId = calls.send("PUT", "/api/v1/jobs/%3Cscript%3E", job("acme"), CLIENT);
    assertThat(scriptId.status()).isIn(200, 201);
    assertNeverRenderedAsHtml("PUT <script>", scriptId);
    assertThat(calls.send("GET", "/api/v1/jobs/%3Cscript%3E", null, CLIENT).body().get("id").asString())
        .isEqualTo("<script>");
  }

  /** Echoed input is harmless as long as it is JSON a browser may not sniff as HTML. */
  private static void assertNeverRenderedAsHtml(String what, Reply reply) {
    assertThat(reply.header("Content-Type")).as(what).matches("application/(problem\\+)?json.*");
    assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(reply.raw().body()).as(what).doesNotContain("Exception");
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void maintenanceRefusesWritesKeepsReadsAndRefusesTraffic() throws Exception {
    Reply on = calls.send("POST", "/api/v1/admin/maintenance", "{\"enabled\":true}", ADMIN);
    assertThat(on.status()).isEqualTo(200);
    assertThat(on.body().get("enabled").asBoolean()).isTrue();
    assertThat(on.body().get("changed_by").asString()).contains("ops-admin");
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

    Reply write = calls.send("PUT", "/api/v1/jobs/acme-none", job("acme"), CLIENT);
    assertThat(write.status()).isEqualTo(503);
    assertThat(write.header("Retry-After")).isEqualTo("300");
    assertThat(write.body().get("type").asString()).endsWith("/maintenance");
    assertThat(calls.send("DELETE", "/api/v1/jobs/acme-none", null, ADMIN).status()).isEqualTo(503);
    assertThat(calls.send("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}", OPERATOR).status())
        .isEqualTo(503);
    assertThat(calls.send("GET", "/api/v1/jobs/acme-none", null, CLIENT).status()).isEqualTo(200);
    assertThat(calls.send("POST", "/api/v1/search/jobs", WORKER, CLIENT).status()).isEqualTo(200);
    assertThat(calls.send("GET", "/api/v1/admin/maintenance", null, ADMIN).body().get("enabled").asBoolean()).isTrue();
    assertThat(calls.send("GET", "/health", null, null).body().get("maintenance").asBoolean()).isTrue();

    assertThat(calls.send("POST", "/api/v1/admin/maintenance", "{\"enabled\":false}", ADMIN).status()).isEqualTo(200);
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    assertThat(calls.send("PUT", "/api/v1/jobs/acme-none", job("acme"), CLIENT).status()).isEqualTo(200);
    assertThat(calls.send("POST", "/api/v1/admin/maintenance", "{}", ADMIN).status()).isEqualTo(400);
  }

  @Test
  void batchRunsRecordTheCallingKey() throws Exception {
    Reply triggered = calls.send("POST", "/api/v1/batch/trigger", "{\"batch_type\":\"daily_matching\"}", OPERATOR);
    assertThat(triggered.status()).isEqualTo(202);
    assertThat(triggered.body().get("triggered_by").asString()).isEqualTo("back-office");
    String id = triggered.body().get("batch_id").asString();
    assertThat(calls.send("POST", "/api/v1/batch/cancel/" + id, null, OPERATOR).status()).isEqualTo(200);
  }

  @Test
  void systemInfoReportsVersionUptimeIndexesAndBatch() throws Exception {
    Reply info = calls.send("GET", "/api/v1/admin/system-info", null, ADMIN);
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.body().get("version").asString()).isNotBlank();
    assertThat(info.body().get("uptime_seconds").asLong()).isNotNegative();
    assertThat(info.body().get("index").get("jobs").asInt()).isPositive();
    assertThat(info.body().has("last_batch_run")).isTrue();
    assertThat(info.body().has("database")).isFalse();
  }
}
