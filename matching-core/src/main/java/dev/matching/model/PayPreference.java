package dev.matching.model;

import dev.matching.model.internal.Checks;

/**
 * A worker's desired minimum hourly pay in yen. Immutable and thread-safe.
 *
 * @param minHourlyYen the desired minimum, at least 0
 * @param hard when true, a job paying less is excluded; when false it only scores lower
 */
public record PayPreference(int minHourlyYen, boolean hard) {

  /** Validates the amount. */
  public PayPreference {
    Checks.intIn(minHourlyYen, 0, Pay.MAX_HOURLY_YEN, "desiredPay.minHourlyYen");
  }

  /** A soft preference: lower pay scores lower but is not excluded. */
  public static PayPreference soft(int minHourlyYen) {
    return new PayPreference(minHourlyYen, false);
  }

  /** A hard floor: lower pay excludes the job. */
  public static PayPreference hard(int minHourlyYen) {
    return new PayPreference(minHourlyYen, true);
  }
}
