package dev.matching.model;

import static dev.matching.model.ModelFailures.failsWith;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.internal.Timeline;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final long HOUR = 3600;

  /** Epoch second of a local date-time in {@code zone}. */
  private static long at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toEpochSecond();
  }

  private static long tokyo(String localDateTime) {
    return at(localDateTime, TOKYO);
  }

  private static Availability tokyoWeekly(WeeklyWindow... windows) {
    return Availability.weekly(TOKYO, List.of(windows));
  }

  @Test
  void weeklyWindowIsAvailableOnlyOnItsDay() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"));

    // 2026-04-06 is a Monday.
    Timeline week = Timeline.of(a, tokyo("2026-04-06T00:00"), tokyo("2026-04-13T00:00"));

    assertThat(week.intervals()).isEqualTo(1);
    assertThat(week.totalSeconds()).isEqualTo(8 * HOUR);
    assertThat(week.overlapSeconds(tokyo("2026-04-06T08:00"), tokyo("2026-04-06T10:00"))).isEqualTo(HOUR);
    assertThat(week.overlapSeconds(tokyo("2026-04-07T09:00"), tokyo("2026-04-07T17:00"))).isZero();
  }

  @Test
  void noWindowsMeansNoAvailability() {
    Availability a = tokyoWeekly();
    assertThat(Timeline.of(a, tokyo("2026-04-06T00:00"), tokyo("2026-04-13T00:00")).intervals()).isZero();
    assertThat(a.overlapSeconds(tokyo("2026-04-06T00:00"), tokyo("2026-04-13T00:00"))).isZero();
  }

  @Test
  void overnightFridayWindowReachesIntoSaturday() {
    Availability a = tokyoWeekly(WeeklyWindow.of(FRIDAY, "22:00", "06:00"));

    // A timeline starting on Saturday still sees the window that started on Friday 2026-04-10.
    Timeline saturday = Timeline.of(a, tokyo("2026-04-11T00:00"), tokyo("2026-04-12T00:00"));

    assertThat(saturday.totalSeconds()).isEqualTo(6 * HOUR);
    assertThat(saturday.overlapSeconds(tokyo("2026-04-11T05:00"), tokyo("2026-04-11T07:00"))).isEqualTo(HOUR);
    assertThat(a.overlapSeconds(tokyo("2026-04-10T23:00"), tokyo("2026-04-11T01:00"))).isEqualTo(2 * HOUR);
    assertThat(a.overlapSeconds(tokyo("2026-04-10T00:00"), tokyo("2026-04-17T00:00"))).isEqualTo(8 * HOUR);
  }

  @Test
  void overrideWithoutWindowsBlocksThatDateOnly() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"))
        .withOverride(DateOverride.unavailable(LocalDate.parse("2026-04-06")));

    assertThat(a.overlapSeconds(tokyo("2026-04-06T00:00"), tokyo("2026-04-07T00:00"))).isZero();
    assertThat(a.overlapSeconds(tokyo("2026-04-13T00:00"), tokyo("2026-04-14T00:00"))).isEqualTo(8 * HOUR);
  }

  @Test
  void overrideWithWindowsReplacesTheWeeklyWindowsOfThatDate() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"))
        .withOverride(new DateOverride(LocalDate.parse("2026-04-06"),
            List.of(TimeRange.of("13:00", "15:00"), TimeRange.of("20:00", "22:00"))));

    Timeline monday = Timeline.of(a, tokyo("2026-04-06T00:00"), tokyo("2026-04-07T00:00"));

    assertThat(monday.intervals()).isEqualTo(2);
    assertThat(monday.totalSeconds()).isEqualTo(4 * HOUR);
    assertThat(monday.overlapSeconds(tokyo("2026-04-06T09:00"), tokyo("2026-04-06T13:00"))).isZero();
    assertThat(monday.overlapSeconds(tokyo("2026-04-06T14:00"), tokyo("2026-04-06T21:00"))).isEqualTo(2 * HOUR);
  }

  @Test
  void overrideCanAddAvailabilityOnADayWithoutWeeklyWindows() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"))
        .withOverride(new DateOverride(LocalDate.parse("2026-04-12"), List.of(TimeRange.of("10:00", "12:00"))));

    assertThat(a.overlapSeconds(tokyo("2026-04-12T00:00"), tokyo("2026-04-13T00:00"))).isEqualTo(2 * HOUR);
  }

  @Test
  void overrideOnlyReplacesWindowsStartingOnItsDate() {
    // The Sunday night window runs into the blocked Monday: it started on Sunday, so it stays.
    Availability a = tokyoWeekly(WeeklyWindow.of(SUNDAY, "22:00", "06:00"), WeeklyWindow.of(MONDAY, "09:00", "17:00"))
        .withOverride(DateOverride.unavailable(LocalDate.parse("2026-04-06")));

    assertThat(a.overlapSeconds(tokyo("2026-04-06T00:00"), tokyo("2026-04-07T00:00"))).isEqualTo(6 * HOUR);
  }

  /**
   * A worker in Los Angeles available Mondays 09:00-17:00 local and a job in Tokyo on the
   * Tuesday 08:00-12:00 local. Summer: the window is 16:00Z-24:00Z (PDT, UTC-7), the shift
   * 23:00Z-03:00Z, overlap 23:00Z-24:00Z = 1 h. Winter: the window is 17:00Z-01:00Z (PST,
   * UTC-8), the shift 23:00Z-03:00Z, overlap 23:00Z-01:00Z = 2 h.
   */
  @ParameterizedTest(name = "window {0} to {1}, shift {2} to {3}: {4} s")
  @CsvSource({
      "2026-06-15T16:00:00Z, 2026-06-16T00:00:00Z, 2026-06-15T23:00:00Z, 2026-06-16T03:00:00Z, 3600",
      "2026-01-12T17:00:00Z, 2026-01-13T01:00:00Z, 2026-01-12T23:00:00Z, 2026-01-13T03:00:00Z, 7200"})
  void workerInLosAngelesOverlapsAJobInTokyoByRealInstants(
      Instant windowStart, Instant windowEnd, Instant shiftStart, Instant shiftEnd, long expectedSeconds) {
    Availability worker = Availability.weekly(LOS_ANGELES, List.of(WeeklyWindow.of(MONDAY, "09:00", "17:00")));
    LocalDate tuesdayInTokyo = shiftStart.atZone(TOKYO).toLocalDate();
    Shift job = Shift.of(tuesdayInTokyo, LocalTime.of(8, 0), LocalTime.of(12, 0), TOKYO);
    LocalDate mondayInLosAngeles = windowStart.atZone(LOS_ANGELES).toLocalDate();

    assertThat(tuesdayInTokyo.getDayOfWeek()).isEqualTo(TUESDAY);
    assertThat(mondayInLosAngeles.getDayOfWeek()).isEqualTo(MONDAY);
    assertThat(job.start()).isEqualTo(shiftStart);
    assertThat(job.end()).isEqualTo(shiftEnd);
    Timeline mondayTimeline = Timeline.of(worker,
        mondayInLosAngeles.atStartOfDay(LOS_ANGELES).toInstant(),
        mondayInLosAngeles.plusDays(1).atStartOfDay(LOS_ANGELES).toInstant());
    assertThat(mondayTimeline.overlapSeconds(windowStart.getEpochSecond(), windowEnd.getEpochSecond()))
        .isEqualTo(8 * HOUR);
    assertThat(worker.overlapSeconds(job.start().getEpochSecond(), job.end().getEpochSecond()))
        .isEqualTo(expectedSeconds);
  }

  /** Two weeks around a daylight-saving change: a 09:00-17:00 window is still 8 real hours every day. */
  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
      "America/Los_Angeles, 2026-03-02",
      "America/Los_Angeles, 2026-10-26",
      "Europe/Berlin, 2026-03-23",
      "Europe/Berlin, 2026-10-19",
      "Australia/Lord_Howe, 2026-03-30"})
  void dailyWindowIsEightRealHoursEveryDayOfADaylightSavingWeek(ZoneId zone, LocalDate firstDay) {
    Availability a = Availability.weekly(zone, Arrays.stream(DayOfWeek.values())
        .map(d -> WeeklyWindow.of(d, "09:00", "17:00")).toList());
    LocalDate end = firstDay.plusDays(14);
    assertThat(zone.getRules().nextTransition(firstDay.atStartOfDay(zone).toInstant()).getInstant())
        .as("a transition within the fortnight")
        .isBefore(end.atStartOfDay(zone).toInstant());

    Timeline fortnight = Timeline.of(a, firstDay.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());

    assertThat(fortnight.intervals()).isEqualTo(14);
    assertThat(fortnight.totalSeconds()).isEqualTo(14 * 8 * HOUR);
    for (LocalDate d = firstDay; d.isBefore(end); d = d.plusDays(1)) {
      long dayStart = d.atStartOfDay(zone).toEpochSecond();
      long dayEnd = d.plusDays(1).atStartOfDay(zone).toEpochSecond();
      assertThat(fortnight.overlapSeconds(dayStart, dayEnd)).as("on %s", d).isEqualTo(8 * HOUR);
      assertThat(fortnight.overlapSeconds(at(d + "T09:00", zone), at(d + "T17:00", zone))).as("on %s", d)
          .isEqualTo(8 * HOUR);
    }
  }

  /** {@code 00:00-00:00} is the whole local day, whatever its real length. */
  @ParameterizedTest(name = "{0} {1}: {2} h")
  @CsvSource({
      "Asia/Tokyo, 2026-04-06, 24",
      "America/Los_Angeles, 2026-04-12, 24",
      "America/Los_Angeles, 2026-03-08, 23",
      "America/Los_Angeles, 2026-11-01, 25"})
  void midnightToMidnightIsTheWholeDay(ZoneId zone, LocalDate date, long hours) {
    Availability a = Availability.weekly(zone, List.of(WeeklyWindow.of(date.getDayOfWeek(), "00:00", "00:00")));
    long dayStart = date.atStartOfDay(zone).toEpochSecond();
    long dayEnd = date.plusDays(1).atStartOfDay(zone).toEpochSecond();

    assertThat(a.overlapSeconds(dayStart, dayEnd)).isEqualTo(hours * HOUR);
    assertThat(a.overlapSeconds(dayStart - 3 * 86400, dayEnd + 3 * 86400)).isEqualTo(hours * HOUR);
  }

  @Test
  void midnightToMidnightEveryDayIsOneUninterruptedInterval() {
    Availability a = Availability.weekly(TOKYO, Arrays.stream(DayOfWeek.values())
        .map(d -> WeeklyWindow.of(d, "00:00", "00:00")).toList());

    Timeline week = Timeline.of(a, tokyo("2026-04-06T00:00"), tokyo("2026-04-13T00:00"));

    assertThat(week.intervals()).isEqualTo(1);
    assertThat(week.totalSeconds()).isEqualTo(7 * 24 * HOUR);
  }

  @Test
  void windowInsideTheSpringForwardGapIsEmpty() {
    // 2026-03-08 is a Sunday; 02:00-03:00 does not exist in Los Angeles that night.
    Availability a = Availability.weekly(LOS_ANGELES, List.of(WeeklyWindow.of(SUNDAY, "02:00", "03:00")));
    assertThat(a.overlapSeconds(at("2026-03-08T00:00", LOS_ANGELES), at("2026-03-09T00:00", LOS_ANGELES))).isZero();
    assertThat(a.overlapSeconds(at("2026-03-15T00:00", LOS_ANGELES), at("2026-03-16T00:00", LOS_ANGELES)))
        .isEqualTo(HOUR);
  }

  @Test
  void windowOverTheRepeatedFallBackHourIsTwoRealHours() {
    // 01:00 PDT (08:00Z) to 02:00 PST (10:00Z) on 2026-11-01.
    Availability a = Availability.weekly(LOS_ANGELES, List.of(WeeklyWindow.of(SUNDAY, "01:00", "02:00")));
    Timeline day = Timeline.of(a, Instant.parse("2026-11-01T07:00:00Z"), Instant.parse("2026-11-02T08:00:00Z"));
    assertThat(day.totalSeconds()).isEqualTo(2 * HOUR);
    assertThat(day.overlapSeconds(Instant.parse("2026-11-01T08:00:00Z").getEpochSecond(),
        Instant.parse("2026-11-01T10:00:00Z").getEpochSecond())).isEqualTo(2 * HOUR);
  }

  /** Timeline from Sunday 2026-04-05 to Wednesday 2026-04-08, Tokyo. */
  private static Timeline sundayToWednesday(WeeklyWindow... windows) {
    return Timeline.of(tokyoWeekly(windows), tokyo("2026-04-05T00:00"), tokyo("2026-04-08T00:00"));
  }

  @Test
  void adjacentWindowsMergeIntoOneInterval() {
    Timeline t = sundayToWednesday(WeeklyWindow.of(MONDAY, "12:00", "15:00"), WeeklyWindow.of(MONDAY, "09:00", "12:00"));
    assertThat(t.intervals()).isEqualTo(1);
    assertThat(t.totalSeconds()).isEqualTo(6 * HOUR);
  }

  @Test
  void overlappingWindowsMergeWithoutCountingTwice() {
    Timeline t = sundayToWednesday(WeeklyWindow.of(MONDAY, "09:00", "13:00"), WeeklyWindow.of(MONDAY, "11:00", "15:00"));
    assertThat(t.intervals()).isEqualTo(1);
    assertThat(t.totalSeconds()).isEqualTo(6 * HOUR);
    assertThat(t.overlapSeconds(tokyo("2026-04-06T10:00"), tokyo("2026-04-06T12:00"))).isEqualTo(2 * HOUR);
  }

  @Test
  void containedWindowDisappearsIntoTheOuterOne() {
    Timeline t = sundayToWednesday(WeeklyWindow.of(MONDAY, "09:00", "17:00"), WeeklyWindow.of(MONDAY, "10:00", "11:00"));
    assertThat(t.intervals()).isEqualTo(1);
    assertThat(t.totalSeconds()).isEqualTo(8 * HOUR);
  }

  @Test
  void windowsWithAGapStaySeparate() {
    Timeline t = sundayToWednesday(WeeklyWindow.of(MONDAY, "09:00", "10:00"), WeeklyWindow.of(MONDAY, "11:00", "12:00"));
    assertThat(t.intervals()).isEqualTo(2);
    assertThat(t.totalSeconds()).isEqualTo(2 * HOUR);
    assertThat(t.overlapSeconds(tokyo("2026-04-06T09:30"), tokyo("2026-04-06T11:30"))).isEqualTo(HOUR);
  }

  @Test
  void overnightWindowMergesWithTheNextDaysMorningWindow() {
    Timeline t = sundayToWednesday(WeeklyWindow.of(SUNDAY, "18:00", "00:00"), WeeklyWindow.of(MONDAY, "00:00", "06:00"),
        WeeklyWindow.of(MONDAY, "22:00", "06:00"), WeeklyWindow.of(TUESDAY, "05:00", "08:00"));
    assertThat(t.intervals()).isEqualTo(2);
    assertThat(t.totalSeconds()).isEqualTo(12 * HOUR + 10 * HOUR);
  }

  @Test
  void timelineIsClippedToItsWindow() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"));

    Timeline t = Timeline.of(a, tokyo("2026-04-06T12:00"), tokyo("2026-04-06T14:00"));

    assertThat(t.from()).isEqualTo(tokyo("2026-04-06T12:00"));
    assertThat(t.to()).isEqualTo(tokyo("2026-04-06T14:00"));
    assertThat(t.intervals()).isEqualTo(1);
    assertThat(t.totalSeconds()).isEqualTo(2 * HOUR);
  }

  @Test
  void instantAndEpochSecondTimelinesAgree() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"), WeeklyWindow.of(FRIDAY, "22:00", "06:00"));
    Instant from = Instant.parse("2026-04-05T00:00:00Z");
    Instant to = Instant.parse("2026-04-12T00:00:00Z");

    Timeline byInstant = Timeline.of(a, from, to);
    Timeline bySecond = Timeline.of(a, from.getEpochSecond(), to.getEpochSecond());

    assertThat(byInstant.intervals()).isEqualTo(bySecond.intervals()).isEqualTo(2);
    assertThat(byInstant.totalSeconds()).isEqualTo(bySecond.totalSeconds()).isEqualTo(16 * HOUR);
  }

  @Test
  void overlapOutsideTheTimelineWindowFailsNamingTheInterval() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "09:00", "17:00"));
    long from = tokyo("2026-04-06T09:00");
    long to = tokyo("2026-04-06T17:00");
    Timeline t = Timeline.of(a, from, to);

    assertThat(t.covers(from, to)).isTrue();
    assertThat(t.covers(from - 1, to)).isFalse();
    assertThat(t.covers(from, to + 1)).isFalse();
    failsWith(() -> t.overlapSeconds(from - 3600, from + 3600),
        "interval: [" + (from - 3600) + ", " + (from + 3600) + ") is outside the timeline window [" + from + ", " + to + ")");
    failsWith(() -> t.overlapSeconds(to - 60, to + 60),
        "interval: [" + (to - 60) + ", " + (to + 60) + ") is outside the timeline window [" + from + ", " + to + ")");
  }

  @Test
  void emptyOrReversedWindowGivesAnEmptyTimeline() {
    Availability a = tokyoWeekly(WeeklyWindow.of(MONDAY, "00:00", "00:00"));
    long t = tokyo("2026-04-06T12:00");

    for (Timeline empty : List.of(Timeline.of(a, t, t), Timeline.of(a, t, t - HOUR))) {
      assertThat(empty.from()).isEqualTo(t);
      assertThat(empty.to()).isEqualTo(t);
      assertThat(empty.intervals()).isZero();
      assertThat(empty.totalSeconds()).isZero();
      assertThat(empty.overlapSeconds(t, t)).isZero();
    }
    assertThat(a.overlapSeconds(t, t)).isZero();
  }

  @Test
  void availabilityListsAreImmutableCopies() {
    List<WeeklyWindow> windows = new ArrayList<>(List.of(WeeklyWindow.of(MONDAY, "09:00", "17:00")));
    Availability a = Availability.weekly(TOKYO, windows);

    windows.clear();

    assertThat(a.weekly()).hasSize(1);
    assertThat(a.withOverride(DateOverride.unavailable(LocalDate.parse("2026-04-06"))).overrides()).hasSize(1);
    assertThat(a.overrides()).isEmpty();
    assertThat(a).isEqualTo(Availability.weekly(TOKYO, List.of(WeeklyWindow.of(MONDAY, "09:00", "17:00"))));
  }
}
