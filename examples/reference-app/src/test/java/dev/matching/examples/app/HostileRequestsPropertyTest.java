package dev.matching.examples.app;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.examples.app.RawHttp.Response;
import dev.matching.spring.ops.MaintenanceMode;
import dev.matching.spring.security.ApiKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Generated hostile HTTP requests against the running reference app, on both stores: the
 * in-memory default and the {@code postgres} profile (the server {@code MATCHING_TEST_PG_URL}
 * names, or an embedded PostgreSQL). Each request is sent byte for byte ({@link RawHttp}): a
 * route of the API (or the error page, health, the actuator, the API description, an unknown
 * path) with sample or generated ids, a hostile spelling of its path, any method, any caller,
 * known and unknown query parameters with good, wrong-typed and undecodable values, conditional
 * and odd content headers, and a valid body for the route, for another route, or a mutated one
 * (fields removed, wrong types, unknown fields, deep nesting, truncation, NUL and lone
 * surrogates, huge numbers, non-JSON).
 *
 * <p>What every response must satisfy:
 * <ol>
 *   <li>no 5xx (a 503 with {@code Retry-After} only while maintenance is on, which no generated
 *       request asks for: maintenance switched on is itself a failure);
 *   <li>an error ({@code >= 400}) is {@code application/problem+json} with
 *       {@code X-Content-Type-Options: nosniff}; no body names a Java or Jackson class or package,
 *       an exception, a stack frame or SQL (generated text cannot spell any of these);
 *   <li>a refused write (PUT, POST, DELETE, PATCH answered {@code >= 400}) changes nothing: the
 *       jobs and workers (ids at versions), the batch runs and maintenance mode, read from the
 *       engine's stores in memory and from the tables at the PostgreSQL server;
 *   <li>a request with the client key, or with no valid key, is never 2xx on an operator or admin
 *       route, and a request with no valid key never 2xx on a client route.
 * </ol>
 *
 * <p>The statuses seen are printed per store. With {@code -Dfuzz.survey=true} the properties
 * do not stop at the first failure: every distinct failure class (reason, status, method and
 * route) is printed once with its shortest request, for triage.
 */
class HostileRequestsPropertyTest {
  private static final String ADMIN = "fuzz-admin-key-0123456789";
  private static final String OPERATOR = "fuzz-operator-key-0123456789";
  private static final String CLIENT = "fuzz-client-acme-key-0123456789";
  private static final boolean SURVEY = Boolean.getBoolean("fuzz.survey");
  private static final int TRIES = 500;

  /** What no body may contain: class and package names, Jackson's wording, stack frames, SQL. */
  private static final Pattern INTERNALS = Pattern.compile(
      "(?:java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.apache|org\\.postgresql"
          + "|com\\.zaxxer|dev\\.matching)\\.[a-zA-Z]"
          + "|(?i:exception)|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\tat "
          + "|(?i:\\b(?:select |insert into|delete from|on conflict|update \\w+ set)\\b)"
          + "|\\b[A-Z]\\w*Json\\b|\\$[A-Z]\\w*|\\bEnum class\\b|\\b(?:START|END)_(?:OBJECT|ARRAY)\\b"
          + "|\\bVALUE_(?:STRING|NUMBER_INT|NUMBER_FLOAT|TRUE|FALSE|NULL|EMBEDDED_OBJECT)\\b|\\bFIELD_NAME\\b"
          + "|Cannot (?:deserialize|construct|coerce)|reference chain|\\bJsonToken\\b|\\bPSQLException\\b"
          + "|\\b(?:java\\.lang\\.)?(?:Integer|Long|Double|LinkedHashMap|ArrayList|LocalDateTime|LocalDate|LocalTime"
          + "|DayOfWeek|BigDecimal|BigInteger)\\b");

  /** Who may use a route: the least role, or nobody's route. */
  enum Role { PUBLIC, CLIENT, OPERATOR, ADMIN, UNKNOWN }

  /** What a route takes in its body. */
  enum BodyKind { NONE, JOB, WORKER, JOBS, WORKERS, TRIGGER, MAINTENANCE, EMPTY_OBJECT }

  /** A route: its path with {job}, {worker}, {run} and {any} placeholders. */
  record Route(String method, String template, Role role, BodyKind body) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private static final List<Route> ROUTES = List.of(
      new Route("GET", "/api/v1/jobs", Role.CLIENT, BodyKind.NONE),
      new Route("GET", "/api/v1/jobs/{job}", Role.CLIENT, BodyKind.NONE),
      new Route("PUT", "/api/v1/jobs/{job}", Role.CLIENT, BodyKind.JOB),
      new Route("DELETE", "/api/v1/jobs/{job}", Role.CLIENT, BodyKind.NONE),
      new Route("GET", "/api/v1/jobs/{job}/matches", Role.CLIENT, BodyKind.NONE),
      new Route("GET", "/api/v1/jobs/{job}/recommendations", Role.CLIENT, BodyKind.NONE),
      new Route("POST", "/api/v1/jobs/bulk", Role.OPERATOR, BodyKind.JOBS),
      new Route("GET", "/api/v1/workers", Role.OPERATOR, BodyKind.NONE),
      new Route("GET", "/api/v1/workers/{worker}", Role.OPERATOR, BodyKind.NONE),
      new Route("PUT", "/api/v1/workers/{worker}", Role.OPERATOR, BodyKind.WORKER),
      new Route("DELETE", "/api/v1/workers/{worker}", Role.OPERATOR, BodyKind.NONE),
      new Route("GET", "/api/v1/workers/{worker}/matches", Role.CLIENT, BodyKind.NONE),
      new Route("GET", "/api/v1/workers/{worker}/recommendations", Role.CLIENT, BodyKind.NONE),
      new Route("GET", "/api/v1/workers/{worker}/explain/{job}", Role.CLIENT, BodyKind.NONE),
      new Route("POST", "/api/v1/workers/bulk", Role.OPERATOR, BodyKind.WORKERS),
      new Route("POST", "/api/v1/search/jobs", Role.CLIENT, BodyKind.WORKER),
      new Route("POST", "/api/v1/search/workers", Role.CLIENT, BodyKind.JOB),
      new Route("POST", "/api/v1/batch/trigger", Role.OPERATOR, BodyKind.TRIGGER),
      new Route("GET", "/api/v1/batch/status", Role.OPERATOR, BodyKind.NONE),
      new Route("GET", "/api/v1/batch/status/{run}", Role.OPERATOR, BodyKind.NONE),
      new Route("POST", "/api/v1/batch/retry/{run}", Role.OPERATOR, BodyKind.NONE),
      new Route("POST", "/api/v1/batch/cancel/{run}", Role.OPERATOR, BodyKind.NONE),
      new Route("GET", "/api/v1/admin/maintenance", Role.ADMIN, BodyKind.NONE),
      new Route("POST", "/api/v1/admin/maintenance", Role.ADMIN, BodyKind.MAINTENANCE),
      new Route("GET", "/api/v1/admin/system-info", Role.ADMIN, BodyKind.NONE),
      new Route("DELETE", "/api/v1/admin/workers/{worker}/personal-data", Role.ADMIN, BodyKind.NONE),
      new Route("POST", "/api/v1/admin/retention/run", Role.ADMIN, BodyKind.NONE),
      new Route("POST", "/api/v1/admin/integrity-check", Role.ADMIN, BodyKind.EMPTY_OBJECT),
      new Route("GET", "/health", Role.PUBLIC, BodyKind.NONE),
      new Route("GET", "/error", Role.PUBLIC, BodyKind.NONE),
      new Route("GET", "/v3/api-docs", Role.PUBLIC, BodyKind.NONE),
      new Route("GET", "/actuator/health", Role.PUBLIC, BodyKind.NONE),
      new Route("GET", "/actuator/health/readiness", Role.PUBLIC, BodyKind.NONE),
      new Route("GET", "/actuator", Role.ADMIN, BodyKind.NONE),
      new Route("GET", "/actuator/info", Role.ADMIN, BodyKind.NONE),
      new Route("GET", "/actuator/metrics/jvm.threads.live", Role.ADMIN, BodyKind.NONE),
      new Route("GET", "/actuator/prometheus", Role.ADMIN, BodyKind.NONE),
      new Route("GET", "/api/v1/{any}", Role.UNKNOWN, BodyKind.NONE),
      new Route("GET", "/{any}", Role.UNKNOWN, BodyKind.NONE));

  private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");

  /** Who calls; MALFORMED and UNKNOWN carry at most the client key. */
  enum Caller { NONE, MALFORMED, UNKNOWN, CLIENT, OPERATOR, ADMIN }

  /** Authorization headers that are not a well-formed bearer of a known key. */
  // Not "Bearer  %s": RFC 9110 (credentials = auth-scheme 1*SP token68) allows several spaces, and
  // the service accepts them (AccessMatrixTest); listing it here made this property fail whenever
  // the generator happened to pick it.
  private static final List<String> MALFORMED = List.of("Token %s", "Bearer", "Bearer ", "Basic ZnV6ejpmdXp6",
      "Bearer %s extra", "%s", "Bearer %s\u00e9", "Bearer %s, Bearer %s", "Bearer \"%s\"");

  /** Raw ids that go into paths percent-encoded. */
  private static final List<String> HOSTILE_IDS = List.of("求人-１", "a b", "'; drop table x;--", "<b>x</b>", "..",
      ".", "%", "a/b", "a\\b", "a\u0000b", "a?b=c", "a#b", "a;b", "+", "\u202etxt", "\ud83d\ude00", "-1", "0");

  /** Strings put into bodies and queries: none can spell a class, package, exception or SQL. */
  private static final List<String> HOSTILE_TEXT = List.of("<script>alert(1)</script>", "' OR '1'='1",
      "Robert'); DROP TABLE jobs;--", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "../../etc/passwd", "%s%n%d",
      "\u202e\u0646\u0635", "\ud83d\ude00\u200d", "a\u0000b", "a\ud800b", "\udc00", "\uffff\ufffe", "", " ",
      "\r\nX-Injected: 1", "🙂".repeat(2_000), "y".repeat(20_000));

  private static final Map<String, App> APPS = new ConcurrentHashMap<>();

  /** A running app and what the properties learned from it. */
  static final class App implements AutoCloseable {
    final String store;
    final ConfigurableApplicationContext context;
    final RawHttp http;
    final Map<Caller, String> keys;
    final Connection jdbc;
    final String schema;
    final TestPostgres postgres;
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, String> failures = new TreeMap<>();
    int requests;

    App(String store, ConfigurableApplicationContext context, Map<Caller, String> keys, TestPostgres postgres)
        throws SQLException {
      this.store = store;
      this.context = context;
      this.http = new RawHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
      this.keys = keys;
      this.postgres = postgres;
      this.schema = postgres == null ? null : postgres.schema;
      this.jdbc = postgres == null ? null : DriverManager.getConnection(postgres.url, "postgres", "");
    }

    MaintenanceMode maintenance() {
      return context.getBean(MaintenanceMode.class);
    }

    /** What a refused write must leave as it is, read from the stores themselves. */
    String fingerprint() throws SQLException {
      String maintenance = "|maintenance=" + maintenance().isEnabled();
      if (jdbc == null) {
        MatchingEngine engine = context.getBean(MatchingEngine.class);
        String jobs = engine.jobStore().count() + ":" + engine.jobStore().list(null, 5_000).stream()
            .map(v -> v.value().id() + "@" + v.version()).collect(Collectors.joining(","));
        String workers = engine.workerStore().count() + ":" + engine.workerStore().list(null, 5_000).stream()
            .map(v -> v.value().id() + "@" + v.version()).collect(Collectors.joining(","));
        return jobs + "|" + workers + "|runs=" + context.getBean(MatchingBatch.class).runs(null, 1_000).size()
            + maintenance;
      }
      StringBuilder out = new StringBuilder();
      try (Statement s = jdbc.createStatement()) {
        for (String table : List.of("jobs", "workers")) {
          try (ResultSet r = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(id || '@' || version || '@' || "
              + "md5(body::text), ',' ORDER BY id), '')) FROM " + schema + "." + table)) {
            r.next();
            out.append(table).append('=').append(r.getLong(1)).append(':').append(r.getString(2)).append('|');
          }
        }
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + schema + ".batch_runs")) {
          r.next();
          out.append("runs=").append(r.getLong(1));
        }
      }
      return out + maintenance;
    }

    @Override
    public void close() throws IOException {
      try {
        if (jdbc != null) {
          jdbc.close();
        }
      } catch (SQLException e) {
        // closing anyway
      }
      context.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static String[] common() {
    return new String[] {"--server.port=0", "--spring.main.banner-mode=off", "--sample.jobs=300",
        "--sample.workers=100", "--matching.batch.schedule-enabled=false", "--matching.redis.url=",
        "--matching.retention.enabled=false", "--matching.security.failed-authentications-per-minute=0",
        "--matching.security.requests-per-minute.client=0", "--matching.security.requests-per-minute.operator=0",
        "--matching.security.requests-per-minute.admin=0", "--logging.level.root=WARN",
        "--logging.level.matching.security=ERROR", "--logging.level.matching.audit=ERROR"};
  }

  @BeforeContainer
  static void start() throws Exception {
    ConfigurableApplicationContext memory = new SpringApplicationBuilder(ReferenceApp.class).run(common());
    APPS.put("memory", new App("memory", memory, Map.of(Caller.CLIENT, "dev-client-acme-key",
        Caller.OPERATOR, "dev-operator-key", Caller.ADMIN, "dev-admin-key"), null));

    TestPostgres postgres = TestPostgres.start("ref_app_fuzz_");
    List<String> args = new ArrayList<>(Arrays.asList(common()));
    args.addAll(List.of("--spring.datasource.url=" + postgres.url, "--matching.jdbc.schema=" + postgres.schema,
        // a list given on the command line replaces the profile's whole list: the admin key again as keys[0]
        "--MATCHING_ADMIN_KEY_HASH=" + ApiKeys.hash(ADMIN), "--matching.security.keys[0].name=admin",
        "--matching.security.keys[0].role=admin", "--matching.security.keys[0].hash=" + ApiKeys.hash(ADMIN),
        "--matching.security.keys[1].name=fuzz-operator", "--matching.security.keys[1].role=operator",
        "--matching.security.keys[1].hash=" + ApiKeys.hash(OPERATOR),
        "--matching.security.keys[2].name=fuzz-client-acme", "--matching.security.keys[2].role=client",
        "--matching.security.keys[2].employer-id=acme", "--matching.security.keys[2].hash=" + ApiKeys.hash(CLIENT)));
    ConfigurableApplicationContext pg = new SpringApplicationBuilder(ReferenceApp.class).profiles("postgres")
        .run(args.toArray(String[]::new));
    APPS.put("postgres", new App("postgres", pg, Map.of(Caller.CLIENT, CLIENT, Caller.OPERATOR, OPERATOR,
        Caller.ADMIN, ADMIN), postgres));
  }

  @AfterContainer
  static void stop() throws IOException {
    for (App app : APPS.values()) {
      System.out.println("hostile requests, " + app.store + " store: " + app.requests + " requests, statuses "
          + app.statuses + (app.failures.isEmpty() ? "" : ", " + app.failures.size() + " failure classes"));
      app.failures.forEach((what, request) -> System.out.println("  FAILURE " + what + "\n    " + request));
      app.close();
    }
    APPS.clear();
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void inMemoryStore(@ForAll("requests") Req request) throws Exception {
    check(APPS.get("memory"), request);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void postgresStore(@ForAll("requests") Req request) throws Exception {
    check(APPS.get("postgres"), request);
  }

  // ---------------------------------------------------------------------------------------------
  // the oracle

  private static void check(App app, Req request) throws Exception {
    boolean write = List.of("PUT", "POST", "DELETE", "PATCH").contains(request.method());
    String before = write ? app.fingerprint() : null;
    String[] headers = request.headers(app.keys);
    Response response;
    try {
      response = app.http.send(request.method(), request.target(), request.body(), headers);
    } catch (IOException e) {
      fail(app, request, "no HTTP response (" + e.getMessage() + ")", null);
      return;
    }
    synchronized (app) {
      app.requests++;
      app.statuses.merge(response.status(), 1, Integer::sum);
    }
    Statistics.label("status").collect(response.status());
    List<String> problems = new ArrayList<>();
    int status = response.status();
    boolean maintenanceOn = app.maintenance().isEnabled();
    if (maintenanceOn) {
      app.maintenance().set(false, "hostile-requests-test");
      problems.add("maintenance switched on, which no generated request asks for");
    }
    if (status >= 500 && !(status == 503 && maintenanceOn && !response.header("retry-after").isEmpty())) {
      problems.add("a server error");
    }
    if (status >= 400) {
      if (!response.header("content-type").startsWith("application/problem+json")) {
        problems.add("an error that is not problem+json (" + response.header("content-type") + ")");
      }
      if (!response.header("x-content-type-options").equals("nosniff")) {
        problems.add("an error without X-Content-Type-Options: nosniff");
      }
    }
    if (!exemptFromInternals(request, status)) {
      Matcher internals = INTERNALS.matcher(response.body());
      if (internals.find()) {
        problems.add("a body that names internals: \"" + internals.group() + "\"");
      }
    }
    boolean success = status >= 200 && status < 300;
    Caller caller = request.caller();
    Role role = request.route().role();
    if (success && caller.compareTo(Caller.CLIENT) <= 0 && (role == Role.OPERATOR || role == Role.ADMIN)) {
      problems.add("2xx for " + caller + " on an " + role + " route");
    }
    if (success && caller.compareTo(Caller.CLIENT) < 0 && role == Role.CLIENT) {
      problems.add("2xx without a valid key on a client route");
    }
    if (write && status >= 400) {
      String after = app.fingerprint();
      if (!after.equals(before)) {
        problems.add("a refused write changed state");
      }
    }
    if (!problems.isEmpty()) {
      fail(app, request, String.join("; ", problems), response);
    }
  }

  /**
   * Bodies that legitimately name classes or exceptions: the API description (schema names), and
   * the metrics an admin reads (the {@code exception} tag of the request metrics).
   */
  private static boolean exemptFromInternals(Req request, int status) {
    String template = request.route().template();
    return status < 300 && (template.startsWith("/v3/api-docs") || template.startsWith("/actuator/prometheus")
            || template.startsWith("/actuator/metrics"));
  }

  private static void fail(App app, Req request, String problem, Response response) {
    String what = app.store + ": " + problem.replaceAll("\"[^\"]*\"", "\"…\"") + " — "
        + (response == null ? "no response" : response.status()) + " " + request.route() + " by " + request.caller();
    String example = request + "\n    -> " + response;
    if (!SURVEY) {
      throw new AssertionError(problem + "\n  request: " + request + "\n  response: " + response);
    }
    synchronized (app) {
      app.failures.merge(what, example, (a, b) -> b.length() < a.length() ? b : a);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // requests

  /** A generated request; {@code mutations} names how the path was respelled. */
  record Req(String method, String target, Route route, Caller caller, int malformed, List<String> extraHeaders,
      byte[] body, String contentType, List<String> mutations) {

    String[] headers(Map<Caller, String> keys) {
      List<String> headers = new ArrayList<>();
      String client = keys.get(Caller.CLIENT);
      switch (caller) {
        case NONE -> { }
        case MALFORMED -> headers.addAll(List.of("Authorization", MALFORMED.get(malformed).replace("%s", client)));
        case UNKNOWN -> headers.addAll(List.of("Authorization", "Bearer " + client + "-not"));
        default -> headers.addAll(List.of("Authorization", "Bearer " + keys.get(caller)));
      }
      if (body != null) {
        headers.addAll(List.of("Content-Type", contentType));
      }
      headers.addAll(extraHeaders);
      return headers.toArray(String[]::new);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder().append(method).append(' ').append(shorten(target, 300))
          .append(" [route ").append(route).append(", caller ").append(caller);
      if (caller == Caller.MALFORMED) {
        out.append(" '").append(MALFORMED.get(malformed)).append('\'');
      }
      out.append(']');
      for (int i = 0; i < extraHeaders.size(); i += 2) {
        out.append(" | ").append(extraHeaders.get(i)).append(": ").append(shorten(visible(extraHeaders.get(i + 1)), 100));
      }
      if (body != null) {
        out.append(" | Content-Type: ").append(contentType).append(" | body (").append(body.length).append(" bytes): ")
            .append(shorten(visible(new String(body, StandardCharsets.UTF_8)), 400));
      }
      return out.toString();
    }
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
  }

  /** Control characters and surrogates as escapes, for reports. */
  private static String visible(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  /** A path respelling, applied to one segment of the path (by index, modulo the segment count). */
  enum PathMutation {
    ENCODE_LETTER, PATH_PARAMETER, DOUBLE_SLASH, DOT_SEGMENT, ENCODED_DOT_DOT, ENCODED_SLASH, ENCODED_BACKSLASH,
    ENCODED_NUL, ENCODED_PERCENT, UNICODE, LONG_SEGMENT, TRAILING_SLASH, UPPER_CASE, DOT_DOT_SEMICOLON,
    ENCODED_SPACE, RAW_BACKSLASH, DOUBLE_ENCODED
  }

  record PathEdit(PathMutation kind, int segment) {}

  @Provide
  Arbitrary<Req> requests() {
    Arbitrary<Route> route = Arbitraries.of(ROUTES);
    Arbitrary<String> jobId = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(1, 305).map(n -> String.format("job-%07d", n))),
        Tuple.of(2, safeWord().map(s -> "fz-" + s)),
        Tuple.of(2, Arbitraries.of(HOSTILE_IDS)));
    Arbitrary<String> workerId = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(1, 105).map(n -> String.format("worker-%07d", n))),
        Tuple.of(2, safeWord().map(s -> "fz-" + s)),
        Tuple.of(2, Arbitraries.of(HOSTILE_IDS)));
    Arbitrary<String> anyId = Arbitraries.frequencyOf(Tuple.of(3, safeWord()), Tuple.of(1, Arbitraries.of(HOSTILE_IDS)));
    Arbitrary<List<String>> ids = Combinators.combine(jobId, workerId, anyId).as(List::of);
    Arbitrary<PathEdit> pathEdit = Combinators.combine(Arbitraries.of(PathMutation.class),
        Arbitraries.integers().between(0, 7)).as(PathEdit::new);
    Arbitrary<List<PathEdit>> pathEdits = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<PathEdit>of())),
        Tuple.of(2, pathEdit.list().ofMinSize(1).ofMaxSize(2)));
    Arbitrary<Integer> methodPick = Arbitraries.integers().between(0, 6 + METHODS.size());
    Arbitrary<Tuple.Tuple2<Caller, Integer>> caller = Combinators.combine(
        Arbitraries.of(Caller.class), Arbitraries.integers().between(0, MALFORMED.size() - 1)).as(Tuple::of);
    Arbitrary<String> query = query();
    Arbitrary<List<String>> headers = header().list().ofMaxSize(3).map(l -> l.stream().flatMap(List::stream).toList());
    Arbitrary<BodySpec> body = body();
    return Combinators.combine(route, ids, pathEdits, methodPick, caller, query, headers, body)
        .as((r, i, edits, m, c, q, h, b) -> build(r, i, edits, m, c.get1(), c.get2(), q, h, b));
  }

  private static Arbitrary<String> safeWord() {
    // no dots, no spaces, no 'x': cannot spell a package, SQL or "exception"
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwyz0123456789-_").ofMinLength(1).ofMaxLength(12);
  }

  private static Req build(Route route, List<String> ids, List<PathEdit> edits, int methodPick, Caller caller,
      int malformed, String query, List<String> headers, BodySpec bodySpec) {
    String method = methodPick <= 6 ? route.method() : METHODS.get(methodPick - 7);
    String path = route.template().replace("{job}", encode(ids.get(0))).replace("{worker}", encode(ids.get(1)))
        .replace("{run}", encode("run-" + ids.get(2))).replace("{any}", encode(ids.get(2)));
    List<String> mutations = new ArrayList<>();
    for (PathEdit edit : edits) {
      path = respell(path, edit);
      mutations.add(edit.kind() + "@" + edit.segment());
    }
    byte[] body = bodySpec.render(route.body());
    return new Req(method, path + query, route, caller, malformed, headers, body, bodySpec.contentType(),
        List.copyOf(mutations));
  }

  /** Percent-encodes everything but unreserved characters, as a client library would. */
  private static String encode(String raw) {
    StringBuilder out = new StringBuilder();
    for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static String respell(String path, PathEdit edit) {
    List<String> segments = new ArrayList<>(Arrays.asList(path.substring(1).split("/", -1)));
    int i = edit.segment() % segments.size();
    String s = segments.get(i);
    switch (edit.kind()) {
      case ENCODE_LETTER -> {
        int at = firstLetter(s);
        if (at >= 0) {
          char c = s.charAt(at);
          String hex = String.format(at % 2 == 0 ? "%%%02X" : "%%%02x", (int) c);
          s = s.substring(0, at) + hex + s.substring(at + 1);
        }
      }
      case PATH_PARAMETER -> s = s + ";x";
      case DOUBLE_SLASH -> s = "/" + s;
      case DOT_SEGMENT -> s = "./" + s;
      case ENCODED_DOT_DOT -> s = "%2e%2e/" + s;
      case ENCODED_SLASH -> s = s + "%2F" + s;
      case ENCODED_BACKSLASH -> s = s + "%5C";
      case ENCODED_NUL -> s = s + "%00";
      case ENCODED_PERCENT -> s = s + "%25";
      case UNICODE -> s = s + "\u00e9\uff4a";
      case LONG_SEGMENT -> s = s + "z".repeat(5_000);
      case TRAILING_SLASH -> {
        i = segments.size() - 1;
        s = segments.get(i) + "/";
      }
      case UPPER_CASE -> s = s.toUpperCase(Locale.ROOT);
      case DOT_DOT_SEMICOLON -> s = "..;/" + s;
      case ENCODED_SPACE -> s = s + "%20";
      case RAW_BACKSLASH -> s = s + "\\";
      case DOUBLE_ENCODED -> s = s + "%252e%252e";
    }
    segments.set(i, s);
    return "/" + String.join("/", segments);
  }

  private static int firstLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i)) && s.charAt(i) < 0x80) {
        return i;
      }
    }
    return -1;
  }

  private static Arbitrary<String> query() {
    Arbitrary<String> name = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of("limit", "cursor", "after", "preset", "employer_id", "skill", "from", "to")),
        Tuple.of(1, Arbitraries.of("LIMIT", "limit[]", "li%6Dit", "%", "%ZZ", "", "a=b", "batch_type")));
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("5", "1", "0", "-1", "100", "101", "1000000", "abc", "1.5", "1e3", "0x10",
            "99999999999", "2147483648", "nearby", "default", "acme", "emp-000001", "%E3%83%AC%E3%82%B8",
            "2030-01-01", "2030-01-05T10:00:00", "2030-02-30", "job-0000001", "worker-0000001", "true")),
        Tuple.of(3, Arbitraries.of("%ZZ", "%FF", "%", "%00", "%2e%2e", "%C3%28", "%ED%A0%80", "%u0041", "+",
            "%27%20OR%20%271%27%3D%271", "\u00e9", "%25", "a&b", "=", "%0d%0aX:1", "9".repeat(4_000),
            "a".repeat(9_000))),
        Tuple.of(1, safeWord()));
    Arbitrary<String> param = Combinators.combine(name, value, Arbitraries.integers().between(0, 9))
        .as((n, v, form) -> form == 0 ? n : n + "=" + v);
    return param.list().ofMaxSize(4).map(l -> l.isEmpty() ? "" : "?" + String.join("&", l));
  }

  private static Arbitrary<List<String>> header() {
    Arbitrary<List<String>> ifMatch = Combinators.combine(Arbitraries.of("If-Match", "If-None-Match"),
        Arbitraries.of("", "*", "W/\"1\"", "\"1\"", "\"2\"", "1", "\"1\", \"2\"", "W/\"1\", \"1\"", "\"abc\"",
            "\"99999999999999999999\"", "\"-1\"", "\"0\"", "\"", "*, \"1\"", "\"1\"\"", "W/", "\"\u00e9\""))
        .as(List::of);
    Arbitrary<List<String>> accept = Arbitraries.of("*/*", "application/xml", "text/html", "application/problem+json",
        "text/plain", "garbage", "application/json;q=0", "application/yaml", "image/png, */*;q=0")
        .map(v -> List.of("Accept", v));
    Arbitrary<List<String>> cookie = Arbitraries.of("JSESSIONID=abc", "a=\"b", "$Version=1; x=../../",
        "SESSION=%00%ff", "a=" + "c".repeat(3_000)).map(v -> List.of("Cookie", v));
    Arbitrary<List<String>> other = Arbitraries.of(List.of("X-Forwarded-For", "::1, 999.1.1.1"),
        List.of("X-Forwarded-Proto", "gopher"), List.of("Transfer-Encoding", "gzip"), List.of("Expect", "100-continue"),
        List.of("Content-Encoding", "gzip"), List.of("Range", "bytes=0-1"), List.of("Origin", "http://evil.example"),
        List.of("X-HTTP-Method-Override", "DELETE"), List.of("Accept-Charset", "utf-7"));
    return Arbitraries.oneOf(ifMatch, ifMatch, accept, cookie, other);
  }

  // ---------------------------------------------------------------------------------------------
  // bodies

  /** JSON null in the generated trees. */
  enum Null { NULL }

  /** JSON text written as is: huge numbers, deep nesting. */
  record Raw(String text) {}

  /** How a body is made: which kind, which mutations, which Content-Type. */
  record BodySpec(int choice, BodyKind other, Shape shape, List<JsonEdit> edits, int textEdit, int textArg,
      String contentType) {

    /** The body for a route taking {@code natural}: its own kind, another route's, none, or non-JSON. */
    byte[] render(BodyKind natural) {
      if (choice == 3) {
        return NON_JSON.get(textArg % NON_JSON.size()).getBytes(StandardCharsets.ISO_8859_1);
      }
      BodyKind kind = choice == 0 ? natural : choice == 1 ? other : BodyKind.NONE;
      if (kind == BodyKind.NONE) {
        return choice == 2 && textEdit == 1 ? new byte[0] : null;
      }
      Object tree = shape.tree(kind);
      for (JsonEdit edit : edits) {
        tree = edit.apply(tree);
      }
      String text = json(tree);
      text = switch (textEdit) {
        case 1 -> text.substring(0, textArg % Math.max(1, text.length()));
        case 2 -> text + "}x";
        case 3 -> text.replaceFirst(":", ":\u0000");
        default -> text;
      };
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final List<String> NON_JSON = List.of("hello", "<job><id>1</id></job>", "null", "[]", "{}", "\"s\"",
      "123", "{'a':1}", "{\"a\":1,}", "\u00ff\u00fe\u00ff", "{\"a\":\"\u00c3\u0028\"}", "\u00ef\u00bb\u00bf{}",
      "a=b&c=d", "{\"id\":1}{\"id\":2}", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--");

  /** Varying parts of the valid bodies. */
  record Shape(String text, double lat, double lng, int pay, boolean acme, int count) {
    Object tree(BodyKind kind) {
      return switch (kind) {
        case JOB -> job(null);
        case WORKER -> worker(null);
        case JOBS -> {
          List<Object> list = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            list.add(job("fz-bulk-job-" + i));
          }
          yield list;
        }
        case WORKERS -> {
          List<Object> list = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            list.add(worker("fz-bulk-worker-" + i));
          }
          yield list;
        }
        case TRIGGER -> map("batch_type", "daily_matching", "top_n", (long) (count + 1));
        case MAINTENANCE -> map("enabled", false);
        case EMPTY_OBJECT -> map();
        case NONE -> Null.NULL;
      };
    }

    private Map<String, Object> job(String id) {
      Map<String, Object> job = map("employer_id", acme ? "acme" : "emp-000001", "title", text,
          "location", map("lat", lat, "lng", lng),
          "required_skills", new ArrayList<>(List.of(map("skill", "レジ", "min_level", 2L))),
          "preferred_skills", new ArrayList<>(List.of(map("skill", "接客", "level", 3L, "weight", 0.5))),
          "shifts", new ArrayList<>(List.of(map("start", "2030-01-05T10:00:00", "end", "2030-01-05T16:00:00",
              "zone", "Asia/Tokyo"))),
          "pay", map("min", (long) pay, "max", (long) pay + 200), "headcount", 1L, "open", true);
      if (id != null) {
        job.put("id", id);
      }
      return job;
    }

    private Map<String, Object> worker(String id) {
      Map<String, Object> worker = map("home", map("lat", lat, "lng", lng), "max_travel_km", 10.0,
          "skills", map("レジ", 3L),
          "availability", map("zone", "Asia/Tokyo",
              "weekly", new ArrayList<>(List.of(map("day", "SATURDAY", "start", "09:00", "end", "18:00"))),
              "overrides", new ArrayList<>(List.of(map("date", "2030-01-06",
                  "windows", new ArrayList<>(List.of(map("start", "10:00", "end", "12:00"))))))),
          "desired_pay", map("min_hourly", (long) pay, "hard", false), "desired_hours_per_week", 20L,
          "active", true);
      if (id != null) {
        worker.put("id", id);
      }
      return worker;
    }
  }

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** A change to one value of a tree (by index, modulo the number of values, in document order). */
  enum JsonMutation {
    REMOVE, NUMBER_AS_STRING, STRING_AS_NUMBER, FLOAT_FOR_INTEGER, OBJECT_FOR_SCALAR, ARRAY_FOR_OBJECT, NULL,
    UNKNOWN_FIELD, DEEP_NESTING, NUL_IN_STRING, LONE_SURROGATE, HUGE_NUMBER, HOSTILE_TEXT, BOOLEAN_AS_STRING,
    EMPTY_COLLECTION
  }

  record JsonEdit(JsonMutation kind, int index, int variant) {
    Object apply(Object tree) {
      List<Object[]> slots = new ArrayList<>();
      collect(tree, slots);
      if (slots.isEmpty()) {
        return tree;
      }
      Object[] slot = slots.get(index % slots.size());
      Object container = slot[0];
      Object key = slot[1];
      Object value = get(container, key);
      switch (kind) {
        case REMOVE -> {
          remove(container, key);
          return tree;
        }
        case UNKNOWN_FIELD -> {
          Object target = value instanceof Map<?, ?> ? value : container instanceof Map<?, ?> ? container : tree;
          if (target instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> writable = (Map<String, Object>) m;
            writable.put(variant % 2 == 0 ? "fz_unknown" : "unknown_field", variant % 3 == 0 ? map("a", 1L) : 1L);
          }
          return tree;
        }
        default -> {
          put(container, key, replacement(value));
          return tree;
        }
      }
    }

    private Object replacement(Object value) {
      return switch (kind) {
        case NUMBER_AS_STRING -> value instanceof Number n ? String.valueOf(n) : "12";
        case STRING_AS_NUMBER -> value instanceof String ? (variant % 2 == 0 ? 3L : 1.5) : 7L;
        case FLOAT_FOR_INTEGER -> value instanceof Long l ? l + 0.5 : 2.5;
        case OBJECT_FOR_SCALAR -> map("value", value instanceof Map<?, ?> ? 1L : value);
        case ARRAY_FOR_OBJECT -> new ArrayList<>(List.of(value));
        case NULL -> Null.NULL;
        case DEEP_NESTING -> new Raw("[".repeat(600 + variant * 700) + "1" + "]".repeat(600 + variant * 700));
        case NUL_IN_STRING -> (value instanceof String s ? s : "x") + "\u0000";
        case LONE_SURROGATE -> (value instanceof String s ? s : "y") + (variant % 2 == 0 ? "\ud800" : "\udfff");
        case HUGE_NUMBER -> new Raw(List.of("1e400", "123456789012345678901234567890", "-9223372036854775809",
            "2147483648", "-0", "1e-400", "0.1e1", "NaN", "Infinity", "00012", "1.", "+1", "9".repeat(2_000))
            .get(variant % 13));
        case HOSTILE_TEXT -> HOSTILE_TEXT.get(variant % HOSTILE_TEXT.size());
        case BOOLEAN_AS_STRING -> value instanceof Boolean b ? String.valueOf(b) : (variant % 2 == 0 ? 0L : "no");
        case EMPTY_COLLECTION -> variant % 2 == 0 ? new ArrayList<>() : map();
        default -> value;
      };
    }
  }

  private static void collect(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> m) {
      for (Object key : new ArrayList<>(m.keySet())) {
        slots.add(new Object[] {m, key});
        collect(m.get(key), slots);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        slots.add(new Object[] {l, i});
        collect(l.get(i), slots);
      }
    }
  }

  private static Object get(Object container, Object key) {
    return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get((Integer) key);
  }

  @SuppressWarnings("unchecked")
  private static void put(Object container, Object key, Object value) {
    if (container instanceof Map<?, ?> m) {
      ((Map<Object, Object>) m).put(key, value);
    } else {
      ((List<Object>) container).set((Integer) key, value);
    }
  }

  private static void remove(Object container, Object key) {
    if (container instanceof Map<?, ?> m) {
      m.remove(key);
    } else {
      ((List<?>) container).remove((int) (Integer) key);
    }
  }

  /** JSON text of a tree; control characters and surrogates escaped (so lone surrogates reach the parser). */
  static String json(Object node) {
    if (node instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> string((String) e.getKey()) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (node instanceof List<?> l) {
      return l.stream().map(HostileRequestsPropertyTest::json).collect(Collectors.joining(",", "[", "]"));
    }
    if (node instanceof String s) {
      return string(s);
    }
    if (node instanceof Raw r) {
      return r.text();
    }
    if (node == Null.NULL || node == null) {
      return "null";
    }
    return String.valueOf(node);
  }

  private static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static Arbitrary<BodySpec> body() {
    Arbitrary<Integer> choice = Arbitraries.frequency(Tuple.of(7, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3));
    Arbitrary<Shape> shape = Combinators.combine(
        Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("Cashier", "レジ打ち", "Night shift")),
            Tuple.of(1, Arbitraries.of(HOSTILE_TEXT))),
        Arbitraries.doubles().between(24, 46).ofScale(4), Arbitraries.doubles().between(123, 146).ofScale(4),
        Arbitraries.integers().between(900, 3_000), Arbitraries.of(true, false), Arbitraries.integers().between(0, 3))
        .as(Shape::new);
    Arbitrary<List<JsonEdit>> edits = Combinators.combine(Arbitraries.of(JsonMutation.class),
        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 20)).as(JsonEdit::new)
        .list().ofMaxSize(3);
    Arbitrary<Integer> textEdit = Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3));
    Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
        Tuple.of(1, Arbitraries.of("text/plain", "application/json; charset=ISO-8859-1", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json;charset=\"",
            "%%%", "", "application/merge-patch+json", "application/json; charset=utf-16", "*/*",
            "application/problem+json")));
    return Combinators.combine(choice, Arbitraries.of(BodyKind.class), shape, edits, textEdit,
        Arbitraries.integers().between(0, 400), contentType).as(BodySpec::new);
  }
}
