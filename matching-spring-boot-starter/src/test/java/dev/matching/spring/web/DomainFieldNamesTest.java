package dev.matching.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.matching.spring.web.ResourceJson.JobJson;
import dev.matching.spring.web.ResourceJson.WorkerJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;

/**
 * Domain validation errors carry the JSON path of the field, for every field of {@link JobJson}
 * and {@link WorkerJson} the domain validates: the explicit tables of {@link DomainMapper} map
 * the domain's Java field names.
 */
class DomainFieldNamesTest {
  private static final DomainMapper MAPPER = new DomainMapper();
  private static final String JOB = JsonBodyProperties.JOB;
  private static final String WORKER = JsonBodyProperties.WORKER;

  static Stream<Arguments> domainErrors() {
    return Stream.of(
        job("\"employer_id\":\"acme\"", "\"employer_id\":\" \"", "employer_id"),
        job("\"title\":\"Cashier\"", "\"title\":\"" + "x".repeat(201) + "\"", "title"),
        job("\"title\":\"Cashier\"", "\"title\":\"a\\u0000\"", "title"),
        job("\"lat\":35.6", "\"lat\":91", "location.lat"),
        job("\"lng\":139.7", "\"lng\":-181", "location.lng"),
        job("\"skill\":\"cashier\"", "\"skill\":\" cashier\"", "required_skills[0].skill"),
        job("\"min_level\":2", "\"min_level\":0", "required_skills[0].min_level"),
        job("\"skill\":\"english\"", "\"skill\":\"\"", "preferred_skills[0].skill"),
        job("\"level\":2", "\"level\":6", "preferred_skills[0].level"),
        job("\"weight\":1.5", "\"weight\":0", "preferred_skills[0].weight"),
        job("\"start\":\"2030-01-07T22:00:00\"", "\"start\":\"1980-01-07T22:00:00\"", "shifts[0].start"),
        job("\"end\":\"2030-01-08T06:00:00\"", "\"end\":\"2030-01-07T21:00:00\"", "shifts[0].end"),
        job("\"zone\":\"Asia/Tokyo\"", "\"zone\":\"Mars/Base\"", "shifts[0].zone"),
        job("\"min\":1300", "\"min\":-1", "pay.min"),
        job("\"max\":1500", "\"max\":1000", "pay.max"),
        job("\"headcount\":2", "\"headcount\":0", "headcount"),
        job("\"required_skills\":[{\"skill\":\"cashier\",\"min_level\":2}]",
            "\"required_skills\":[{\"skill\":\"cashier\",\"min_level\":2},{\"skill\":\"cashier\",\"min_level\":3}]",
            "required_skills"),
        job("\"preferred_skills\":[{\"skill\":\"english\",\"level\":2,\"weight\":1.5}]",
            "\"preferred_skills\":[{\"skill\":\"english\",\"level\":2},{\"skill\":\"english\",\"level\":3}]",
            "preferred_skills"),
        job("\"pay\":{\"min\":1300,\"max\":1500}", "\"pay\":{\"max\":1500}", "pay.min"),
        worker("\"lat\":35.6", "\"lat\":-91", "home.lat"),
        worker("\"lng\":139.7", "\"lng\":181", "home.lng"),
        worker("\"max_travel_km\":15", "\"max_travel_km\":0", "max_travel_km"),
        worker("\"cashier\":3", "\"レジ\":7", "skills.レジ"),
        worker("\"cashier\":3", "\" レジ\":2", "skills"),
        worker("\"zone\":\"Asia/Tokyo\"", "\"zone\":\"Nowhere\"", "availability.zone"),
        worker("\"start\":\"20:00\",", "", "availability.weekly[0].start"),
        worker("\"date\":\"2030-01-05\",", "", "availability.overrides[0].date"),
        worker("\"overrides\":[{\"date\":\"2030-01-05\",\"windows\":[{\"start\":\"09:00\",\"end\":\"12:00\"}]}]",
            "\"overrides\":[{\"date\":\"2030-01-05\",\"windows\":[]},{\"date\":\"2030-01-05\",\"windows\":[]}]",
            "availability.overrides"),
        worker("\"min_hourly\":1200", "\"min_hourly\":-1", "desired_pay.min_hourly"),
        worker("\"desired_hours_per_week\":20", "\"desired_hours_per_week\":169", "desired_hours_per_week"));
  }

  private static Arguments job(String valid, String bad, String field) {
    return Arguments.of(true, replace(JOB, valid, bad), field);
  }

  private static Arguments worker(String valid, String bad, String field) {
    return Arguments.of(false, replace(WORKER, valid, bad), field);
  }

  private static String replace(String body, String valid, String bad) {
    assertThat(body).contains(valid);
    return body.replaceFirst(java.util.regex.Pattern.quote(valid), java.util.regex.Matcher.quoteReplacement(bad));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("domainErrors")
  void aDomainErrorNamesTheJsonPath(boolean job, String body, String field) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> JsonBodyProperties.toDomain(job, body));

    assertThat(e).as(body).isNotNull();
    assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
    assertThat(e.errors().get(0).message()).doesNotContain("Exception", "java.", "Yen", "shift.", "window.",
        "requiredSkills", "preferredSkills", "employerId", "maxTravelKm", "desiredPay");
  }

  @Test
  void otherFieldsAMessageMentionsAreJsonPathsToo() {
    InvalidRequestException pay = catchThrowableOfType(InvalidRequestException.class,
        () -> JsonBodyProperties.toDomain(true, replace(JOB, "\"max\":1500", "\"max\":1000")));
    InvalidRequestException shift = catchThrowableOfType(InvalidRequestException.class,
        () -> JsonBodyProperties.toDomain(true, replace(JOB, "\"end\":\"2030-01-08T06:00:00\"", "\"end\":\"2030-01-07T21:00:00\"")));

    assertThat(pay.errors()).containsExactly(new FieldError("pay.max", "must be at least pay.min (1300), was 1000"));
    assertThat(shift.errors().get(0).message()).startsWith("must be after shifts[0].start (");
  }

  @Test
  void everyValidatedJsonFieldHasACase() {
    Set<String> covered = new TreeSet<>();
    domainErrors().forEach(a -> covered.add(((String) a.get()[2]).replaceAll("\\[\\d+]", "").replace(".レジ", "")));
    JsonBodyProperties.FIELDS.forEach(f -> covered.add(f.path().replaceAll("\\[\\d+]", "").replace(".cashier", "")));
    Set<String> leaves = new TreeSet<>();
    leaves(JobJson.class, "", leaves);
    leaves(WorkerJson.class, "", leaves);
    leaves.removeAll(Set.of("id", "version"));
    // booleans and windows are typed only: no domain rule beyond their JSON type
    assertThat(covered).containsAll(leaves);
  }

  private static void leaves(Class<?> record, String path, Set<String> out) {
    for (RecordComponent c : record.getRecordComponents()) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      String name = path + (path.isEmpty() ? "" : ".") + (p == null ? c.getName() : p.value());
      Class<?> type = c.getType();
      Type generic = c.getGenericType();
      if (List.class.isAssignableFrom(type)) {
        type = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
      }
      if (type.isRecord()) {
        leaves(type, name, out);
      } else if (!Map.class.isAssignableFrom(type)) {
        out.add(name);
      } else {
        out.add(name);
      }
    }
  }

  @Test
  void theTablesMapBracketedDomainFields() {
    assertThat(FieldErrors.jsonName("skills[レジ]", DomainMapper.WORKER_FIELDS)).isEqualTo("skills.レジ");
    assertThat(FieldErrors.jsonName("requiredSkills[a.b].minLevel", DomainMapper.REQUIRED_SKILL_FIELDS))
        .isEqualTo("min_level");
    assertThat(FieldErrors.jsonName("somethingNew", DomainMapper.JOB_FIELDS)).isNull();
  }

  @Test
  void bindingAndDomainErrorsComeTogether() {
    String body = replace(replace(replace(JOB, "\"title\":\"Cashier\"", "\"title\":true"), "\"lat\":35.6", "\"lat\":95"),
        "\"headcount\":2", "\"headcount\":0");
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> MAPPER.toJob("x", JsonBodyProperties.JSON.readValue(body, new TypeReference<JsonBody<JobJson>>() {})));

    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("title", "location.lat", "headcount");
  }
}
