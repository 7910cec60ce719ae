package dev.matching.batch;

import dev.matching.model.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A once-a-day slot at a local time in a zone (03:00 Asia/Tokyo by default). Immutable.
 *
 * <p>On a day when the local time does not exist (a DST gap) the slot moves forward by the
 * length of the gap; when it occurs twice (a DST overlap) the earlier one counts.
 *
 * @param at the local time of day
 * @param zone the zone the time is read in
 */
public record DailySchedule(LocalTime at, ZoneId zone) {
  /** Validates. */
  public DailySchedule {
    Checks.required(at, "at");
    Checks.required(zone, "zone");
  }

  /** 03:00 in Asia/Tokyo. */
  public static DailySchedule ofDefaults() {
    return new DailySchedule(LocalTime.of(3, 0), ZoneId.of("Asia/Tokyo"));
  }

  /** The latest slot at or before {@code now}. */
  public Instant lastSlotAtOrBefore(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant slot = slotOn(today);
    return slot.isAfter(now) ? slotOn(today.minusDays(1)) : slot;
  }

  /** The first slot strictly after {@code now}. */
  public Instant nextSlotAfter(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant slot = slotOn(today);
    return slot.isAfter(now) ? slot : slotOn(today.plusDays(1));
  }

  private Instant slotOn(LocalDate day) {
    return ZonedDateTime.of(day, at, zone).toInstant();
  }
}
