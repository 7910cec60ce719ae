package dev.matching.scoring;

import dev.matching.model.internal.Checks;

/**
 * The score of an eligible pair: the total and the factor scores behind it. Immutable.
 *
 * @param total total score in [0, 1]
 * @param factors the factor scores
 */
public record Score(double total, FactorScores factors) {
  /** Validates. */
  public Score {
    Checks.finiteIn(total, 0, 1, "total");
    Checks.required(factors, "factors");
  }
}
