package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyScheduleTest {
  private final DailySchedule tokyo = DailySchedule.ofDefaults();

  @Test
  void slotsAreReadInTheScheduleZone() {
    Instant justBefore = Instant.parse("2026-11-24T17:59:59Z"); // 02:59:59 Tokyo on the 25th
    assertThat(tokyo.lastSlotAtOrBefore(justBefore)).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
    assertThat(tokyo.nextSlotAfter(justBefore)).isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));
    Instant exactly = Instant.parse("2026-11-24T18:00:00Z");
    assertThat(tokyo.lastSlotAtOrBefore(exactly)).isEqualTo(exactly);
    assertThat(tokyo.nextSlotAfter(exactly)).isEqualTo(Instant.parse("2026-11-25T18:00:00Z"));
  }

  @Test
  void aSlotInADaylightSavingGapMovesForwardAndAnOverlapCountsOnce() {
    DailySchedule la = new DailySchedule(LocalTime.of(2, 30), ZoneId.of("America/Los_Angeles"));
    // 2026-03-08 02:30 does not exist in Los Angeles: clocks jump from 02:00 PST to 03:00 PDT
    assertThat(la.nextSlotAfter(Instant.parse("2026-03-08T08:00:00Z"))).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
    DailySchedule overlap = new DailySchedule(LocalTime.of(1, 30), ZoneId.of("America/Los_Angeles"));
    // 2026-11-01 01:30 happens twice; the earlier one (PDT, 08:30Z) is the slot
    assertThat(overlap.nextSlotAfter(Instant.parse("2026-11-01T07:00:00Z"))).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
    assertThat(overlap.nextSlotAfter(Instant.parse("2026-11-01T08:30:00Z"))).isEqualTo(Instant.parse("2026-11-02T09:30:00Z"));
  }

  @Test
  void fieldsAreRequired() {
    assertThatThrownBy(() -> new DailySchedule(null, ZoneId.of("UTC"))).hasMessageContaining("at");
    assertThatThrownBy(() -> new DailySchedule(LocalTime.NOON, null)).hasMessageContaining("zone");
  }
}
