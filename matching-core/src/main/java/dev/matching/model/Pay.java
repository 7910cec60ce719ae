package dev.matching.model;

import dev.matching.model.internal.Checks;

/**
 * An hourly pay range in Japanese yen. A fixed rate has {@code minYen == maxYen}.
 * Immutable and thread-safe.
 *
 * <p>Scoring uses {@link #minYen()}: the rate a worker is guaranteed.
 *
 * @param minYen the guaranteed hourly rate, at least 0
 * @param maxYen the highest hourly rate, at least {@code minYen}
 */
public record Pay(int minYen, int maxYen) {

  /** Highest hourly rate accepted, in yen; larger values are taken for typing mistakes. */
  public static final int MAX_HOURLY_YEN = 1_000_000;

  /** Validates the range. */
  public Pay {
    Checks.intIn(minYen, 0, MAX_HOURLY_YEN, "pay.minYen");
    Checks.intIn(maxYen, 0, MAX_HOURLY_YEN, "pay.maxYen");
    if (!(maxYen >= minYen)) {
      throw Checks.fail("pay.maxYen",
          "must be at least pay.minYen (" + minYen + "), was " + maxYen);
    }
  }

  /** A fixed hourly rate. */
  public static Pay hourly(int yen) {
    return new Pay(yen, yen);
  }

  /** A range of hourly rates. */
  public static Pay range(int minYen, int maxYen) {
    return new Pay(minYen, maxYen);
  }
}
