package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.time.LocalDate;
import java.util.List;

/**
 * A dated exception to a weekly availability: on {@code date} the windows that start that day
 * are exactly {@code windows} (empty: not available that day). Immutable.
 *
 * @param date the local date in the availability's zone
 * @param windows the windows starting that day, replacing the weekly ones
 */
public record DateOverride(LocalDate date, List<TimeRange> windows) {
  /** Validates and copies. */
  public DateOverride {
    Checks.required(date, "availability.overrides.date");
    windows = Checks.listOf(windows, "availability.overrides[" + date + "].windows");
  }

  /** Not available at all on {@code date}. */
  public static DateOverride unavailable(LocalDate date) {
    return new DateOverride(date, List.of());
  }
}
