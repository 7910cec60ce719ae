package dev.matching.scoring;

import dev.matching.model.internal.Checks;

/**
 * One-sided Gaussian decay of the pay score: pay at or above the worker's desired minimum
 * scores 1; below it the score decays with the shortfall in yen. Immutable and thread-safe.
 *
 * <pre>
 *   shortfall = desiredYen - payYen          // yen per hour
 *   score     = 1                             if shortfall &lt;= 0
 *             = exp(ln(decay) * (shortfall / scaleYen)^2)   otherwise
 * </pre>
 *
 * <p>The score never decreases as pay rises.
 *
 * @param scaleYen shortfall in yen per hour at which the score is {@code decay}, greater than 0
 * @param decay the score at a shortfall of {@code scaleYen}, within (0, 1)
 */
public record PayDecay(double scaleYen, double decay) {

  /** Validates the parameters. */
  public PayDecay {
    Checks.finiteIn(scaleYen, 0, 1_000_000, "pay.scaleYen");
    if (!(scaleYen > 0)) {
      throw Checks.fail("pay.scaleYen",
          "must be greater than 0, was " + scaleYen);
    }
    Checks.finiteIn(decay, 0, 1, "pay.decay");
    if (!(decay > 0 && decay < 1)) {
      throw Checks.fail("pay.decay",
          "must be within (0, 1), was " + decay);
    }
  }

  /** 100 yen below the desired pay scores 0.5. */
  public static PayDecay ofDefaults() {
    return new PayDecay(100, 0.5);
  }

  /** The score of an hourly pay against the desired minimum, both in yen. */
  public double score(int payYen, int desiredYen) {
    int shortfall = desiredYen - payYen;
    if (shortfall <= 0) {
      return 1.0;
    }
    double t = shortfall / scaleYen;
    return Math.exp(Math.log(decay) * (t * t));
  }
}
