package dev.matching.model;

import static dev.matching.model.ModelFailures.failsNaming;
import static dev.matching.model.ModelFailures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.matching.model.internal.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every validated field of the model: construction with a bad value fails with an
 * IllegalArgumentException whose message names the field and the value.
 */
class ValidationMessagesTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant NOON_UTC = Instant.parse("2026-04-01T12:00:00Z");

  private static Job.Builder validJob() {
    return Job.builder("j1").employerId("e1").hourlyPay(1200);
  }

  private static Worker.Builder validWorker() {
    return Worker.builder("w1");
  }

  @Nested
  class GeoPointValidation {

    @Test
    void nanLatitudeIsRejectedAsNotFinite() {
      failsWith(() -> GeoPoint.of(Double.NaN, 0), "latitude: must be a finite number, was NaN");
    }

    @Test
    void latitudeAboveNinetyIsRejectedWithTheRange() {
      failsWith(() -> GeoPoint.of(91, 0), "latitude: must be within [-90, 90], was 91.0");
    }

    @Test
    void longitudeBelowMinus180IsRejectedWithTheRange() {
      failsWith(() -> GeoPoint.of(0, -180.5), "longitude: must be within [-180, 180], was -180.5");
    }

    @ParameterizedTest(name = "latitude {0}")
    @ValueSource(doubles = {-90.000001, 90.000001, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void outOfRangeOrInfiniteLatitudeNamesFieldAndValue(double latitude) {
      failsNaming(() -> GeoPoint.of(latitude, 0), "latitude", "was " + latitude);
    }

    @ParameterizedTest(name = "longitude {0}")
    @ValueSource(doubles = {Double.NaN, -180.000001, 180.000001, Double.POSITIVE_INFINITY})
    void outOfRangeOrNonFiniteLongitudeNamesFieldAndValue(double longitude) {
      failsNaming(() -> GeoPoint.of(0, longitude), "longitude", "was " + longitude);
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({"-90, -180", "90, 180", "0, 0", "-0.0, -0.0"})
    void boundaryCoordinatesAreAccepted(double latitude, double longitude) {
      assertThat(GeoPoint.of(latitude, longitude).latitude()).isEqualTo(latitude);
    }
  }

  @Nested
  class PayValidation {

    @Test
    void negativeMinimumIsRejected() {
      failsWith(() -> Pay.range(-1, 1000), "pay.minYen: must be within [0, 1000000], was -1");
    }

    @Test
    void maximumBelowMinimumIsRejectedNamingBoth() {
      failsWith(() -> Pay.range(1200, 1000), "pay.maxYen: must be at least pay.minYen (1200), was 1000");
    }

    @Test
    void negativeFixedRateIsRejectedOnTheMinimum() {
      failsNaming(() -> Pay.hourly(-500), "pay.minYen", "was -500");
    }

    @Test
    void maximumAboveTheCapIsRejected() {
      failsNaming(() -> Pay.range(1000, Pay.MAX_HOURLY_YEN + 1), "pay.maxYen", "was 1000001");
    }

    @Test
    void minimumAboveTheCapIsRejected() {
      failsNaming(() -> Pay.hourly(Integer.MAX_VALUE), "pay.minYen", "was " + Integer.MAX_VALUE);
    }

    @Test
    void zeroAndTheCapAreAccepted() {
      assertThat(Pay.range(0, Pay.MAX_HOURLY_YEN)).isEqualTo(new Pay(0, 1_000_000));
    }

    @Test
    void negativeDesiredPayIsRejected() {
      failsWith(() -> PayPreference.soft(-1), "desiredPay.minHourlyYen: must be within [0, 1000000], was -1");
    }

    @Test
    void desiredPayAboveTheCapIsRejected() {
      failsNaming(() -> PayPreference.hard(2_000_000), "desiredPay.minHourlyYen", "was 2000000");
    }
  }

  @Nested
  class SkillValidation {

    @Test
    void requiredLevelZeroIsRejectedNamingTheSkill() {
      failsWith(() -> RequiredSkill.of("接客", 0), "requiredSkills[接客].minLevel: must be within [1, 5], was 0");
    }

    @Test
    void requiredLevelSixIsRejectedNamingTheSkill() {
      failsWith(() -> RequiredSkill.of("接客", 6), "requiredSkills[接客].minLevel: must be within [1, 5], was 6");
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 6, Integer.MAX_VALUE})
    void preferredLevelOutOfRangeNamesSkillAndValue(int level) {
      failsNaming(() -> PreferredSkill.of("レジ", level, 1.0), "preferredSkills[レジ].level", "was " + level);
    }

    @Test
    void zeroWeightIsRejectedAsNotPositive() {
      failsWith(() -> PreferredSkill.of("レジ", 2, 0.0), "preferredSkills[レジ].weight: must be greater than 0, was 0.0");
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -1.0, -0.0, 100.5})
    void weightOutsideZeroToHundredNamesSkillAndValue(double weight) {
      failsNaming(() -> PreferredSkill.of("レジ", 2, weight), "preferredSkills[レジ].weight", "was " + weight);
    }

    @Test
    void weightOfExactlyHundredIsAccepted() {
      assertThat(PreferredSkill.of("レジ", 2, 100).weight()).isEqualTo(100.0);
    }

    @Test
    void skillLevelCheckUsesTheGivenFieldName() {
      failsWith(() -> SkillLevel.check(7, "x.level"), "x.level: must be within [1, 5], was 7");
    }

    @Test
    void workerSkillLevelZeroIsRejectedNamingTheSkill() {
      failsWith(() -> validWorker().skill("接客", 0).build(), "skills[接客]: must be within [1, 5], was 0");
    }

    @Test
    void workerSkillLevelSixIsRejectedNamingTheSkill() {
      failsNaming(() -> validWorker().skill("接客", 6).build(), "skills[接客]", "was 6");
    }

    @Test
    void workerSkillWithoutLevelIsRejected() {
      Map<String, Integer> skills = new HashMap<>();
      skills.put("接客", null);
      failsWith(() -> validWorker().skills(skills).build(), "skills[接客]: is required");
    }

    @Test
    void workerSkillWithoutCodeIsRejected() {
      Map<String, Integer> skills = new HashMap<>();
      skills.put(null, 3);
      failsWith(() -> validWorker().skills(skills).build(), "skills: is required");
    }
  }

  @Nested
  class IdentifierValidation {

    /** One constructor per validated identifier field, all checked by {@link Checks#id}. */
    private static final Map<String, Consumer<String>> ID_FIELDS = Map.of(
        "id (job)", id -> Job.builder(id).employerId("e1").hourlyPay(1200).build(),
        "employerId", id -> validJob().employerId(id).build(),
        "id (worker)", id -> Worker.builder(id).build(),
        "skills", id -> validWorker().skill(id, 3).build(),
        "requiredSkills.skill", id -> RequiredSkill.of(id, 1),
        "preferredSkills.skill", id -> PreferredSkill.of(id, 1, 1.0));

    private static String fieldName(String idFieldLabel) {
      return idFieldLabel.replace(" (job)", "").replace(" (worker)", "");
    }

    static Stream<Arguments> badIds() {
      List<Arguments> badValues = List.of(
          arguments("empty", "", "must not be blank, was \"\""),
          arguments("spaces only", "   ", "must not be blank, was \"   \""),
          arguments("ideographic space only", "\u3000", "must not be blank, was \"\u3000\""),
          arguments("leading space", " 接客", "must not start or end with white space, was \" 接客\""),
          arguments("trailing space", "接客 ", "must not start or end with white space, was \"接客 \""),
          arguments("trailing ideographic space", "接客\u3000", "must not start or end with white space, was \"接客\u3000\""),
          arguments("leading tab", "\t接客", "must not start or end with white space, was \"\t接客\""),
          arguments("inner tab", "接\t客", "must not contain control characters, was \"接\t客\""),
          arguments("inner NUL", "a\u0000b", "must not contain control characters, was \"a\u0000b\""),
          arguments("trailing DEL", "ab\u007f", "must not contain control characters, was \"ab\u007f\""),
          arguments("C1 control NEL", "a\u0085", "must not contain control characters, was \"a\u0085\""),
          arguments("129 characters", "x".repeat(129), "must be at most 128 characters, was 129"),
          arguments("129 spaces", " ".repeat(129), "must not be blank, was \"" + " ".repeat(129) + "\""));
      return ID_FIELDS.keySet().stream().sorted().flatMap(field -> badValues.stream().map(bad -> {
        Object[] a = bad.get();
        return arguments(field, a[0], a[1], a[2]);
      }));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badIds")
    void badIdentifierIsRejectedWithFieldAndValue(String field, String description, String badId, String problem) {
      failsWith(() -> ID_FIELDS.get(field).accept(badId), fieldName(field) + ": " + problem);
    }

    static Stream<String> idFields() {
      return ID_FIELDS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idFields")
    void missingIdentifierIsRequired(String field) {
      failsWith(() -> ID_FIELDS.get(field).accept(null), fieldName(field) + ": is required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idFields")
    void identifierOfExactly128CharactersWithInnerSpacesIsAccepted(String field) {
      String longest = "接客 ".repeat(42) + "ab";
      assertThat(longest).hasSize(Checks.MAX_ID_LENGTH);
      ID_FIELDS.get(field).accept(longest);
    }
  }

  @Nested
  class JobValidation {

    @Test
    void jobWithoutEmployerIsRejected() {
      failsWith(() -> Job.builder("j1").hourlyPay(1200).build(), "employerId: is required");
    }

    @Test
    void jobWithoutPayIsRejected() {
      failsWith(() -> Job.builder("j1").employerId("e1").build(), "pay: is required");
    }

    @Test
    void headcountZeroIsRejected() {
      failsWith(() -> validJob().headcount(0).build(), "headcount: must be within [1, 100000], was 0");
    }

    @ParameterizedTest(name = "headcount {0}")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, Job.MAX_HEADCOUNT + 1})
    void headcountOutOfRangeNamesFieldAndValue(int headcount) {
      failsNaming(() -> validJob().headcount(headcount).build(), "headcount", "was " + headcount);
    }

    @Test
    void titleLongerThan200CharactersIsRejected() {
      failsWith(() -> validJob().title("あ".repeat(201)).build(), "title: must be at most 200 characters, was 201");
    }

    @Test
    void duplicateRequiredSkillIsRejectedNamingTheSkill() {
      failsWith(() -> validJob().require("接客", 2).require("接客", 3).build(), "requiredSkills: lists \"接客\" twice");
    }

    @Test
    void duplicatePreferredSkillIsRejectedNamingTheSkill() {
      failsWith(() -> validJob().prefer("レジ", 2, 1).prefer("レジ", 4, 2).build(),
          "preferredSkills: lists \"レジ\" twice");
    }

    @Test
    void sameSkillMayBeBothRequiredAndPreferred() {
      Job job = validJob().require("接客", 2).prefer("接客", 4, 1).build();
      assertThat(job.requiredSkills()).hasSize(1);
      assertThat(job.preferredSkills()).hasSize(1);
    }

    @Test
    void nullRequiredSkillElementIsRejectedWithItsIndex() {
      failsWith(() -> validJob().requiredSkills(Arrays.asList(RequiredSkill.of("接客", 1), null)),
          "requiredSkills[1]: is required");
    }

    @Test
    void nullPreferredSkillElementIsRejectedWithItsIndex() {
      failsWith(() -> validJob().preferredSkills(Arrays.asList((PreferredSkill) null)), "preferredSkills[0]: is required");
    }

    @Test
    void nullShiftElementIsRejectedWithItsIndex() {
      Shift shift = Shift.of(LocalDate.of(2026, 4, 1), LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO);
      failsWith(() -> validJob().shifts(Arrays.asList(shift, shift, null)), "shifts[2]: is required");
    }

    @Test
    void addingANullShiftIsRejectedWithItsIndex() {
      Shift shift = Shift.of(LocalDate.of(2026, 4, 1), LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO);
      failsWith(() -> validJob().shift(shift).shift(null), "shifts[1]: is required");
    }

    @Test
    void nullSkillListIsRejected() {
      failsWith(() -> validJob().requiredSkills(null), "requiredSkills: is required");
    }

    @Test
    void moreThan64RequiredSkillsAreRejected() {
      List<RequiredSkill> skills = IntStream.range(0, Job.MAX_SKILLS + 1)
          .mapToObj(i -> RequiredSkill.of("s" + i, 1)).collect(Collectors.toList());
      failsWith(() -> validJob().requiredSkills(skills).build(), "requiredSkills: must list at most 64 skills, was 65");
    }

    @Test
    void moreThan1000ShiftsAreRejected() {
      List<Shift> shifts = IntStream.range(0, Job.MAX_SHIFTS + 1)
          .mapToObj(i -> new Shift(NOON_UTC.plusSeconds(3600L * i), NOON_UTC.plusSeconds(3600L * i + 60), TOKYO))
          .collect(Collectors.toList());
      failsWith(() -> validJob().shifts(shifts).build(), "shifts: must have at most 1000 entries, was 1001");
    }
  }

  @Nested
  class WorkerValidation {

    @Test
    void zeroTravelDistanceIsRejectedAsNotPositive() {
      failsWith(() -> validWorker().maxTravelKm(0).build(), "maxTravelKm: must be greater than 0, was 0.0");
    }

    @Test
    void negativeTravelDistanceIsRejectedWithTheRange() {
      failsWith(() -> validWorker().maxTravelKm(-1).build(), "maxTravelKm: must be within [0, 1000], was -1.0");
    }

    @Test
    void nanTravelDistanceIsRejectedAsNotFinite() {
      failsWith(() -> validWorker().maxTravelKm(Double.NaN).build(), "maxTravelKm: must be a finite number, was NaN");
    }

    @ParameterizedTest(name = "maxTravelKm {0}")
    @ValueSource(doubles = {-0.0, 1000.0001, 1e9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void travelDistanceOutOfRangeNamesFieldAndValue(double km) {
      failsNaming(() -> validWorker().maxTravelKm(km).build(), "maxTravelKm", "was " + km);
    }

    @ParameterizedTest(name = "maxTravelKm {0}")
    @ValueSource(doubles = {0.001, 10, 1000})
    void travelDistanceWithinRangeIsAccepted(double km) {
      assertThat(validWorker().maxTravelKm(km).build().maxTravelKm()).isEqualTo(km);
    }

    @Test
    void zeroDesiredHoursAreRejected() {
      failsWith(() -> validWorker().desiredHoursPerWeek(0).build(), "desiredHoursPerWeek: must be within [1, 168], was 0");
    }

    @Test
    void moreDesiredHoursThanAWeekHasAreRejected() {
      failsWith(() -> validWorker().desiredHoursPerWeek(169).build(), "desiredHoursPerWeek: must be within [1, 168], was 169");
    }

    @Test
    void desiredHoursAtTheBoundsAreAccepted() {
      assertThat(validWorker().desiredHoursPerWeek(1).build().desiredHoursPerWeek()).isEqualTo(1);
      assertThat(validWorker().desiredHoursPerWeek(168).build().desiredHoursPerWeek()).isEqualTo(168);
    }

    @Test
    void moreThan64SkillsAreRejected() {
      Map<String, Integer> skills = IntStream.range(0, Worker.MAX_SKILLS + 1).boxed()
          .collect(Collectors.toMap(i -> "s" + i, i -> 1));
      failsWith(() -> validWorker().skills(skills).build(), "skills: must list at most 64 skills, was 65");
    }

    @Test
    void nullSkillMapIsRejected() {
      failsWith(() -> validWorker().skills(null), "skills: is required");
    }
  }

  @Nested
  class ShiftValidation {

    @Test
    void endBeforeStartIsRejectedNamingBoth() {
      failsWith(() -> new Shift(NOON_UTC, NOON_UTC.minusSeconds(60), TOKYO),
          "shift.end: must be after shift.start (2026-04-01T12:00:00Z), was 2026-04-01T11:59:00Z");
    }

    @Test
    void emptyShiftIsRejected() {
      failsNaming(() -> new Shift(NOON_UTC, NOON_UTC, TOKYO), "shift.end", "must be after shift.start");
    }

    @Test
    void shiftLongerThan24HoursIsRejected() {
      failsWith(() -> new Shift(NOON_UTC, NOON_UTC.plusSeconds(24 * 3600 + 1), TOKYO),
          "shift.end: must be at most 24h after shift.start (2026-04-01T12:00:00Z), was 2026-04-02T12:00:01Z");
    }

    @Test
    void shiftOfExactly24HoursIsAccepted() {
      assertThat(new Shift(NOON_UTC, NOON_UTC.plusSeconds(24 * 3600), TOKYO).duration()).isEqualTo(Shift.MAX_LENGTH);
    }

    @Test
    void shiftStartingBeforeEarliestIsRejected() {
      failsWith(() -> new Shift(Shift.EARLIEST.minusSeconds(1), Shift.EARLIEST.plusSeconds(3600), TOKYO),
          "shift.start: must not be before 1990-01-01T00:00:00Z, was 1989-12-31T23:59:59Z");
    }

    @Test
    void shiftEndingAfterLatestIsRejected() {
      failsWith(() -> new Shift(Shift.LATEST.minusSeconds(3600), Shift.LATEST.plusSeconds(1), TOKYO),
          "shift.end: must not be after 2110-01-01T00:00:00Z, was 2110-01-01T00:00:01Z");
    }

    @Test
    void shiftsTouchingEarliestAndLatestAreAccepted() {
      assertThat(new Shift(Shift.EARLIEST, Shift.EARLIEST.plusSeconds(60), TOKYO).start()).isEqualTo(Shift.EARLIEST);
      assertThat(new Shift(Shift.LATEST.minusSeconds(60), Shift.LATEST, TOKYO).end()).isEqualTo(Shift.LATEST);
    }

    @Test
    void localDateTimeShiftEndingBeforeItStartsIsRejected() {
      failsNaming(() -> Shift.of(LocalDateTime.of(2026, 4, 1, 17, 0), LocalDateTime.of(2026, 4, 1, 9, 0), TOKYO),
          "shift.end", "was 2026-04-01T00:00:00Z");
    }

    @Test
    void missingPartsAreRequired() {
      failsWith(() -> new Shift(null, NOON_UTC, TOKYO), "shift.start: is required");
      failsWith(() -> new Shift(NOON_UTC, null, TOKYO), "shift.end: is required");
      failsWith(() -> new Shift(NOON_UTC, NOON_UTC.plusSeconds(60), null), "shift.zone: is required");
      failsWith(() -> Shift.of(null, LocalTime.NOON, LocalTime.MIDNIGHT, TOKYO), "shift.date: is required");
      failsWith(() -> Shift.of(LocalDate.of(2026, 4, 1), null, LocalTime.MIDNIGHT, TOKYO), "shift.startTime: is required");
      failsWith(() -> Shift.of(LocalDate.of(2026, 4, 1), LocalTime.NOON, null, TOKYO), "shift.endTime: is required");
    }

    @Test
    void patternWithoutDaysIsRejected() {
      failsWith(() -> new WeeklyShiftPattern(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO),
          "pattern.days: must not be empty");
      failsWith(() -> new WeeklyShiftPattern(null, LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO),
          "pattern.days: is required");
    }

    @Test
    void patternWithANullDayIsRejected() {
      Set<DayOfWeek> days = new HashSet<>(Arrays.asList(DayOfWeek.MONDAY, null));
      assertThatThrownBy(() -> new WeeklyShiftPattern(days, LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO))
          .isExactlyInstanceOf(InvalidArgumentException.class)
          .hasMessageMatching("pattern\\.days\\[[01]\\]: is required");
    }

    @ParameterizedTest(name = "numberOfDays {0}")
    @ValueSource(ints = {-1, 3661})
    void expandingOverANegativeOrHugeHorizonIsRejected(int numberOfDays) {
      WeeklyShiftPattern pattern = new WeeklyShiftPattern(
          Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO);
      failsWith(() -> pattern.expand(LocalDate.of(2026, 4, 6), numberOfDays),
          "numberOfDays: must be within [0, 3660], was " + numberOfDays);
    }
  }

  @Nested
  class AvailabilityValidation {

    private final LocalDate monday = LocalDate.of(2026, 4, 6);

    @Test
    void hourOutOfRangeIsRejectedQuotingTheText() {
      failsWith(() -> TimeRange.of("25:00", "06:00"), "window.start: must be a time like 09:00, was \"25:00\"");
    }

    @ParameterizedTest(name = "end \"{0}\"")
    @ValueSource(strings = {"9am", "", "24:00", "17:60", " 17:00"})
    void unparsableEndNamesFieldAndText(String end) {
      failsWith(() -> TimeRange.of("09:00", end), "window.end: must be a time like 09:00, was \"" + end + "\"");
    }

    @Test
    void missingTimesAreRequired() {
      failsWith(() -> TimeRange.of(null, "06:00"), "window.start: is required");
      failsWith(() -> new TimeRange(LocalTime.NOON, null), "window.end: is required");
      failsWith(() -> new WeeklyWindow(null, TimeRange.of("09:00", "17:00")), "availability.weekly.day: is required");
      failsWith(() -> new WeeklyWindow(DayOfWeek.MONDAY, null), "availability.weekly.time: is required");
      failsWith(() -> new DateOverride(null, List.of()), "availability.overrides.date: is required");
      failsWith(() -> new Availability(null, List.of(), List.of()), "availability.zone: is required");
    }

    @Test
    void duplicateOverrideDatesAreRejected() {
      failsWith(() -> new Availability(TOKYO, List.of(),
              List.of(DateOverride.unavailable(monday), new DateOverride(monday, List.of(TimeRange.of("09:00", "12:00"))))),
          "availability.overrides: has two entries for 2026-04-06");
    }

    @Test
    void addingASecondOverrideForTheSameDateIsRejected() {
      Availability a = Availability.weekly(TOKYO, List.of()).withOverride(DateOverride.unavailable(monday));
      failsNaming(() -> a.withOverride(DateOverride.unavailable(monday)), "availability.overrides", "2026-04-06");
    }

    @Test
    void nullWeeklyWindowIsRejectedWithItsIndex() {
      failsWith(() -> Availability.weekly(TOKYO, Arrays.asList(WeeklyWindow.of(DayOfWeek.MONDAY, "09:00", "17:00"), null)),
          "availability.weekly[1]: is required");
    }

    @Test
    void nullOverrideIsRejectedWithItsIndex() {
      failsWith(() -> new Availability(TOKYO, List.of(), Arrays.asList((DateOverride) null)),
          "availability.overrides[0]: is required");
    }

    @Test
    void nullOverrideWindowIsRejectedNamingTheDate() {
      failsWith(() -> new DateOverride(monday, Arrays.asList(TimeRange.of("09:00", "12:00"), null)),
          "availability.overrides[2026-04-06].windows[1]: is required");
      failsWith(() -> new DateOverride(monday, null), "availability.overrides[2026-04-06].windows: is required");
    }
  }
}
