package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.GeoPoint;
import dev.matching.query.Cursor;
import dev.matching.spring.HttpCalls.Reply;
import dev.matching.spring.security.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client key can learn of a worker's home, over real HTTP with security on: for generated
 * homes and three jobs the client created at known points around them, the homes consistent
 * with everything the client sees are searched on a grid of candidate homes around the true one
 * (each candidate a worker stored at that point, otherwise identical). A candidate is consistent
 * when every response the client gets about it (explanations against the three jobs, the
 * worker's ranking of jobs with its cursor, the worker's entry in each job's ranking of workers)
 * equals the true worker's, a cursor compared by the score it decodes to when it decodes. Some
 * candidate at least 0.5 km from the true home must remain consistent: the client cannot place
 * the home more precisely than that.
 *
 * <p>Not compared: the relative order of the workers within a job's ranking of workers, which
 * the engine still computes from exact homes (see docs/service.md, "What a client sees").
 */
class ClientLocationPropertyTest {
  private static final String OPERATOR = "location-test-operator-key-0123";
  private static final String CLIENT = "location-test-client-key-0123456";
  private static final double KM_PER_DEGREE = Math.PI * GeoPoint.EARTH_RADIUS_KM / 180;
  /** Candidate offsets, km north and east of the true home: a 3 x 3 grid of 0.45 km spacing. */
  private static final double[] GRID = {-0.45, 0, 0.45};
  private static final AtomicInteger TRIES = new AtomicInteger();

  private static ConfigurableApplicationContext app;
  private static HttpCalls calls;

  @BeforeContainer
  static void start() {
    app = new SpringApplication(TestApplication.class).run(
        "--server.port=0", "--spring.main.banner-mode=off", "--matching.batch.enabled=false",
        "--matching.security.enabled=true",
        "--matching.security.keys[0].name=ops", "--matching.security.keys[0].role=operator",
        "--matching.security.keys[0].hash=" + ApiKeys.hash(OPERATOR),
        "--matching.security.keys[1].name=acme-app", "--matching.security.keys[1].role=client",
        "--matching.security.keys[1].employer-id=acme", "--matching.security.keys[1].hash=" + ApiKeys.hash(CLIENT),
        "--matching.security.requests-per-minute.client=0", "--matching.security.requests-per-minute.operator=0");
    calls = new HttpCalls(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
  }

  @AfterContainer
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Property(tries = 12)
  void aClientCannotPlaceAHomeMoreFinelyThanHalfAKilometre(
      @ForAll @DoubleRange(min = 35.3, max = 35.9) double lat,
      @ForAll @DoubleRange(min = 139.3, max = 139.9) double lng,
      @ForAll @IntRange(min = 900, max = 2100) int wish,
      @ForAll @IntRange(min = 0, max = 119) int bearing,
      @ForAll @DoubleRange(min = 1.5, max = 20) double km0,
      @ForAll @DoubleRange(min = 1.5, max = 20) double km1,
      @ForAll @DoubleRange(min = 1.5, max = 20) double km2,
      @ForAll @IntRange(min = 800, max = 2200) int pay) throws Exception {
    String t = "p" + TRIES.incrementAndGet();
    double[] kms = {km0, km1, km2};
    List<String> jobs = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      double b = Math.toRadians(bearing + 120 * k);
      double[] at = offset(lat, lng, kms[k] * Math.cos(b), kms[k] * Math.sin(b));
      String id = t + "-job" + k;
      String job = """
          {"employer_id":"acme","title":"Cashier","location":{"lat":%s,"lng":%s},"pay":{"min":%d},"headcount":1}
          """.formatted(at[0], at[1], pay + 37 * k);
      assertThat(calls.send("PUT", "/api/v1/jobs/" + id, job, CLIENT).status()).isEqualTo(201);
      jobs.add(id);
    }
    List<String> workers = new ArrayList<>();
    List<Double> offsetsKm = new ArrayList<>();
    for (double north : GRID) {
      for (double east : GRID) {
        double[] home = offset(lat, lng, north, east);
        String id = t + "-w" + workers.size();
        String worker = """
            {"home":{"lat":%s,"lng":%s},"max_travel_km":40,"desired_pay":{"min_hourly":%d,"hard":false}}
            """.formatted(home[0], home[1], wish);
        assertThat(calls.send("PUT", "/api/v1/workers/" + id, worker, OPERATOR).status()).isEqualTo(201);
        workers.add(id);
        offsetsKm.add(GeoPoint.of(lat, lng).distanceKm(GeoPoint.of(home[0], home[1])));
      }
    }
    String truth = workers.get(4); // offset (0, 0)
    List<String> seen;
    List<Double> consistentFar = new ArrayList<>();
    try {
      seen = observe(truth, truth, jobs);
      for (int i = 0; i < workers.size(); i++) {
        if (offsetsKm.get(i) >= 0.5 && observe(workers.get(i), truth, jobs).equals(seen)) {
          consistentFar.add(offsetsKm.get(i));
        }
      }
    } finally { // each try ranks only its own workers and jobs
      for (String w : workers) {
        calls.send("DELETE", "/api/v1/workers/" + w, null, OPERATOR);
      }
      for (String j : jobs) {
        calls.send("DELETE", "/api/v1/jobs/" + j, null, CLIENT);
      }
    }
    assertThat(consistentFar)
        .as("candidate homes >= 0.5 km away that the client cannot tell from the true one; the client saw %s", seen)
        .isNotEmpty();
  }

  /** Everything the client sees about {@code worker}, its id written as {@code as}. */
  private static List<String> observe(String worker, String as, List<String> jobs) throws Exception {
    List<String> seen = new ArrayList<>();
    for (String job : jobs) {
      Reply e = calls.send("GET", "/api/v1/workers/" + worker + "/explain/" + job, null, CLIENT);
      assertThat(e.status()).isEqualTo(200);
      ((ObjectNode) e.body()).put("worker_id", as);
      seen.add(e.body().toString());
    }
    Reply page = calls.send("GET", "/api/v1/workers/" + worker + "/matches?limit=2&employer_id=acme", null, CLIENT);
    assertThat(page.status()).isEqualTo(200);
    seen.add(page.body().get("matches").toString());
    seen.add(cursor(page.body()));
    for (String job : jobs) {
      Reply ranking = calls.send("GET", "/api/v1/jobs/" + job + "/matches?limit=100", null, CLIENT);
      assertThat(ranking.status()).isEqualTo(200);
      String entry = "absent";
      for (JsonNode m : ranking.body().get("matches")) {
        if (m.get("id").asString().equals(worker)) {
          ObjectNode copy = (ObjectNode) m.deepCopy();
          copy.put("id", as);
          entry = copy.toString();
        }
      }
      seen.add(entry);
    }
    return seen;
  }

  /** What a cursor tells: the score it holds when it decodes, else only that there is one. */
  private static String cursor(JsonNode page) {
    JsonNode c = page.get("next_cursor");
    if (c == null || c.isNull()) {
      return "no cursor";
    }
    try {
      return "cursor at score " + Cursor.decode(c.asString()).score();
    } catch (IllegalArgumentException sealed) {
      return "opaque cursor";
    }
  }

  private static double[] offset(double lat, double lng, double northKm, double eastKm) {
    double la = lat + northKm / KM_PER_DEGREE;
    double lo = lng + eastKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    return new double[] {Double.parseDouble(String.format(Locale.ROOT, "%.7f", la)),
        Double.parseDouble(String.format(Locale.ROOT, "%.7f", lo))};
  }
}
