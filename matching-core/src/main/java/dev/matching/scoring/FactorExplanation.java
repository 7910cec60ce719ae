package dev.matching.scoring;

import dev.matching.model.internal.Checks;

/**
 * How one factor scored for one pair. Immutable.
 *
 * @param factor the factor
 * @param raw the measured value in {@code unit} (for example 12.3 for 12.3 km), NaN when missing
 * @param unit unit of {@code raw}: {@code km}, {@code share} (of preferred skill weight or of
 *     shift time) or {@code JPY/h}
 * @param detail a human-readable account, e.g. {@code "12.3 km from home (limit 15.0 km)"}
 * @param missing whether the data was missing and the policy's missing-data score was used
 * @param score the factor score in [0, 1]
 * @param weight the factor's normalized weight (its share of the total)
 * @param contribution {@code weight * score}, its part of the total
 */
public record FactorExplanation(
    Factor factor, double raw, String unit, String detail, boolean missing, double score, double weight, double contribution) {
  /** Validates. */
  public FactorExplanation {
    Checks.required(factor, "factor");
    Checks.required(unit, "unit");
    Checks.required(detail, "detail");
  }
}
