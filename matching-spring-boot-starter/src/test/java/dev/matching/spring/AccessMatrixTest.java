package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.model.Job;
import dev.matching.model.Shift;
import dev.matching.model.Worker;
import dev.matching.spi.Versioned;
import dev.matching.spring.RawHttp.Response;
import dev.matching.spring.ops.MaintenanceMode;
import dev.matching.spring.security.ApiKeys;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The access rules from outside, generated: every route of the application's own route table
 * (the API, the error page, health, the actuator), every kind of caller, and many spellings of
 * each path, sent byte for byte. The expected least role of each route is this test's own table,
 * so a route without an entry (a new endpoint nobody decided on) fails it, and so does an entry
 * for a route that no longer exists.
 *
 * <p>Oracle: a spelling the firewall must refuse is 400 for everyone; a spelling that routes like
 * the canonical path gets the canonical decision (401 without a valid key, 403 below the route's
 * role or for another employer's job, otherwise reaches the application); a spelling that is no
 * route is never 2xx (unless the route is public: the actuator serves {@code /actuator/health/}).
 * Every error is problem+json with the security headers and no class name,
 * and every refused request leaves the stores, maintenance mode and the batch runs unchanged.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.schedule-enabled=false", "matching.batch.poll-interval=1h",
        "matching.security.enabled=true", "matching.security.failed-authentications-per-minute=0",
        "matching.security.requests-per-minute.client=0", "matching.security.requests-per-minute.operator=0",
        "matching.security.requests-per-minute.admin=0",
        "management.endpoints.web.exposure.include=health,info,metrics",
        "management.endpoint.health.probes.enabled=true",
        "management.endpoint.health.show-details=when-authorized", "management.endpoint.health.roles=ADMIN"})
@Timeout(600)
class AccessMatrixTest {
  private static final String ADMIN = "matrix-admin-key-0123456789";
  private static final String OPERATOR = "matrix-operator-key-0123456789";
  private static final String CLIENT_A = "matrix-client-acme-key-0123456789";
  private static final String CLIENT_B = "matrix-client-globex-key-0123456789";
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Pattern INTERNALS = Pattern.compile(
      "(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.apache|dev\\.matching)\\.[a-z]"
          + "|Exception|\\tat |(?i:\\b(select|insert into|delete from|on conflict)\\b)");

  /** Who calls. */
  enum Caller {
    NONE, MALFORMED, UNKNOWN, CLIENT_A, CLIENT_B, OPERATOR, ADMIN;

    String[] headers() {
      return switch (this) {
        case NONE -> new String[0];
        case MALFORMED -> new String[] {"Authorization", "Token " + CLIENT_A};
        case UNKNOWN -> new String[] {"Authorization", "Bearer not-a-key-0123456789"};
        case CLIENT_A -> new String[] {"Authorization", "Bearer " + AccessMatrixTest.CLIENT_A};
        case CLIENT_B -> new String[] {"Authorization", "Bearer " + AccessMatrixTest.CLIENT_B};
        case OPERATOR -> new String[] {"Authorization", "Bearer " + AccessMatrixTest.OPERATOR};
        case ADMIN -> new String[] {"Authorization", "Bearer " + AccessMatrixTest.ADMIN};
      };
    }

    /** The caller's role: 0 none, 1 client, 2 operator, 3 admin. */
    int rank() {
      return switch (this) {
        case NONE, MALFORMED, UNKNOWN -> 0;
        case CLIENT_A, CLIENT_B -> 1;
        case OPERATOR -> 2;
        case ADMIN -> 3;
      };
    }
  }

  /** The least caller of a route; OWN_JOB: clients of the job's employer only (job-a is acme's). */
  enum Access { PUBLIC, CLIENT, OWN_JOB, OPERATOR, ADMIN }

  /** How a spelling must be treated. */
  enum Kind { SAME, REFUSED, NOT_A_ROUTE }

  record Spelling(String name, String target, Kind kind) {}

  /** The decided least access of every route, "METHOD pattern" as the route table names it. */
  private static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

  static {
    expect(Access.CLIENT, "GET /api/v1/jobs", "GET /api/v1/jobs/{id}", "GET /api/v1/jobs/{id}/matches",
        "GET /api/v1/jobs/{id}/recommendations", "GET /api/v1/workers/{id}/matches",
        "GET /api/v1/workers/{id}/recommendations", "GET /api/v1/workers/{workerId}/explain/{jobId}",
        "POST /api/v1/search/jobs", "POST /api/v1/search/workers");
    expect(Access.OWN_JOB, "PUT /api/v1/jobs/{id}", "DELETE /api/v1/jobs/{id}");
    expect(Access.OPERATOR, "POST /api/v1/jobs/bulk", "POST /api/v1/workers/bulk", "GET /api/v1/workers",
        "GET /api/v1/workers/{id}", "PUT /api/v1/workers/{id}", "DELETE /api/v1/workers/{id}",
        "POST /api/v1/batch/trigger", "GET /api/v1/batch/status", "GET /api/v1/batch/status/{id}",
        "POST /api/v1/batch/retry/{id}", "POST /api/v1/batch/cancel/{id}");
    expect(Access.ADMIN, "GET /api/v1/admin/maintenance", "POST /api/v1/admin/maintenance",
        "GET /api/v1/admin/system-info", "DELETE /api/v1/admin/workers/{id}/personal-data",
        "POST /api/v1/admin/retention/run", "POST /api/v1/admin/integrity-check",
        "GET /actuator", "GET /actuator/info", "GET /actuator/metrics", "GET /actuator/metrics/{requiredMetricName}");
    expect(Access.PUBLIC, "GET /health", "GET /error", "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /actuator/health", "GET /actuator/health/**");
  }

  private static void expect(Access access, String... routes) {
    for (String route : routes) {
      EXPECTED.put(route, access);
    }
  }

  @DynamicPropertySource
  static void keys(DynamicPropertyRegistry registry) {
    String[][] keys = {{"admin", "admin", null, ADMIN}, {"operator", "operator", null, OPERATOR},
        {"acme-app", "client", "acme", CLIENT_A}, {"globex-app", "client", "globex", CLIENT_B}};
    for (int i = 0; i < keys.length; i++) {
      String[] key = keys[i];
      registry.add("matching.security.keys[" + i + "].name", () -> key[0]);
      registry.add("matching.security.keys[" + i + "].role", () -> key[1]);
      if (key[2] != null) {
        registry.add("matching.security.keys[" + i + "].employer-id", () -> key[2]);
      }
      registry.add("matching.security.keys[" + i + "].hash", () -> ApiKeys.hash(key[3]));
    }
  }

  @Value("${local.server.port}")
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  MatchingEngine engine;
  @Autowired
  MaintenanceMode maintenance;
  @Autowired
  MatchingBatch batch;

  private RawHttp http;

  @BeforeEach
  void seed() {
    http = new RawHttp(port);
    reset();
  }

  /** job-a (acme), job-b (globex), w-1: created again if a permitted call removed them. */
  private void reset() {
    maintenance.set(false, "test");
    for (Versioned<Job> job : engine.jobStore().list(null, 1_000)) {
      if (!Set.of("job-a", "job-b").contains(job.value().id())) {
        engine.removeJob(job.value().id());
      }
    }
    for (Versioned<Worker> worker : engine.workerStore().list(null, 1_000)) {
      if (!worker.value().id().equals("w-1")) {
        engine.removeWorker(worker.value().id());
      }
    }
    if (engine.jobStore().find("job-a").isEmpty()) {
      engine.upsertJob(job("job-a", "acme"));
    }
    if (engine.jobStore().find("job-b").isEmpty()) {
      engine.upsertJob(job("job-b", "globex"));
    }
    if (engine.workerStore().find("w-1").isEmpty()) {
      engine.upsertWorker(Worker.builder("w-1").home(35.69, 139.70).maxTravelKm(15).skill("cashier", 3).build());
    }
  }

  private static Job job(String id, String employer) {
    return Job.builder(id).employerId(employer).location(35.681, 139.767).require("cashier", 2)
        .shift(Shift.of(LocalDate.of(2030, 1, 7), LocalTime.of(22, 0), LocalTime.of(6, 0), TOKYO))
        .hourlyPay(1_300).build();
  }

  /** What a refused request must not change. */
  private String fingerprint() {
    String jobs = engine.jobStore().list(null, 1_000).stream().map(v -> v.value().id() + "@" + v.version())
        .collect(Collectors.joining(","));
    String workers = engine.workerStore().list(null, 1_000).stream().map(v -> v.value().id() + "@" + v.version())
        .collect(Collectors.joining(","));
    return jobs + "|" + workers + "|maintenance=" + maintenance.isEnabled() + "|runs="
        + batch.runs(null, 100).size();
  }

  @Test
  void everyRouteHasADecidedRuleAndEveryRuleARoute() {
    Set<String> undecided = new TreeSet<>(routeTable());
    undecided.removeAll(EXPECTED.keySet());
    Set<String> gone = new TreeSet<>(EXPECTED.keySet());
    gone.removeAll(routeTable());
    assertThat(undecided).as("routes without a decided rule in this test").isEmpty();
    assertThat(gone).as("rules for routes that do not exist").isEmpty();
  }

  @Test
  void everyRouteEveryCallerEverySpelling() throws Exception {
    List<String> failures = new ArrayList<>();
    Map<Kind, Integer> requests = new EnumMap<>(Kind.class);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (String route : new TreeSet<>(routeTable())) {
      String path = concrete(route.substring(route.indexOf(' ') + 1));
      for (Spelling spelling : spellings(path)) {
       for (String method : methodsFor(route, spelling)) {
        for (Caller caller : Caller.values()) {
          String before = fingerprint();
          Response response = http.send(method, spelling.target(), body(route), caller.headers());
          requests.merge(spelling.kind(), 1, Integer::sum);
          statuses.merge(response.status(), 1, Integer::sum);
          String what = method + " " + route + " as " + spelling.name() + " (" + spelling.target() + ") by " + caller + ": "
              + response;
          Access access = EXPECTED.get(route);
          if (access == Access.OWN_JOB && !route.startsWith(method + " ")) {
            access = Access.CLIENT; // OPTIONS writes nothing: the employer check is for the writes
          }
          String problem = judge(access, spelling.kind(), caller, route, response);
          if (problem != null && !method.equals(route.substring(0, route.indexOf(' '))) && response.status() == 405
              && caller.rank() > 0) {
            problem = null; // a permitted caller may learn that the route does not serve the method
          }
          if (problem != null) {
            failures.add(what + ": " + problem);
          }
          boolean refused = response.status() >= 400;
          if (refused && !fingerprint().equals(before)) {
            failures.add(what + ": a refused request changed state");
          }
          if (!refused && !method.equals("GET")) {
            reset();
          }
        }
       }
      }
    }
    System.out.println("access matrix: " + requests + " requests by spelling kind, statuses " + statuses);
    assertThat(failures).isEmpty();
    assertThat(requests.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(3_000);
  }

  /**
   * The route's own method on every spelling; on the canonical spelling also HEAD (for GET
   * routes, which Spring MVC serves) and OPTIONS, which the rules must treat like the route's
   * method: they name paths, not methods.
   */
  private static List<String> methodsFor(String route, Spelling spelling) {
    String method = route.substring(0, route.indexOf(' '));
    if (!spelling.name().equals("canonical")) {
      return List.of(method);
    }
    return method.equals("GET") ? List.of("GET", "HEAD", "OPTIONS") : List.of(method, "OPTIONS");
  }

  /** Why {@code response} is wrong, or null. */
  private static String judge(Access access, Kind kind, Caller caller, String route, Response response) {
    int status = response.status();
    if (status >= 500) {
      return "a server error";
    }
    if (status >= 400) {
      if (!response.header("content-type").startsWith("application/problem+json")) {
        return "an error that is not problem+json";
      }
      if (!response.header("x-content-type-options").equals("nosniff")) {
        return "an error without the security headers";
      }
      if (INTERNALS.matcher(response.body()).find()) {
        return "an error that names internals";
      }
    }
    return switch (kind) {
      case REFUSED -> status == 400 ? null : "expected 400 from the firewall";
      case NOT_A_ROUTE -> status >= 400 || access == Access.PUBLIC ? null
          : "expected a refusal for a path that is no route";
      case SAME -> same(access, caller, route, status);
    };
  }

  private static String same(Access access, Caller caller, String route, int status) {
    if (access == Access.PUBLIC) {
      boolean badKey = caller == Caller.MALFORMED || caller == Caller.UNKNOWN;
      return status == 403 || status == 401 && !badKey ? "a public route refused" : null;
    }
    if (caller.rank() == 0) {
      return status == 401 ? null : "expected 401 without a valid key";
    }
    int needed = switch (access) {
      case CLIENT, OWN_JOB -> 1;
      case OPERATOR -> 2;
      case ADMIN -> 3;
      case PUBLIC -> 0;
    };
    if (caller.rank() < needed) {
      return status == 403 ? null : "expected 403 below the route's role";
    }
    if (access == Access.OWN_JOB && caller == Caller.CLIENT_B) {
      return status == 403 ? null : "expected 403 for another employer's job";
    }
    return status == 401 || status == 403 ? "refused a caller with the route's role" : null;
  }

  /** Every "METHOD pattern" of every request-mapping handler mapping of the application. */
  private Set<String> routeTable() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
        .values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            routes.add("GET " + pattern);
          }
          for (RequestMethod method : methods) {
            routes.add(method.name() + " " + pattern);
          }
        }
      }
    }
    return routes;
  }

  /** A path of the pattern with ids of the seeded data (job-a is acme's, w-1 a stored worker). */
  private static String concrete(String pattern) {
    String path = pattern.replace("{workerId}", "w-1").replace("{jobId}", "job-a")
        .replace("{requiredMetricName}", "jvm.threads.live").replace("**", "liveness");
    if (path.startsWith("/api/v1/jobs/")) {
      path = path.replace("{id}", "job-a");
    } else if (path.startsWith("/api/v1/batch/")) {
      path = path.replace("{id}", "run-missing");
    }
    return path.replace("{id}", "w-1");
  }

  /** A body the route would accept from a permitted caller (so that a refusal is the rules' doing). */
  private static String body(String route) {
    String job = """
        {"employer_id":"acme","title":"Cashier","location":{"lat":35.681,"lng":139.767},
         "required_skills":[{"skill":"cashier","min_level":2}],
         "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1400}}""";
    String worker = """
        {"home":{"lat":35.69,"lng":139.70},"max_travel_km":12,"skills":{"cashier":4}}""";
    return switch (route) {
      case "PUT /api/v1/jobs/{id}", "POST /api/v1/search/workers" -> job;
      case "PUT /api/v1/workers/{id}", "POST /api/v1/search/jobs" -> worker;
      case "POST /api/v1/jobs/bulk" -> "[" + job.replace("{\"employer_id\"", "{\"id\":\"job-new\",\"employer_id\"") + "]";
      case "POST /api/v1/workers/bulk" -> "[" + worker.replace("{\"home\"", "{\"id\":\"w-new\",\"home\"") + "]";
      case "POST /api/v1/batch/trigger" -> "{\"batch_type\":\"daily_matching\"}";
      case "POST /api/v1/admin/maintenance" -> "{\"enabled\":true}";
      default -> null;
    };
  }

  /** The spellings of {@code path} a hostile client might try. */
  static List<Spelling> spellings(String path) {
    List<Spelling> out = new ArrayList<>();
    String[] segments = path.substring(1).split("/");
    out.add(new Spelling("canonical", path, Kind.SAME));
    out.add(new Spelling("letters %xx", encodeLetters(path, -1, false), Kind.SAME));
    out.add(new Spelling("letters %XX", encodeLetters(path, -1, true), Kind.SAME));
    for (int i = 0; i < segments.length; i++) {
      out.add(new Spelling("first letter %xx of segment " + i, encodeLetters(path, i, i % 2 == 0), Kind.SAME));
      out.add(new Spelling(";x on segment " + i, join(segments, i, segments[i] + ";x"), Kind.REFUSED));
      out.add(new Spelling("%00 in segment " + i, join(segments, i, segments[i] + "%00"), Kind.REFUSED));
      out.add(new Spelling("%5C in segment " + i, join(segments, i, segments[i] + (i % 2 == 0 ? "%5C" : "%5c")),
          Kind.REFUSED));
      out.add(new Spelling("%25 in segment " + i, join(segments, i, "%25" + hex(segments[i].charAt(0), false)
          + segments[i].substring(1)), Kind.REFUSED));
    }
    out.add(new Spelling("leading //", "/" + path, Kind.REFUSED));
    out.add(new Spelling("/./", "/." + path, Kind.REFUSED));
    out.add(new Spelling("/%2e/", "/%2e" + path, Kind.REFUSED));
    out.add(new Spelling("/%2e%2e/", "/" + segments[0] + "/%2e%2e" + path, Kind.REFUSED));
    out.add(new Spelling("/%2E%2E/", "/" + segments[0] + "/%2E%2E" + path, Kind.REFUSED));
    out.add(new Spelling("/../", "/" + segments[0] + "/.." + path, Kind.REFUSED));
    if (segments.length > 1) {
      out.add(new Spelling("inner //", "/" + segments[0] + "/" + path.substring(segments[0].length() + 1),
          Kind.REFUSED));
      out.add(new Spelling("%2F for /", "/" + segments[0] + "%2F" + path.substring(segments[0].length() + 2),
          Kind.REFUSED));
      out.add(new Spelling("%2f for /", "/" + segments[0] + "%2f" + path.substring(segments[0].length() + 2),
          Kind.REFUSED));
    }
    out.add(new Spelling("trailing /", path + "/", Kind.NOT_A_ROUTE));
    out.add(new Spelling("upper-case first segment", "/" + segments[0].toUpperCase(Locale.ROOT)
        + path.substring(segments[0].length() + 1), Kind.NOT_A_ROUTE));
    return out;
  }

  private static String join(String[] segments, int replaced, String replacement) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      out.append('/').append(i == replaced ? replacement : segments[i]);
    }
    return out.toString();
  }

  /** {@code path} with every letter (segment -1) or the first letter of one segment percent-encoded. */
  private static String encodeLetters(String path, int segment, boolean upper) {
    StringBuilder out = new StringBuilder();
    int current = -1;
    boolean firstDone = false;
    for (char c : path.toCharArray()) {
      if (c == '/') {
        current++;
        firstDone = false;
        out.append(c);
      } else if (Character.isLetter(c) && c < 128 && (segment < 0 || current == segment && !firstDone)) {
        out.append(hex(c, upper));
        firstDone = true;
      } else {
        if (current == segment) {
          firstDone = true;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String hex(char c, boolean upper) {
    String h = String.format("%%%02x", (int) c);
    return upper ? h.toUpperCase(Locale.ROOT) : h;
  }
}
