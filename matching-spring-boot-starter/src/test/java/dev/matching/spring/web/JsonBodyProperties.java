package dev.matching.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.matching.spring.web.ResourceJson.JobJson;
import dev.matching.spring.web.ResourceJson.WorkerJson;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated wrong-typed JSON values, one field of a job or worker at a time: the field is
 * reported under its JSON path with the API's message for its type, never bound by coercion,
 * never reported as missing, and no other field is blamed.
 */
class JsonBodyProperties {
  static final JsonMapper JSON = strictMapper();

  static JsonMapper strictMapper() {
    JsonMapper.Builder b = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    StrictJsonTypes.configure(b);
    return b.build();
  }

  enum Kind { INTEGER, NUMBER, STRING, BOOLEAN, DAY, DATE_TIME, TIME, DATE }

  /** A field of a valid body: {@code %s} in {@code template} is the field's value. */
  record Field(boolean job, String path, Kind kind, String template) {
    String body(String value) {
      return template.formatted(value);
    }
  }

  static final String JOB = """
      {"employer_id":"acme","title":"Cashier","location":{"lat":35.6,"lng":139.7},
       "required_skills":[{"skill":"cashier","min_level":2}],
       "preferred_skills":[{"skill":"english","level":2,"weight":1.5}],
       "shifts":[{"start":"2030-01-07T22:00:00","end":"2030-01-08T06:00:00","zone":"Asia/Tokyo"}],
       "pay":{"min":1300,"max":1500},"headcount":2,"open":true}""";
  static final String WORKER = """
      {"home":{"lat":35.6,"lng":139.7},"max_travel_km":15,"skills":{"cashier":3},
       "availability":{"zone":"Asia/Tokyo","weekly":[{"day":"MONDAY","start":"20:00","end":"08:00"}],
         "overrides":[{"date":"2030-01-05","windows":[{"start":"09:00","end":"12:00"}]}]},
       "desired_pay":{"min_hourly":1200,"hard":false},"desired_hours_per_week":20,"active":true}""";

  static final List<Field> FIELDS = List.of(
      job("id", Kind.STRING, "\"employer_id\"", "\"id\":%s,\"employer_id\""),
      job("employer_id", Kind.STRING, "\"employer_id\":\"acme\"", "\"employer_id\":%s"),
      job("title", Kind.STRING, "\"title\":\"Cashier\"", "\"title\":%s"),
      job("location.lat", Kind.NUMBER, "\"lat\":35.6", "\"lat\":%s"),
      job("location.lng", Kind.NUMBER, "\"lng\":139.7", "\"lng\":%s"),
      job("required_skills[0].skill", Kind.STRING, "\"skill\":\"cashier\"", "\"skill\":%s"),
      job("required_skills[0].min_level", Kind.INTEGER, "\"min_level\":2", "\"min_level\":%s"),
      job("preferred_skills[0].skill", Kind.STRING, "\"skill\":\"english\"", "\"skill\":%s"),
      job("preferred_skills[0].level", Kind.INTEGER, "\"level\":2", "\"level\":%s"),
      job("preferred_skills[0].weight", Kind.NUMBER, "\"weight\":1.5", "\"weight\":%s"),
      job("shifts[0].start", Kind.DATE_TIME, "\"start\":\"2030-01-07T22:00:00\"", "\"start\":%s"),
      job("shifts[0].end", Kind.DATE_TIME, "\"end\":\"2030-01-08T06:00:00\"", "\"end\":%s"),
      job("shifts[0].zone", Kind.STRING, "\"zone\":\"Asia/Tokyo\"", "\"zone\":%s"),
      job("pay.min", Kind.INTEGER, "\"min\":1300", "\"min\":%s"),
      job("pay.max", Kind.INTEGER, "\"max\":1500", "\"max\":%s"),
      job("headcount", Kind.INTEGER, "\"headcount\":2", "\"headcount\":%s"),
      job("open", Kind.BOOLEAN, "\"open\":true", "\"open\":%s"),
      worker("id", Kind.STRING, "\"home\"", "\"id\":%s,\"home\""),
      worker("home.lat", Kind.NUMBER, "\"lat\":35.6", "\"lat\":%s"),
      worker("home.lng", Kind.NUMBER, "\"lng\":139.7", "\"lng\":%s"),
      worker("max_travel_km", Kind.NUMBER, "\"max_travel_km\":15", "\"max_travel_km\":%s"),
      worker("skills.cashier", Kind.INTEGER, "\"cashier\":3", "\"cashier\":%s"),
      worker("availability.zone", Kind.STRING, "\"zone\":\"Asia/Tokyo\"", "\"zone\":%s"),
      worker("availability.weekly[0].day", Kind.DAY, "\"day\":\"MONDAY\"", "\"day\":%s"),
      worker("availability.weekly[0].start", Kind.TIME, "\"start\":\"20:00\"", "\"start\":%s"),
      worker("availability.weekly[0].end", Kind.TIME, "\"end\":\"08:00\"", "\"end\":%s"),
      worker("availability.overrides[0].date", Kind.DATE, "\"date\":\"2030-01-05\"", "\"date\":%s"),
      worker("availability.overrides[0].windows[0].start", Kind.TIME, "\"start\":\"09:00\"", "\"start\":%s"),
      worker("availability.overrides[0].windows[0].end", Kind.TIME, "\"end\":\"12:00\"", "\"end\":%s"),
      worker("desired_pay.min_hourly", Kind.INTEGER, "\"min_hourly\":1200", "\"min_hourly\":%s"),
      worker("desired_pay.hard", Kind.BOOLEAN, "\"hard\":false", "\"hard\":%s"),
      worker("desired_hours_per_week", Kind.INTEGER, "\"desired_hours_per_week\":20", "\"desired_hours_per_week\":%s"),
      worker("active", Kind.BOOLEAN, "\"active\":true", "\"active\":%s"));

  private static Field job(String path, Kind kind, String valid, String replacement) {
    return new Field(true, path, kind, replaceOnce(JOB, valid, replacement));
  }

  private static Field worker(String path, Kind kind, String valid, String replacement) {
    return new Field(false, path, kind, replaceOnce(WORKER, valid, replacement));
  }

  private static String replaceOnce(String body, String valid, String replacement) {
    String template = body.replace("%", "%%");
    int at = template.indexOf(valid);
    if (at < 0) {
      throw new IllegalArgumentException(valid);
    }
    return template.substring(0, at) + replacement + template.substring(at + valid.length());
  }

  static String message(Kind kind) {
    return switch (kind) {
      case INTEGER -> "must be an integer";
      case NUMBER -> "must be a number";
      case STRING -> "must be a string";
      case BOOLEAN -> "must be a boolean (true or false)";
      case DAY -> "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY";
      case DATE_TIME -> "must be a date-time such as 2030-01-05T10:00:00";
      case TIME -> "must be a time such as 09:00";
      case DATE -> "must be a date such as 2030-01-05";
    };
  }

  static Arbitrary<String> strings() {
    return Arbitraries.strings().ofMaxLength(12).map(s -> JSON.writeValueAsString(s));
  }

  static Arbitrary<String> wrongFor(Kind kind) {
    Arbitrary<String> integers = Arbitraries.integers().between(-1_000_000, 1_000_000).map(String::valueOf);
    Arbitrary<String> fractions = Arbitraries.doubles().between(-1e6, 1e6).ofScale(3)
        .filter(d -> d != Math.rint(d)).map(String::valueOf);
    Arbitrary<String> booleans = Arbitraries.of("true", "false");
    Arbitrary<String> containers = Arbitraries.oneOf(
        integers.map(i -> "[" + i + "]"), strings().map(s -> "{\"v\":" + s + "}"), Arbitraries.of("[]", "{}"));
    Arbitrary<String> numbersAsStrings = Arbitraries.oneOf(integers, fractions).map(n -> "\"" + n + "\"");
    return switch (kind) {
      case INTEGER -> Arbitraries.oneOf(fractions, numbersAsStrings, strings(), booleans, containers,
          Arbitraries.of("2.0", "1e3", "3000000000"));
      case NUMBER -> Arbitraries.oneOf(numbersAsStrings, strings(), booleans, containers);
      case STRING -> Arbitraries.oneOf(integers, fractions, booleans, containers);
      case BOOLEAN -> Arbitraries.oneOf(integers, fractions, strings(), containers,
          Arbitraries.of("\"true\"", "\"false\"", "0", "1"));
      case DAY -> Arbitraries.oneOf(integers, Arbitraries.integers().between(0, 7).map(i -> "\"" + i + "\""),
          Arbitraries.of("\"monday\"", "\"Mon\"", "\"\"", "true"), containers);
      case DATE_TIME -> Arbitraries.oneOf(integers, booleans, Arbitraries.of("[2030,1,5,10,0]", "\"2030-01-05\"",
          "\"2030-01-05 10:00\"", "\"\"", "\"2030-02-30T10:00:00\"", "\"tomorrow\""), containers);
      case TIME -> Arbitraries.oneOf(integers, booleans, Arbitraries.of("[9,0]", "\"9:00\"", "\"25:00\"", "\"\"",
          "\"noon\""), containers);
      case DATE -> Arbitraries.oneOf(integers, booleans, Arbitraries.of("[2030,1,5]", "\"2030-13-01\"",
          "\"05/01/2030\"", "\"\""), containers);
    };
  }

  @Provide
  Arbitrary<Tuple2<Field, String>> wrongValues() {
    return Arbitraries.of(FIELDS).flatMap(f -> wrongFor(f.kind()).map(v -> Tuple.of(f, v)));
  }

  @Property(tries = 400)
  void aWrongTypedValueIsReportedUnderItsJsonPathAlone(@ForAll("wrongValues") Tuple2<Field, String> c) {
    Field field = c.get1();
    String body = field.body(c.get2());

    List<FieldError> errors = bind(field.job(), body);

    assertThat(errors).as(body).containsExactly(new FieldError(field.path(), message(field.kind())
        + (c.get2().equals("3000000000") ? " within [-2147483648, 2147483647]" : "")));
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> toDomain(field.job(), body));
    assertThat(e).as(body).isNotNull();
    assertThat(e.errors()).as(body).containsExactlyElementsOf(errors);
  }

  @Property(tries = 50)
  void theValidBodiesBind(@ForAll boolean job) {
    assertThat(bind(job, job ? JOB : WORKER)).isEmpty();
    toDomain(job, job ? JOB : WORKER);
  }

  static List<FieldError> bind(boolean job, String body) {
    return job ? JSON.readValue(body, new TypeReference<JsonBody<JobJson>>() {}).errors()
        : JSON.readValue(body, new TypeReference<JsonBody<WorkerJson>>() {}).errors();
  }

  static Object toDomain(boolean job, String body) {
    DomainMapper mapper = new DomainMapper();
    return job ? mapper.toJob("x", JSON.readValue(body, new TypeReference<JsonBody<JobJson>>() {}))
        : mapper.toWorker("x", JSON.readValue(body, new TypeReference<JsonBody<WorkerJson>>() {}));
  }
}
