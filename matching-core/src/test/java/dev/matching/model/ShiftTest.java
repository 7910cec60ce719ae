package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShiftTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Shift shift(String date, String start, String end, ZoneId zone) {
    return Shift.of(LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end), zone);
  }

  @Test
  void overnightShiftEndsOnTheNextDay() {
    Shift s = shift("2026-04-10", "22:00", "06:00", TOKYO);

    assertThat(s.start()).isEqualTo(Instant.parse("2026-04-10T13:00:00Z"));
    assertThat(s.end()).isEqualTo(Instant.parse("2026-04-10T21:00:00Z"));
    assertThat(s.end().atZone(TOKYO).toLocalDate()).isEqualTo(LocalDate.parse("2026-04-11"));
    assertThat(s.duration()).isEqualTo(Duration.ofHours(8));
    assertThat(s.zone()).isEqualTo(TOKYO);
  }

  @Test
  void endEqualToStartIsAFull24HourShift() {
    assertThat(shift("2026-04-10", "09:00", "09:00", TOKYO).duration()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void dayShiftStaysOnItsDate() {
    Shift s = shift("2026-04-10", "09:00", "17:30", TOKYO);
    assertThat(s.start()).isEqualTo(Instant.parse("2026-04-10T00:00:00Z"));
    assertThat(s.duration()).isEqualTo(Duration.ofMinutes(510));
  }

  /** Local start and end on a daylight-saving change, and the real length of the shift. */
  @ParameterizedTest(name = "{0} {1} {2}-{3}: {6} h")
  @CsvSource({
      // Los Angeles springs forward at 02:00 on 2026-03-08: 01:00 PST (09:00Z) to 05:00 PDT (12:00Z).
      "America/Los_Angeles, 2026-03-08, 01:00, 05:00, 2026-03-08T09:00:00Z, 2026-03-08T12:00:00Z, 3",
      // Los Angeles falls back at 02:00 on 2026-11-01: 00:00 PDT (07:00Z) to 04:00 PST (12:00Z).
      "America/Los_Angeles, 2026-11-01, 00:00, 04:00, 2026-11-01T07:00:00Z, 2026-11-01T12:00:00Z, 5",
      // Overnight into the spring-forward night.
      "America/Los_Angeles, 2026-03-07, 22:00, 06:00, 2026-03-08T06:00:00Z, 2026-03-08T13:00:00Z, 7",
      // Berlin springs forward at 02:00 on 2026-03-29: 00:00 CET (23:00Z) to 06:00 CEST (04:00Z).
      "Europe/Berlin, 2026-03-29, 00:00, 06:00, 2026-03-28T23:00:00Z, 2026-03-29T04:00:00Z, 5",
      // Berlin falls back at 03:00 on 2026-10-25: 00:00 CEST (22:00Z) to 06:00 CET (05:00Z).
      "Europe/Berlin, 2026-10-25, 00:00, 06:00, 2026-10-24T22:00:00Z, 2026-10-25T05:00:00Z, 7",
      "Europe/Berlin, 2026-10-24, 22:00, 06:00, 2026-10-24T20:00:00Z, 2026-10-25T05:00:00Z, 9",
      // Tokyo has no daylight saving time.
      "Asia/Tokyo, 2026-03-08, 01:00, 05:00, 2026-03-07T16:00:00Z, 2026-03-07T20:00:00Z, 4"})
  void shiftAcrossADaylightSavingChangeHasItsRealLength(
      String zone, String date, String start, String end, String startInstant, String endInstant, int hours) {
    Shift s = shift(date, start, end, ZoneId.of(zone));

    assertThat(s.start()).isEqualTo(Instant.parse(startInstant));
    assertThat(s.end()).isEqualTo(Instant.parse(endInstant));
    assertThat(s.duration()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void localStartInTheSpringForwardGapMovesForwardByTheGap() {
    // 02:30 does not exist in Los Angeles on 2026-03-08; it becomes 03:30 PDT.
    Shift s = shift("2026-03-08", "02:30", "06:00", LOS_ANGELES);

    assertThat(s.start()).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
    assertThat(s.start().atZone(LOS_ANGELES).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    assertThat(s.duration()).isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void localEndInTheSpringForwardGapMovesForwardByTheGap() {
    // 02:30 does not exist in Berlin on 2026-03-29; it becomes 03:30 CEST (01:30Z).
    Shift s = shift("2026-03-29", "01:00", "02:30", BERLIN);

    assertThat(s.end()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(s.duration()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void ambiguousLocalTimeInTheFallBackOverlapUsesTheEarlierOffset() {
    // 01:30 happens twice in Los Angeles on 2026-11-01; the first (PDT, 08:30Z) is used.
    Shift s = shift("2026-11-01", "01:30", "03:00", LOS_ANGELES);

    assertThat(s.start()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
    assertThat(s.duration()).isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void localDateTimeShiftAcrossTheFallBackNightHasItsRealLength() {
    Shift s = Shift.of(LocalDateTime.parse("2026-10-31T20:00"), LocalDateTime.parse("2026-11-01T04:00"), LOS_ANGELES);
    assertThat(s.duration()).isEqualTo(Duration.ofHours(9));
  }

  @Test
  void shiftsOrderByStartThenEnd() {
    Instant t = Instant.parse("2026-04-01T00:00:00Z");
    Shift early = new Shift(t, t.plusSeconds(3600), TOKYO);
    Shift earlyLonger = new Shift(t, t.plusSeconds(7200), TOKYO);
    Shift late = new Shift(t.plusSeconds(60), t.plusSeconds(120), TOKYO);

    assertThat(List.of(late, earlyLonger, early).stream().sorted().collect(Collectors.toList()))
        .containsExactly(early, earlyLonger, late);
    assertThat(early.compareTo(new Shift(t, t.plusSeconds(3600), LOS_ANGELES))).isZero();
  }

  @Test
  void weeklyPatternExpandsToOvernightShiftsOnTheChosenDays() {
    WeeklyShiftPattern pattern = new WeeklyShiftPattern(
        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), TOKYO);

    List<Shift> shifts = pattern.expand(LocalDate.parse("2026-04-06"), 14);

    assertThat(shifts).extracting(s -> s.start().atZone(TOKYO).toLocalDateTime()).containsExactly(
        LocalDateTime.parse("2026-04-06T22:00"), LocalDateTime.parse("2026-04-08T22:00"),
        LocalDateTime.parse("2026-04-10T22:00"), LocalDateTime.parse("2026-04-13T22:00"),
        LocalDateTime.parse("2026-04-15T22:00"), LocalDateTime.parse("2026-04-17T22:00"));
    assertThat(shifts).allSatisfy(s -> {
      assertThat(s.zone()).isEqualTo(TOKYO);
      assertThat(s.duration()).isEqualTo(Duration.ofHours(8));
      assertThat(s.end().atZone(TOKYO).toLocalTime()).isEqualTo(LocalTime.of(6, 0));
    });
  }

  @Test
  void expansionCoversExactlyTheRequestedDays() {
    WeeklyShiftPattern pattern = new WeeklyShiftPattern(
        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO);

    // Thursday 2026-04-09 for three days: Thursday, Friday, Saturday.
    assertThat(pattern.expand(LocalDate.parse("2026-04-09"), 3))
        .extracting(s -> s.start().atZone(TOKYO).toLocalDate())
        .containsExactly(LocalDate.parse("2026-04-10"));
    // Friday 2026-04-10 up to, not including, Monday 2026-04-13.
    assertThat(pattern.expand(LocalDate.parse("2026-04-10"), 3)).hasSize(1);
    assertThat(pattern.expand(LocalDate.parse("2026-04-10"), 4)).hasSize(2);
    assertThat(pattern.expand(LocalDate.parse("2026-04-10"), 0)).isEmpty();
  }

  @Test
  void expansionAcrossDaylightSavingChangesKeepsLocalTimesAndChangesRealLengths() {
    WeeklyShiftPattern pattern = new WeeklyShiftPattern(
        EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0), LOS_ANGELES);

    assertThat(pattern.expand(LocalDate.parse("2026-03-01"), 14))
        .extracting(Shift::duration)
        .containsExactly(Duration.ofHours(4), Duration.ofHours(3));
    assertThat(pattern.expand(LocalDate.parse("2026-10-25"), 14))
        .extracting(Shift::duration)
        .containsExactly(Duration.ofHours(4), Duration.ofHours(5));
  }

  @Test
  void patternDaysAreAnImmutableCopy() {
    Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
    WeeklyShiftPattern pattern = new WeeklyShiftPattern(days, LocalTime.of(9, 0), LocalTime.of(17, 0), TOKYO);

    days.add(DayOfWeek.TUESDAY);

    assertThat(pattern.days()).containsExactly(DayOfWeek.MONDAY);
    assertThatThrownBy(() -> pattern.days().add(DayOfWeek.SUNDAY)).isInstanceOf(UnsupportedOperationException.class);
  }
}
