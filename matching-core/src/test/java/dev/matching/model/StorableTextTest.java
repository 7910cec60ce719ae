package dev.matching.model;

import static dev.matching.model.ModelFailures.failsNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text field of jobs and workers rejects what some store cannot hold (NUL, unpaired
 * surrogates), so the in-memory store, PostgreSQL and Redis all hold exactly the same values.
 */
class StorableTextTest {

  private static Job.Builder job() {
    return Job.builder("j-1").employerId("acme").hourlyPay(1200);
  }

  /** Field name in the message, and a construction putting {@code text} into that field. */
  static Stream<Arguments> textFields() {
    Map<String, Function<String, Object>> fields = Map.of(
        "id", text -> Job.builder(text).employerId("acme").hourlyPay(1200).build(),
        "employerId", text -> job().employerId(text).build(),
        "title", text -> job().title(text).build(),
        "requiredSkills.skill", text -> job().require(text, 1).build(),
        "preferredSkills.skill", text -> job().prefer(text, 1, 1.0).build(),
        "skills", text -> Worker.builder("w-1").skill(text, 2).build());
    Map<String, String> badTexts = Map.of(
        "NUL", "a\u0000b",
        "lone high surrogate", "a\ud800b",
        "lone low surrogate", "a\udc00",
        "reversed pair", "\udc00\ud800",
        "high surrogate at the end", "ab\ud83d");
    return fields.entrySet().stream().flatMap(field -> badTexts.entrySet().stream()
        .map(bad -> arguments(field.getKey(), bad.getKey(), bad.getValue(), field.getValue())));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("textFields")
  void textNoStoreCanHoldIsRejectedNamingTheField(String field, String kind, String text,
      Function<String, Object> build) {
    failsNaming(() -> build.apply(text), field, "must not contain");
  }

  @Test
  void workerIdsRejectUnpairedSurrogatesToo() {
    failsNaming(() -> Worker.builder("w\udc00").build(), "id", "unpaired surrogate");
  }

  @Test
  void pairedSurrogatesAndOtherUnicodeAreKept() {
    String text = "求人 😀 \u00e9\u0301 \ufeff\uffff";
    Job j = job().title(text).require("スキル😀", 2).build();
    assertThat(j.title()).isEqualTo(text);
    assertThat(j.requiredSkills().get(0).skill()).isEqualTo("スキル😀");
  }
}
