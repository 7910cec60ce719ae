package dev.matching.sample;

import dev.matching.model.Shift;
import dev.matching.model.WeeklyShiftPattern;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The days {@code [start, start + days)} of a sample market and, for every {@link ShiftSlot},
 * the shift on each of those days, expanded once with {@link WeeklyShiftPattern} and shared by
 * every job that works that slot on that day. Immutable and thread-safe.
 *
 * <p>Days of the week are bit masks: bit {@code d.ordinal()} stands for {@link DayOfWeek} d.
 */
final class Horizon {

  static final int WEEKDAYS = 0b0011111;
  static final int WEEKENDS = 0b1100000;
  static final int EVERY_DAY = 0b1111111;

  private final LocalDate start;
  private final int days;
  private final int startDayOfWeek;
  /** {@code shiftsBySlot[slot.ordinal()][day]} is the slot's shift starting on day {@code day}. */
  private final Shift[][] shiftsBySlot;

  Horizon(LocalDate start, int days) {
    this.start = start;
    this.days = days;
    this.startDayOfWeek = start.getDayOfWeek().ordinal();
    ShiftSlot[] slots = ShiftSlot.values();
    this.shiftsBySlot = new Shift[slots.length][];
    for (ShiftSlot slot : slots) {
      WeeklyShiftPattern daily = new WeeklyShiftPattern(
          EnumSet.allOf(DayOfWeek.class), slot.start, slot.end, SampleMarket.ZONE);
      shiftsBySlot[slot.ordinal()] = daily.expand(start, days).toArray(new Shift[0]);
    }
  }

  /** Number of days. */
  int days() {
    return days;
  }

  /** The date of day {@code day} of the horizon, counted from 0. */
  LocalDate date(int day) {
    return start.plusDays(day);
  }

  /** The shifts of {@code slot} on the days of the week in {@code dayMask}, in order. */
  List<Shift> weekly(ShiftSlot slot, int dayMask) {
    Shift[] all = shiftsBySlot[slot.ordinal()];
    Shift[] picked = new Shift[days];
    int n = 0;
    for (int day = 0; day < days; day++) {
      if ((dayMask & (1 << ((startDayOfWeek + day) % 7))) != 0) {
        picked[n++] = all[day];
      }
    }
    return Arrays.asList(Arrays.copyOf(picked, n));
  }

  /** The shifts of {@code slot} on the given days of the horizon. */
  List<Shift> on(ShiftSlot slot, int[] days) {
    Shift[] all = shiftsBySlot[slot.ordinal()];
    Shift[] picked = new Shift[days.length];
    for (int i = 0; i < days.length; i++) {
      picked[i] = all[days[i]];
    }
    return Arrays.asList(picked);
  }
}
