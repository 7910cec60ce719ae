package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Shift MONDAY = Shift.of(LocalDate.parse("2026-04-06"), LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO);
  private static final Shift TUESDAY_NIGHT = Shift.of(LocalDate.parse("2026-04-07"), LocalTime.of(22, 0), LocalTime.of(6, 0), TOKYO);
  private static final Shift WEDNESDAY = Shift.of(LocalDate.parse("2026-04-08"), LocalTime.of(9, 0), LocalTime.of(13, 0), TOKYO);

  private static Job.Builder fullBuilder() {
    return Job.builder("job-1")
        .employerId("emp-1")
        .title("ホールスタッフ")
        .location(35.681236, 139.767125)
        .require("接客", 2)
        .require("レジ", 1)
        .prefer("英語", 3, 2.5)
        .shift(WEDNESDAY)
        .shift(MONDAY)
        .pay(Pay.range(1200, 1500))
        .headcount(3)
        .open(false);
  }

  @Test
  void builderRoundTripsEveryField() {
    Job job = fullBuilder().build();

    assertThat(job.id()).isEqualTo("job-1");
    assertThat(job.employerId()).isEqualTo("emp-1");
    assertThat(job.title()).isEqualTo("ホールスタッフ");
    assertThat(job.location()).isEqualTo(GeoPoint.of(35.681236, 139.767125));
    assertThat(job.remote()).isFalse();
    assertThat(job.requiredSkills()).containsExactly(RequiredSkill.of("接客", 2), RequiredSkill.of("レジ", 1));
    assertThat(job.preferredSkills()).containsExactly(PreferredSkill.of("英語", 3, 2.5));
    assertThat(job.shifts()).containsExactly(MONDAY, WEDNESDAY);
    assertThat(job.pay()).isEqualTo(Pay.range(1200, 1500));
    assertThat(job.headcount()).isEqualTo(3);
    assertThat(job.open()).isFalse();
  }

  @Test
  void defaultsAreTitleFromIdRemoteNoSkillsNoShiftsOneOpenPosition() {
    Job job = Job.builder("job-2").employerId("emp-1").hourlyPay(1100).build();

    assertThat(job.title()).isEqualTo("job-2");
    assertThat(job.location()).isNull();
    assertThat(job.remote()).isTrue();
    assertThat(job.requiredSkills()).isEmpty();
    assertThat(job.preferredSkills()).isEmpty();
    assertThat(job.shifts()).isEmpty();
    assertThat(job.pay()).isEqualTo(Pay.hourly(1100));
    assertThat(job.headcount()).isEqualTo(1);
    assertThat(job.open()).isTrue();
  }

  @Test
  void remoteClearsTheLocation() {
    assertThat(fullBuilder().remote().build().location()).isNull();
    assertThat(fullBuilder().location(null).build().remote()).isTrue();
  }

  @Test
  void toBuilderCopiesToAnEqualJob() {
    Job job = fullBuilder().build();

    Job copy = job.toBuilder().build();

    assertThat(copy).isEqualTo(job).hasSameHashCodeAs(job).isNotSameAs(job);
    assertThat(copy.title()).isEqualTo(job.title());
  }

  @Test
  void changingACopyLeavesTheOriginalUnchanged() {
    Job job = fullBuilder().build();

    Job changed = job.toBuilder().headcount(5).require("品出し", 1).shift(TUESDAY_NIGHT).build();

    assertThat(changed).isNotEqualTo(job);
    assertThat(job.headcount()).isEqualTo(3);
    assertThat(job.requiredSkills()).hasSize(2);
    assertThat(job.shifts()).containsExactly(MONDAY, WEDNESDAY);
    assertThat(changed.shifts()).containsExactly(MONDAY, TUESDAY_NIGHT, WEDNESDAY);
  }

  @Test
  void shiftsAreSortedByStart() {
    Job job = fullBuilder().shifts(List.of(WEDNESDAY, TUESDAY_NIGHT, MONDAY)).build();
    assertThat(job.shifts()).containsExactly(MONDAY, TUESDAY_NIGHT, WEDNESDAY);
  }

  @Test
  void shiftsWithTheSameStartAreSortedByEnd() {
    Shift longer = new Shift(MONDAY.start(), MONDAY.end().plusSeconds(3600), TOKYO);
    Job job = fullBuilder().shifts(List.of(longer, MONDAY)).build();
    assertThat(job.shifts()).containsExactly(MONDAY, longer);
  }

  @Test
  void listsOfABuiltJobAreUnmodifiable() {
    Job job = fullBuilder().build();

    assertThatThrownBy(() -> job.requiredSkills().add(RequiredSkill.of("品出し", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> job.preferredSkills().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> job.shifts().remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mutatingTheListsGivenToTheBuilderDoesNotChangeTheJob() {
    List<Shift> shifts = new ArrayList<>(List.of(MONDAY));
    List<RequiredSkill> required = new ArrayList<>(List.of(RequiredSkill.of("接客", 2)));
    List<PreferredSkill> preferred = new ArrayList<>(List.of(PreferredSkill.of("英語", 3, 1)));
    Job.Builder builder = Job.builder("job-3").employerId("emp-1").hourlyPay(1200)
        .shifts(shifts).requiredSkills(required).preferredSkills(preferred);

    Job job = builder.build();
    shifts.add(WEDNESDAY);
    required.clear();
    preferred.add(PreferredSkill.of("中国語", 2, 1));

    assertThat(job.shifts()).containsExactly(MONDAY);
    assertThat(job.requiredSkills()).containsExactly(RequiredSkill.of("接客", 2));
    assertThat(job.preferredSkills()).containsExactly(PreferredSkill.of("英語", 3, 1));
    assertThat(builder.build()).isEqualTo(job);
  }

  @Test
  void reusingTheBuilderAfterBuildDoesNotChangeTheBuiltJob() {
    Job.Builder builder = fullBuilder();
    Job first = builder.build();

    builder.shift(TUESDAY_NIGHT).require("品出し", 1).prefer("中国語", 2, 1);

    assertThat(first).isEqualTo(fullBuilder().build());
    assertThat(builder.build().shifts()).hasSize(3);
  }

  @Test
  void independentlyBuiltEqualJobsAreEqualAndHashAlike() {
    Job a = fullBuilder().build();
    Job b = fullBuilder().shifts(List.of(MONDAY, WEDNESDAY)).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(null).isNotEqualTo("job-1");
  }

  static Stream<Arguments> singleFieldChanges() {
    return Stream.of(
        arguments("employerId", (UnaryOperator<Job.Builder>) b -> b.employerId("emp-2")),
        arguments("title", (UnaryOperator<Job.Builder>) b -> b.title("キッチン")),
        arguments("location", (UnaryOperator<Job.Builder>) b -> b.location(34.702485, 135.495951)),
        arguments("remote", (UnaryOperator<Job.Builder>) Job.Builder::remote),
        arguments("required skill level", (UnaryOperator<Job.Builder>) b -> b.requiredSkills(
            List.of(RequiredSkill.of("接客", 3), RequiredSkill.of("レジ", 1)))),
        arguments("required skill order", (UnaryOperator<Job.Builder>) b -> b.requiredSkills(
            List.of(RequiredSkill.of("レジ", 1), RequiredSkill.of("接客", 2)))),
        arguments("preferred weight", (UnaryOperator<Job.Builder>) b -> b.preferredSkills(
            List.of(PreferredSkill.of("英語", 3, 2.0)))),
        arguments("shifts", (UnaryOperator<Job.Builder>) b -> b.shift(TUESDAY_NIGHT)),
        arguments("pay", (UnaryOperator<Job.Builder>) b -> b.pay(Pay.range(1200, 1600))),
        arguments("headcount", (UnaryOperator<Job.Builder>) b -> b.headcount(4)),
        arguments("open", (UnaryOperator<Job.Builder>) b -> b.open(true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleFieldChanges")
  void jobsDifferingInOneFieldAreNotEqual(String field, UnaryOperator<Job.Builder> change) {
    Job job = fullBuilder().build();
    Job other = change.apply(fullBuilder()).build();

    assertThat(other).isNotEqualTo(job);
    assertThat(job).isNotEqualTo(other);
  }

  @Test
  void jobsWithDifferentIdsAreNotEqual() {
    Job other = Job.builder("job-9").employerId("emp-1").hourlyPay(1200).title("job-1").build();
    assertThat(other).isNotEqualTo(Job.builder("job-1").employerId("emp-1").hourlyPay(1200).build());
  }
}
