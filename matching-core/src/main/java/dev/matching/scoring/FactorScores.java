package dev.matching.scoring;

import dev.matching.model.internal.Checks;

/**
 * The four factor scores of one pair, each in [0, 1]. Immutable.
 *
 * @param distance distance score
 * @param skills skills score
 * @param schedule schedule score
 * @param pay pay score
 */
public record FactorScores(double distance, double skills, double schedule, double pay) {
  /** Validates that each score is within [0, 1]. */
  public FactorScores {
    Checks.finiteIn(distance, 0, 1, "factors.distance");
    Checks.finiteIn(skills, 0, 1, "factors.skills");
    Checks.finiteIn(schedule, 0, 1, "factors.schedule");
    Checks.finiteIn(pay, 0, 1, "factors.pay");
  }

  /** The score of {@code factor}. */
  public double get(Factor factor) {
    switch (factor) {
      case DISTANCE:
        return distance;
      case SKILLS:
        return skills;
      case SCHEDULE:
        return schedule;
      default:
        return pay;
    }
  }
}
