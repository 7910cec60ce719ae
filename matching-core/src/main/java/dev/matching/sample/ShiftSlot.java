package dev.matching.sample;

import java.time.LocalTime;

/** The typical part-time shift hours a sample job is scheduled in. */
enum ShiftSlot {
  EARLY_MORNING("早朝", LocalTime.of(6, 0), LocalTime.of(10, 0)),
  MORNING("午前", LocalTime.of(7, 0), LocalTime.of(12, 0)),
  LUNCH("ランチ", LocalTime.of(11, 0), LocalTime.of(14, 0)),
  DAYTIME("日中", LocalTime.of(10, 0), LocalTime.of(15, 0)),
  DAY("日勤", LocalTime.of(9, 0), LocalTime.of(17, 0)),
  EVENING("夕方〜夜", LocalTime.of(17, 0), LocalTime.of(22, 0)),
  /** Crosses midnight; Japanese law adds 25% to the pay of work between 22:00 and 05:00. */
  OVERNIGHT("夜勤", LocalTime.of(22, 0), LocalTime.of(6, 0));

  /** How job titles name the slot. */
  final String label;
  final LocalTime start;
  /** At or before {@link #start} for a slot ending on the next day. */
  final LocalTime end;

  ShiftSlot(String label, LocalTime start, LocalTime end) {
    this.label = label;
    this.start = start;
    this.end = end;
  }

  /** Whether the slot is mostly late-night work, paid at least 25% above the base rate. */
  boolean lateNight() {
    return this == OVERNIGHT;
  }
}
