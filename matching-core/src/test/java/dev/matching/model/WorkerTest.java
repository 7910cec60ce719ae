package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkerTest {

  private static final Availability WEEKDAY_MORNINGS = Availability.weekly(ZoneId.of("Asia/Tokyo"),
      List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "08:00", "12:00"), WeeklyWindow.of(DayOfWeek.FRIDAY, "08:00", "12:00")));

  private static Worker.Builder fullBuilder() {
    return Worker.builder("w-1")
        .home(35.681236, 139.767125)
        .maxTravelKm(12.5)
        .skill("接客", 3)
        .skill("レジ", 2)
        .availability(WEEKDAY_MORNINGS)
        .desiredPay(PayPreference.hard(1300))
        .desiredHoursPerWeek(20)
        .active(false);
  }

  @Test
  void builderRoundTripsEveryField() {
    Worker w = fullBuilder().build();

    assertThat(w.id()).isEqualTo("w-1");
    assertThat(w.home()).isEqualTo(GeoPoint.of(35.681236, 139.767125));
    assertThat(w.maxTravelKm()).isEqualTo(12.5);
    assertThat(w.skills()).containsExactlyInAnyOrderEntriesOf(Map.of("接客", 3, "レジ", 2));
    assertThat(w.availability()).isEqualTo(WEEKDAY_MORNINGS);
    assertThat(w.desiredPay()).isEqualTo(PayPreference.hard(1300));
    assertThat(w.desiredHoursPerWeek()).isEqualTo(20);
    assertThat(w.active()).isFalse();
  }

  @Test
  void defaultsAreTenKilometresActiveAndEverythingElseUnknown() {
    Worker w = Worker.builder("w-2").build();

    assertThat(w.home()).isNull();
    assertThat(w.maxTravelKm()).isEqualTo(10.0);
    assertThat(w.skills()).isEmpty();
    assertThat(w.availability()).isNull();
    assertThat(w.desiredPay()).isNull();
    assertThat(w.desiredHoursPerWeek()).isNull();
    assertThat(w.active()).isTrue();
  }

  @Test
  void skillsAreSortedByCode() {
    Worker w = Worker.builder("w-3").skill("接客", 3).skill("レジ", 2).skill("cooking", 1).skill("品出し", 4).build();
    assertThat(w.skills().keySet()).containsExactly("cooking", "レジ", "品出し", "接客");
  }

  @Test
  void levelIsZeroForAMissingSkill() {
    Worker w = fullBuilder().build();
    assertThat(w.level("接客")).isEqualTo(3);
    assertThat(w.level("英語")).isZero();
  }

  @Test
  void addingASkillAgainReplacesItsLevel() {
    assertThat(Worker.builder("w-4").skill("接客", 2).skill("接客", 4).build().skills()).containsExactly(Map.entry("接客", 4));
  }

  @Test
  void skillsOfABuiltWorkerAreUnmodifiable() {
    Worker w = fullBuilder().build();
    assertThatThrownBy(() -> w.skills().put("英語", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mutatingTheMapGivenToTheBuilderDoesNotChangeTheWorker() {
    Map<String, Integer> skills = new LinkedHashMap<>(Map.of("接客", 3));
    Worker.Builder builder = Worker.builder("w-5").skills(skills);

    Worker w = builder.build();
    skills.put("レジ", 1);
    skills.put("接客", 5);

    assertThat(w.skills()).containsExactly(Map.entry("接客", 3));
    assertThat(builder.build()).isEqualTo(w);
  }

  @Test
  void reusingTheBuilderAfterBuildDoesNotChangeTheBuiltWorker() {
    Worker.Builder builder = fullBuilder();
    Worker first = builder.build();

    builder.skill("英語", 2).maxTravelKm(50);

    assertThat(first).isEqualTo(fullBuilder().build());
    assertThat(first.skills()).doesNotContainKey("英語");
  }

  @Test
  void toBuilderCopiesToAnEqualWorker() {
    Worker w = fullBuilder().build();

    Worker copy = w.toBuilder().build();

    assertThat(copy).isEqualTo(w).hasSameHashCodeAs(w).isNotSameAs(w);
  }

  @Test
  void changingACopyLeavesTheOriginalUnchanged() {
    Worker w = fullBuilder().build();

    Worker changed = w.toBuilder().skill("英語", 2).active(true).build();

    assertThat(changed).isNotEqualTo(w);
    assertThat(w.skills()).hasSize(2);
    assertThat(w.active()).isFalse();
    assertThat(changed.skills()).hasSize(3);
  }

  @Test
  void skillInsertionOrderDoesNotAffectEquality() {
    Worker a = Worker.builder("w-6").skill("接客", 3).skill("レジ", 2).build();
    Worker b = Worker.builder("w-6").skill("レジ", 2).skill("接客", 3).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(null).isNotEqualTo("w-6");
  }

  static Stream<Arguments> singleFieldChanges() {
    return Stream.of(
        arguments("home", (UnaryOperator<Worker.Builder>) b -> b.home(34.702485, 135.495951)),
        arguments("home unknown", (UnaryOperator<Worker.Builder>) b -> b.home(null)),
        arguments("maxTravelKm", (UnaryOperator<Worker.Builder>) b -> b.maxTravelKm(12.500001)),
        arguments("skill level", (UnaryOperator<Worker.Builder>) b -> b.skill("レジ", 3)),
        arguments("extra skill", (UnaryOperator<Worker.Builder>) b -> b.skill("英語", 1)),
        arguments("availability", (UnaryOperator<Worker.Builder>) b -> b.availability(
            Availability.weekly(ZoneId.of("Asia/Tokyo"), List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "08:00", "12:00"))))),
        arguments("availability zone", (UnaryOperator<Worker.Builder>) b -> b.availability(
            Availability.weekly(ZoneId.of("Asia/Seoul"), WEEKDAY_MORNINGS.weekly()))),
        arguments("availability unknown", (UnaryOperator<Worker.Builder>) b -> b.availability(null)),
        arguments("desired pay hardness", (UnaryOperator<Worker.Builder>) b -> b.desiredPay(PayPreference.soft(1300))),
        arguments("desired pay unknown", (UnaryOperator<Worker.Builder>) b -> b.desiredPay(null)),
        arguments("desired hours", (UnaryOperator<Worker.Builder>) b -> b.desiredHoursPerWeek(21)),
        arguments("desired hours unknown", (UnaryOperator<Worker.Builder>) b -> b.desiredHoursPerWeek(null)),
        arguments("active", (UnaryOperator<Worker.Builder>) b -> b.active(true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleFieldChanges")
  void workersDifferingInOneFieldAreNotEqual(String field, UnaryOperator<Worker.Builder> change) {
    Worker w = fullBuilder().build();
    Worker other = change.apply(fullBuilder()).build();

    assertThat(other).isNotEqualTo(w);
    assertThat(w).isNotEqualTo(other);
  }

  @Test
  void workersWithDifferentIdsAreNotEqual() {
    assertThat(Worker.builder("w-7").build()).isNotEqualTo(Worker.builder("w-8").build());
  }
}
