package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.model.Job;
import dev.matching.spring.HttpCalls.Reply;
import dev.matching.spring.web.ForbiddenException;
import dev.matching.spring.web.JobWriteAuthorizer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * The attacker's report on request bodies, over real HTTP: strict JSON types, error bodies in
 * the API's own words, every bad field at once under its JSON name, text every store can hold,
 * bulk imports, reserved ids and RFC 9110 conditional requests. Every refused request is checked
 * to have changed nothing in the store.
 */
@SpringBootTest(classes = {TestApplication.class, StrictRequestsApiTest.Authorizer.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.enabled=false", "matching.web.max-body-size=64KB"})
@Timeout(60)
class StrictRequestsApiTest {

  /** Jobs of employer {@code other} may not be written by this test's caller. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Authorizer {
    @Bean
    JobWriteAuthorizer onlyOwnJobs() {
      return (jobId, stored, updated) -> {
        if ("other".equals(stored) || "other".equals(updated)) {
          throw new ForbiddenException("job " + jobId + " belongs to another employer");
        }
      };
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  MatchingEngine engine;

  private HttpCalls http;

  @BeforeEach
  void client() {
    http = new HttpCalls(port);
  }

  static final String JOB = """
      {"employer_id":"acme","title":"Cashier","location":{"lat":35.68,"lng":139.76},
       "required_skills":[{"skill":"cashier","min_level":2}],
       "preferred_skills":[{"skill":"english","level":2,"weight":1.5}],
       "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
       "pay":{"min":1300,"max":1500},"headcount":2,"open":true}
      """;

  static final String WORKER = """
      {"home":{"lat":35.69,"lng":139.70},"max_travel_km":15,"skills":{"cashier":3},
       "availability":{"zone":"Asia/Tokyo","weekly":[{"day":"MONDAY","start":"20:00","end":"08:00"}],
         "overrides":[{"date":"2030-01-05","windows":[{"start":"09:00","end":"12:00"}]}]},
       "desired_pay":{"min_hourly":1200,"hard":false},"desired_hours_per_week":20,"active":true}
      """;

  private Reply send(String method, String path, String body, String... headers) throws Exception {
    return http.send(method, path, body, null, headers);
  }

  private static List<String> fields(Reply r) {
    return r.body().get("errors").findValuesAsString("field");
  }

  private static String messageOf(Reply r, String field) {
    for (JsonNode e : r.body().get("errors")) {
      if (e.get("field").asString().equals(field)) {
        return e.get("message").asString();
      }
    }
    throw new AssertionError("no error for " + field + " in " + r.body());
  }

  /** Fails unless the error body names no Java class, library or internal. */
  private static void assertNoInternals(Reply r) {
    assertThat(r.raw().body()).doesNotContain("java.", "dev.matching", "tools.jackson", "Jackson", "`", "$",
        "StreamReadConstraints", "Exception", "LinkedHashMap", "SQLState");
  }

  private void assertAbsent(String kind, String id) throws Exception {
    assertThat(send("GET", "/api/v1/" + kind + "/" + id, null).status()).as("%s %s stored", kind, id).isEqualTo(404);
  }

  // ---- content negotiation before the handler ----

  static Stream<Arguments> acceptWithoutJson() {
    return Stream.of("application/xml", "text/html", "text/plain;q=1, image/png", "application/problem+xml",
        "application/yaml", "not a media type", "application/").flatMap(accept -> Stream.of(
            Arguments.of(accept, "PUT", "/api/v1/jobs/accept-j", JOB, "jobs", "accept-j"),
            Arguments.of(accept, "PUT", "/api/v1/workers/accept-w", WORKER, "workers", "accept-w"),
            Arguments.of(accept, "POST", "/api/v1/jobs/bulk", "[" + JOB.replace("{\"employer_id\"",
                "{\"id\":\"accept-b\",\"employer_id\"") + "]", "jobs", "accept-b")));
  }

  @ParameterizedTest(name = "Accept: {0} on {1} {2}")
  @MethodSource("acceptWithoutJson")
  void aWriteWhoseAnswerCannotBeJsonIsRefusedBeforeItIsCarriedOut(String accept, String method, String path,
      String body, String kind, String id) throws Exception {
    Reply r = send(method, path, body, "Accept", accept);

    assertThat(r.status()).as(r.raw().body()).isEqualTo(406);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertNoInternals(r);
    assertAbsent(kind, id);
  }

  @Test
  void anAcceptHeaderThatAllowsJsonIsServed() throws Exception {
    for (String accept : List.of("application/json", "*/*", "application/*", "text/html, */*;q=0.1",
        "application/json;charset=UTF-8")) {
      assertThat(send("PUT", "/api/v1/workers/accept-ok", WORKER, "Accept", accept).status()).as(accept).isIn(200, 201);
    }
  }

  // ---- 1 and 2: strict types, in our own words ----

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("jobs", "\"pay\":{\"min\":1300.99}", "pay.min", "must be an integer"),
        Arguments.of("jobs", "\"required_skills\":[{\"skill\":\"cashier\",\"min_level\":2.9}]",
            "required_skills[0].min_level", "must be an integer"),
        Arguments.of("jobs", "\"employer_id\":12345", "employer_id", "must be a string"),
        Arguments.of("jobs", "\"title\":true", "title", "must be a string"),
        Arguments.of("jobs", "\"title\":{\"ja\":\"レジ\"}", "title", "must be a string"),
        Arguments.of("jobs", "\"open\":0", "open", "must be a boolean (true or false)"),
        Arguments.of("jobs", "\"open\":\"true\"", "open", "must be a boolean (true or false)"),
        Arguments.of("jobs", "\"headcount\":\"3\"", "headcount", "must be an integer"),
        Arguments.of("jobs", "\"headcount\":3000000000", "headcount", "must be an integer within [-2147483648, 2147483647]"),
        Arguments.of("jobs", "\"location\":{\"lat\":\"35.6\",\"lng\":139.7}", "location.lat", "must be a number"),
        Arguments.of("jobs", "\"location\":[35.6,139.7]", "location", "must be a JSON object"),
        Arguments.of("jobs", "\"shifts\":{\"start\":\"2030-01-07T22:00:00\"}", "shifts", "must be an array"),
        Arguments.of("jobs", "\"shifts\":[{\"start\":\"2030-01-07 22:00\",\"end\":\"2030-01-08T06:00:00\",\"zone\":\"Asia/Tokyo\"}]",
            "shifts[0].start", "must be a date-time such as 2030-01-05T10:00:00"),
        Arguments.of("jobs", "\"shifts\":[{\"start\":[2030,1,7,22,0],\"end\":\"2030-01-08T06:00:00\",\"zone\":\"Asia/Tokyo\"}]",
            "shifts[0].start", "must be a date-time such as 2030-01-05T10:00:00"),
        Arguments.of("workers", "\"skills\":{\"cashier\":\"3\"}", "skills.cashier", "must be an integer"),
        Arguments.of("workers", "\"skills\":[\"cashier\"]", "skills", "must be a JSON object"),
        Arguments.of("workers", "\"max_travel_km\":\"far\"", "max_travel_km", "must be a number"),
        Arguments.of("workers", "\"active\":1", "active", "must be a boolean (true or false)"),
        Arguments.of("workers", "\"availability\":{\"zone\":\"Asia/Tokyo\",\"weekly\":[{\"day\":6,\"start\":\"09:00\",\"end\":\"12:00\"}]}",
            "availability.weekly[0].day", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
        Arguments.of("workers", "\"availability\":{\"zone\":\"Asia/Tokyo\",\"weekly\":[{\"day\":\"6\",\"start\":\"09:00\",\"end\":\"12:00\"}]}",
            "availability.weekly[0].day", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
        Arguments.of("workers", "\"availability\":{\"zone\":\"Asia/Tokyo\",\"weekly\":[{\"day\":0,\"start\":\"09:00\",\"end\":\"12:00\"}]}",
            "availability.weekly[0].day", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
        Arguments.of("workers", "\"availability\":{\"zone\":\"Asia/Tokyo\",\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"9:00\",\"end\":\"12:00\"}]}",
            "availability.weekly[0].start", "must be a time such as 09:00"),
        Arguments.of("workers", "\"availability\":{\"zone\":\"Asia/Tokyo\",\"overrides\":[{\"date\":\"2030-13-01\",\"windows\":[]}]}",
            "availability.overrides[0].date", "must be a date such as 2030-01-05"),
        Arguments.of("workers", "\"desired_pay\":{\"min_hourly\":1200.5}", "desired_pay.min_hourly", "must be an integer"),
        Arguments.of("workers", "\"desired_hours_per_week\":true", "desired_hours_per_week", "must be an integer"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("wrongTypes")
  void aWrongJsonTypeIs400NamingTheJsonFieldInOurWordsAndStoresNothing(String kind, String member, String field,
      String message) throws Exception {
    String id = "typed-" + Math.abs(member.hashCode());
    String base = kind.equals("jobs") ? JOB : WORKER;
    String body = base.trim().substring(0, base.trim().length() - 1) + "," + member + "}";
    // the member replaces the valid one of the same name: Jackson's tree keeps the last
    Reply r = send("PUT", "/api/v1/" + kind + "/" + id, body);

    assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(messageOf(r, field)).isEqualTo(message);
    assertNoInternals(r);
    assertAbsent(kind, id);
  }

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(
        Arguments.of("{\"employer_id\":\"acme\",\n \"pay\":{\"min\":1300}\n \"title\":\"x\"}", "body", "is not valid JSON (line 3, column 2)"),
        Arguments.of("[1,2]", "body", "must be a JSON object"),
        Arguments.of("{\"pay\":" + "[".repeat(1200) + "]".repeat(1200) + "}", "body", "nesting is too deep"),
        Arguments.of("{\"salary\":5,\"employer_id\":\"acme\",\"pay\":{\"min\":1}}", "salary", null));
  }

  @ParameterizedTest
  @MethodSource("unreadableBodies")
  void unreadableBodiesAreDescribedWithoutInternals(String body, String field, String message) throws Exception {
    Reply r = send("PUT", "/api/v1/jobs/unreadable", body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).contains(field);
    if (message != null) {
      assertThat(messageOf(r, field)).isEqualTo(message);
    } else {
      assertThat(messageOf(r, field)).startsWith("is not a known property (known: employer_id, headcount, id,");
    }
    assertNoInternals(r);
    assertAbsent("jobs", "unreadable");
  }

  @Test
  void aBulkBodyThatIsNotAnArrayIsDescribedWithoutInternals() throws Exception {
    Reply r = send("POST", "/api/v1/jobs/bulk", JOB);

    assertThat(r.status()).isEqualTo(400);
    assertThat(messageOf(r, "body")).isEqualTo("must be an array");
    assertNoInternals(r);
  }

  // ---- 3 and 4: every bad field at once, by its JSON name ----

  @Test
  void everyBadFieldOfABodyIsReportedAtOnceWithDomainErrors() throws Exception {
    Reply r = send("PUT", "/api/v1/jobs/many-bad", """
        {"employer_id":12345,"title":true,"headcount":"3","salary":1,
         "location":{"lat":91,"lng":139.7},"pay":{"min":1300.99},
         "shifts":[{"start":"2030-01-07T22:00:00","end":"later","zone":"Asia/Tokyo"},
                   {"start":"2030-01-07T22:00:00","end":"2030-01-07T21:00:00","zone":"Asia/Tokyo"}],
         "required_skills":[{"skill":"cashier","min_level":9}]}
        """);

    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).containsExactlyInAnyOrder("employer_id", "title", "headcount", "salary", "pay.min",
        "shifts[0].end", "location.lat", "shifts[1].end", "required_skills[0].min_level");
    assertNoInternals(r);
    assertAbsent("jobs", "many-bad");
  }

  @Test
  void domainErrorsNameTheJsonFields() throws Exception {
    Reply job = send("PUT", "/api/v1/jobs/json-names", """
        {"employer_id":"acme","location":{"lat":35,"lng":181},"pay":{"min":1300,"max":1200},
         "preferred_skills":[{"skill":"english","level":6,"weight":0}]}
        """);
    assertThat(job.status()).isEqualTo(400);
    assertThat(fields(job)).containsExactlyInAnyOrder("location.lng", "pay.max", "preferred_skills[0].level");

    Reply worker = send("PUT", "/api/v1/workers/json-names", """
        {"home":{"lat":-91,"lng":139},"max_travel_km":0,"skills":{"レジ":7},
         "desired_pay":{"min_hourly":-1},"desired_hours_per_week":200}
        """);
    assertThat(worker.status()).isEqualTo(400);
    // the whole-worker rules run too (they stop at the first: max_travel_km before skills)
    assertThat(fields(worker)).containsExactlyInAnyOrder("home.lat", "desired_pay.min_hourly", "max_travel_km");
    Reply worker2 = send("PUT", "/api/v1/workers/json-names", "{\"max_travel_km\":0,\"skills\":{\"レジ\":7}}");
    assertThat(fields(worker2)).containsExactlyInAnyOrder("max_travel_km");
    Reply worker3 = send("PUT", "/api/v1/workers/json-names", "{\"skills\":{\"レジ\":7}}");
    assertThat(fields(worker3)).containsExactly("skills.レジ");
    assertAbsent("jobs", "json-names");
    assertAbsent("workers", "json-names");
  }

  // ---- 5: text every store can hold ----

  @Test
  void nulAndLoneSurrogatesAreRejectedInEveryTextField() throws Exception {
    for (String bad : List.of("\\u0000", "a\\udc00", "\\ud800b")) {
      Reply title = send("PUT", "/api/v1/jobs/text-1", JOB.replace("\"Cashier\"", "\"" + bad + "\""));
      assertThat(title.status()).isEqualTo(400);
      assertThat(fields(title)).containsExactly("title");
      Reply employer = send("PUT", "/api/v1/jobs/text-1", JOB.replace("\"acme\"", "\"acme" + bad + "\""));
      assertThat(fields(employer)).containsExactly("employer_id");
      Reply skill = send("PUT", "/api/v1/jobs/text-1", JOB.replace("\"cashier\"", "\"cash" + bad + "\""));
      assertThat(fields(skill)).containsExactly("required_skills[0].skill");
      // a skill name is a JSON property name there: Jackson's parser refuses lone surrogates in names
      Reply key = send("PUT", "/api/v1/workers/text-1", WORKER.replace("\"cashier\":3", "\"cash" + bad + "\":3"));
      assertThat(key.status()).isEqualTo(400);
      assertThat(fields(key)).hasSize(1).first().satisfiesAnyOf(f -> assertThat(f).isEqualTo("skills"),
          f -> assertThat(f).isEqualTo("body"));
    }
    Reply nulKey = send("PUT", "/api/v1/workers/text-1", WORKER.replace("\"cashier\":3", "\"cash\\u0000\":3"));
    assertThat(fields(nulKey)).containsExactly("skills");
    assertAbsent("jobs", "text-1");
    assertAbsent("workers", "text-1");
  }

  // ---- 6: bulk ----

  @Test
  void bulkStoresEveryValidRecordAndReportsEachRejectedOne() throws Exception {
    Reply r = send("POST", "/api/v1/jobs/bulk", "[" + JOB.replace("{\"employer_id\"", "{\"id\":\"bulk-ok\",\"employer_id\"") + ","
        + JOB.replace("{\"employer_id\"", "{\"id\":\"bulk-nul\",\"employer_id\"").replace("\"Cashier\"", "\"a\\u0000\"") + ","
        + JOB.replace("{\"employer_id\"", "{\"id\":\"bulk-types\",\"employer_id\"").replace("\"headcount\":2", "\"headcount\":\"2\"")
        .replace("\"min\":1300", "\"min\":13.5") + "]");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("stored").asInt()).isEqualTo(1);
    JsonNode rejected = r.body().get("rejected");
    assertThat(rejected.findValues("index")).extracting(JsonNode::asInt).containsExactly(1, 2);
    assertThat(rejected.get(0).get("errors").findValuesAsString("field")).containsExactly("title");
    assertThat(rejected.get(1).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("headcount", "pay.min");
    assertThat(send("GET", "/api/v1/jobs/bulk-ok", null).status()).isEqualTo(200);
    assertAbsent("jobs", "bulk-nul");
    assertAbsent("jobs", "bulk-types");
  }

  @Test
  void bulkChecksEachJobAgainstTheJobWriteAuthorizer() throws Exception {
    engine.upsertJob(Job.builder("theirs").employerId("other").hourlyPay(1000).build());
    String records = "[" + JOB.replace("{\"employer_id\"", "{\"id\":\"theirs\",\"employer_id\"") + ","
        + JOB.replace("{\"employer_id\"", "{\"id\":\"to-other\",\"employer_id\"").replace("\"acme\"", "\"other\"") + ","
        + JOB.replace("{\"employer_id\"", "{\"id\":\"mine\",\"employer_id\"") + "]";

    Reply r = send("POST", "/api/v1/jobs/bulk", records);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("stored").asInt()).isEqualTo(1);
    JsonNode rejected = r.body().get("rejected");
    assertThat(rejected.findValues("index")).extracting(JsonNode::asInt).containsExactly(0, 1);
    assertThat(rejected.findValuesAsString("id")).containsExactly("theirs", "to-other");
    assertThat(rejected.findValuesAsString("message")).containsOnly("belongs to another employer");
    assertThat(employerOf("theirs")).isEqualTo("other");
    assertThat(versionOf("theirs")).isEqualTo(1);
    assertAbsent("jobs", "to-other");
    assertThat(employerOf("mine")).isEqualTo("acme");
  }

  // ---- 7: reserved ids ----

  @Test
  void idsThatNameRoutesAreRefused() throws Exception {
    Reply job = send("PUT", "/api/v1/jobs/bulk", JOB);
    assertThat(job.status()).isEqualTo(400);
    assertThat(fields(job)).containsExactly("id");
    Reply worker = send("PUT", "/api/v1/workers/bulk", WORKER);
    assertThat(worker.status()).isEqualTo(400);
    assertThat(fields(worker)).containsExactly("id");
    Reply bulk = send("POST", "/api/v1/workers/bulk", "[" + WORKER.replace("{\"home\"", "{\"id\":\"bulk\",\"home\"") + "]");
    assertThat(bulk.body().get("stored").asInt()).isZero();
    assertThat(bulk.body().get("rejected").get(0).get("errors").findValuesAsString("field")).containsExactly("id");
    assertThat(engine.jobStore().find("bulk")).isEmpty();
    assertThat(engine.workerStore().find("bulk")).isEmpty();
  }

  @Test
  void theOpenApiDescriptionShowsTheRecordsAsRequestBodies() throws Exception {
    Reply docs = send("GET", "/v3/api-docs", null);

    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.body().get("paths");
    assertThat(paths.at("/~1api~1v1~1jobs~1{id}/put/requestBody/content/application~1json/schema/$ref").asString())
        .endsWith("/JobJson");
    assertThat(paths.at("/~1api~1v1~1workers~1{id}/put/requestBody/content/application~1json/schema/$ref").asString())
        .endsWith("/WorkerJson");
    assertThat(paths.at("/~1api~1v1~1jobs~1bulk/post/requestBody/content/application~1json/schema/items/$ref")
        .asString()).endsWith("/JobJson");
    assertThat(paths.at("/~1api~1v1~1workers~1bulk/post/requestBody/content/application~1json/schema/items/$ref")
        .asString()).endsWith("/WorkerJson");
    assertThat(docs.raw().body()).doesNotContain("JsonBody");
  }

  // ---- 8: conditional requests ----

  private long versionOf(String id) {
    return engine.jobStore().find(id).orElseThrow().version();
  }

  private String employerOf(String id) {
    return engine.jobStore().find(id).orElseThrow().value().employerId();
  }

  @Test
  void emptyConditionalHeadersAre400AndChangeNothing() throws Exception {
    assertThat(send("PUT", "/api/v1/jobs/cond-empty", JOB).status()).isEqualTo(201);
    String changed = JOB.replace("\"acme\"", "\"globex\"");

    Reply put = send("PUT", "/api/v1/jobs/cond-empty", changed, "If-Match", "");
    Reply delete = send("DELETE", "/api/v1/jobs/cond-empty", null, "If-Match", " ");
    Reply none = send("PUT", "/api/v1/jobs/cond-empty", changed, "If-None-Match", "");

    assertThat(List.of(put.status(), delete.status(), none.status())).containsOnly(400);
    assertThat(fields(put)).containsExactly("If-Match");
    assertThat(fields(delete)).containsExactly("If-Match");
    assertThat(fields(none)).containsExactly("If-None-Match");
    assertThat(versionOf("cond-empty")).isEqualTo(1);
    assertThat(employerOf("cond-empty")).isEqualTo("acme");
  }

  @Test
  void ifMatchComparesStronglyAnswers412AndChangesNothing() throws Exception {
    assertThat(send("PUT", "/api/v1/jobs/cond-strong", JOB).status()).isEqualTo(201);
    assertThat(send("PUT", "/api/v1/jobs/cond-strong", JOB).status()).isEqualTo(200);
    String changed = JOB.replace("\"acme\"", "\"globex\"");

    Reply weak = send("PUT", "/api/v1/jobs/cond-strong", changed, "If-Match", "W/\"2\"");
    Reply stale = send("PUT", "/api/v1/jobs/cond-strong", changed, "If-Match", "\"1\"");
    Reply weakDelete = send("DELETE", "/api/v1/jobs/cond-strong", null, "If-Match", "W/\"2\"");
    Reply staleDelete = send("DELETE", "/api/v1/jobs/cond-strong", null, "If-Match", "\"1\"");

    for (Reply r : List.of(weak, stale, weakDelete, staleDelete)) {
      assertThat(r.status()).isEqualTo(412);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.body().get("type").asString()).endsWith("/precondition-failed");
    }
    assertThat(versionOf("cond-strong")).isEqualTo(2);
    assertThat(employerOf("cond-strong")).isEqualTo("acme");

    Reply listed = send("PUT", "/api/v1/jobs/cond-strong", changed, "If-Match", "\"1\", W/\"3\", \"2\"");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.header("ETag")).isEqualTo("\"3\"");
    assertThat(send("DELETE", "/api/v1/jobs/cond-strong", null, "If-Match", "\"7\",\"3\"").status()).isEqualTo(204);
    assertAbsent("jobs", "cond-strong");
  }

  @Test
  void ifMatchStarMeansTheResourceExists() throws Exception {
    Reply putAbsent = send("PUT", "/api/v1/jobs/cond-star", JOB, "If-Match", "*");
    Reply deleteAbsent = send("DELETE", "/api/v1/jobs/cond-star", null, "If-Match", "*");
    Reply versionAbsent = send("PUT", "/api/v1/jobs/cond-star", JOB, "If-Match", "\"1\"");

    assertThat(List.of(putAbsent.status(), deleteAbsent.status(), versionAbsent.status())).containsOnly(412);
    assertAbsent("jobs", "cond-star");
    assertThat(send("PUT", "/api/v1/workers/cond-star", WORKER, "If-Match", "*").status()).isEqualTo(412);
    assertAbsent("workers", "cond-star");

    assertThat(send("PUT", "/api/v1/jobs/cond-star", JOB).status()).isEqualTo(201);
    assertThat(send("PUT", "/api/v1/jobs/cond-star", JOB, "If-Match", "*").status()).isEqualTo(200);
    assertThat(send("DELETE", "/api/v1/jobs/cond-star", null, "If-Match", "*").status()).isEqualTo(204);
    assertAbsent("jobs", "cond-star");
  }

  @Test
  void malformedIfMatchIs400() throws Exception {
    assertThat(send("PUT", "/api/v1/jobs/cond-bad", JOB).status()).isEqualTo(201);
    for (String header : List.of("2", "\"2", "\"2\" \"3\"", ",", "*, \"2\"")) {
      Reply r = send("PUT", "/api/v1/jobs/cond-bad", JOB.replace("\"acme\"", "\"globex\""), "If-Match", header);
      assertThat(r.status()).as(header).isEqualTo(400);
      assertThat(fields(r)).containsExactly("If-Match");
    }
    assertThat(versionOf("cond-bad")).isEqualTo(1);
    assertThat(Objects.requireNonNull(employerOf("cond-bad"))).isEqualTo("acme");
  }
}
