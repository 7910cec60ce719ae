package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.internal.Timeline;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

class AvailabilityProperties {

  /**
   * Zones with one-hour daylight-saving changes (St John's at a -3:30 offset), a half-hour one
   * (Lord Howe), and none (Tokyo, Kolkata at +5:30).
   */
  private static final List<ZoneId> ZONES = Stream.of(
          "Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata")
      .map(ZoneId::of).toList();

  /** Days of daylight-saving changes in those zones in 2026, and an ordinary day. */
  private static final List<LocalDate> ANCHORS = Stream.of(
          "2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01", "2026-06-15")
      .map(LocalDate::parse).toList();

  record OverrideSpec(int dayOffset, List<TimeRange> windows) {}

  /**
   * An availability and an interval {@code [start, end)} of epoch seconds near a daylight-saving
   * change, with extra room around it for a wide timeline.
   */
  record Scenario(Availability availability, long start, long end, long padBefore, long padAfter) {}

  /** Local time ranges on quarter hours, overnight and whole-day ones included. */
  private static Arbitrary<TimeRange> timeRanges() {
    Arbitrary<LocalTime> quarterHours = Arbitraries.integers().between(0, 24 * 4 - 1)
        .withDistribution(RandomDistribution.uniform()).map(q -> LocalTime.ofSecondOfDay(q * 900L));
    return Combinators.combine(quarterHours, quarterHours).as(TimeRange::new);
  }

  /**
   * Uniform sizes and no edge cases for the windows and the interval: jqwik's default bias
   * toward small values would make most intervals empty or tiny.
   */
  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<WeeklyWindow>> weekly = Combinators.combine(Arbitraries.of(DayOfWeek.class), timeRanges())
        .as(WeeklyWindow::new).list().ofMaxSize(8).withoutEdgeCases();
    Arbitrary<List<OverrideSpec>> overrides = Combinators.combine(
            Arbitraries.integers().between(-3, 6), timeRanges().list().ofMaxSize(3).withoutEdgeCases())
        .as(OverrideSpec::new).list().ofMaxSize(2).uniqueElements(OverrideSpec::dayOffset);
    Arbitrary<Integer> startMinute = Arbitraries.integers().between(-36 * 60, 60 * 60)
        .withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
    Arbitrary<Integer> lengthMinutes = Arbitraries.integers().between(0, 30 * 60)
        .withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
    Arbitrary<Long> pad = Arbitraries.longs().between(0, 10 * 86_400L);
    return Combinators.combine(Arbitraries.of(ZONES), Arbitraries.of(ANCHORS), weekly, overrides, startMinute,
            lengthMinutes, pad, pad)
        .as((zone, anchor, windows, specs, startMin, lengthMin, before, after) -> {
          List<DateOverride> dated = specs.stream()
              .map(o -> new DateOverride(anchor.plusDays(o.dayOffset()), o.windows())).toList();
          long start = anchor.atStartOfDay(zone).toEpochSecond() + 60L * startMin;
          return new Scenario(new Availability(zone, windows, dated), start, start + 60L * lengthMin, before, after);
        });
  }

  @Property(tries = 400)
  void overlapIsTheSameFromAnyCoveringTimelineAndMatchesAMinuteByMinuteCount(@ForAll("scenarios") Scenario s) {
    Availability a = s.availability();
    long expected = minuteByMinuteSeconds(a, s.start(), s.end());

    long wide = Timeline.of(a, s.start() - s.padBefore(), s.end() + s.padAfter()).overlapSeconds(s.start(), s.end());
    long tight = Timeline.of(a, s.start(), s.end()).overlapSeconds(s.start(), s.end());
    long direct = a.overlapSeconds(s.start(), s.end());

    assertThat(tight).as("tight timeline").isEqualTo(expected);
    assertThat(wide).as("wide timeline").isEqualTo(expected);
    assertThat(direct).as("Availability.overlapSeconds").isEqualTo(expected);
  }

  /**
   * Several intervals at once (sorted by start, possibly overlapping, as a job's shifts) sum to
   * what {@link Timeline#overlapSeconds} gives one by one; with a required minimum the answer is
   * either that sum or -1, and -1 only when the sum is really below the minimum.
   */
  @Property(tries = 300)
  void overlapOfSortedIntervalsIsTheSumOfSingleOverlaps(@ForAll("scenarios") Scenario s,
      @ForAll("offsets") List<Integer> startOffsets, @ForAll("offsets") List<Integer> lengths,
      @ForAll("fractions") double required) {
    Availability a = s.availability();
    int n = Math.min(startOffsets.size(), lengths.size());
    int[] starts = new int[n];
    int[] ends = new int[n];
    List<Integer> sorted = startOffsets.subList(0, n).stream().sorted().toList();
    long base = s.start();
    for (int k = 0; k < n; k++) {
      starts[k] = sorted.get(k) * 60;
      ends[k] = starts[k] + 60 + lengths.get(k) * 60;
    }
    long to = base + (n == 0 ? 1 : java.util.Arrays.stream(ends).max().getAsInt());
    Timeline t = Timeline.of(a, base - s.padBefore(), to + s.padAfter());
    long expected = 0;
    long lengthSum = 0;
    for (int k = 0; k < n; k++) {
      expected += t.overlapSeconds(base + starts[k], base + ends[k]);
      lengthSum += ends[k] - starts[k];
    }
    assertThat(t.overlapSecondsOfSorted(starts, ends, 0, n, base, 0)).isEqualTo(expected);
    long atLeast = Math.round(required * lengthSum);
    long answer = t.overlapSecondsOfSorted(starts, ends, 0, n, base, atLeast);
    if (expected >= atLeast) {
      assertThat(answer).as("reachable minimum %d", atLeast).isEqualTo(expected);
    } else {
      // with intervals, the last one at the latest shows the minimum out of reach
      assertThat(answer).as("unreachable minimum %d, sum %d", atLeast, expected).isEqualTo(n == 0 ? 0 : -1);
    }
  }

  @Provide
  Arbitrary<List<Integer>> offsets() {
    return Arbitraries.integers().between(0, 3 * 24 * 60).withDistribution(RandomDistribution.uniform())
        .list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1.2);
  }

  @net.jqwik.api.Example
  void overlapOfSortedIntervalsRejectsUnsortedStarts() {
    Timeline t = Timeline.of(new Availability(ZoneId.of("Asia/Tokyo"), List.of(), List.of()), 0, 10_000);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> t.overlapSecondsOfSorted(new int[] {100, 50}, new int[] {200, 60}, 0, 2, 0, 0))
        .withMessageContaining("starts");
  }

  /**
   * Brute force straight from the documented meaning: each window starts on its local date
   * (the override's windows replace the weekly ones on that date), ends on the same date or,
   * when its end is not after its start, on the next one; local times become instants as
   * {@link java.time.LocalDateTime#atZone} does. Every window boundary is on a whole minute,
   * so counting available minutes is exact.
   */
  private static long minuteByMinuteSeconds(Availability a, long start, long end) {
    ZoneId zone = a.zone();
    Map<LocalDate, List<TimeRange>> overrides = a.overrides().stream()
        .collect(Collectors.toMap(DateOverride::date, DateOverride::windows));
    List<long[]> windows = new ArrayList<>();
    LocalDate last = Instant.ofEpochSecond(end).atZone(zone).toLocalDate();
    for (LocalDate d = Instant.ofEpochSecond(start).atZone(zone).toLocalDate().minusDays(2); !d.isAfter(last);
        d = d.plusDays(1)) {
      DayOfWeek day = d.getDayOfWeek();
      List<TimeRange> ranges = overrides.containsKey(d)
          ? overrides.get(d)
          : a.weekly().stream().filter(w -> w.day() == day).map(WeeklyWindow::time).toList();
      for (TimeRange r : ranges) {
        LocalDate endDate = r.end().isAfter(r.start()) ? d : d.plusDays(1);
        windows.add(new long[] {
            d.atTime(r.start()).atZone(zone).toEpochSecond(), endDate.atTime(r.end()).atZone(zone).toEpochSecond()});
      }
    }
    long minutes = 0;
    for (long t = start; t < end; t += 60) {
      long instant = t;
      if (windows.stream().anyMatch(w -> w[0] <= instant && instant < w[1])) {
        minutes++;
      }
    }
    return minutes * 60;
  }
}
