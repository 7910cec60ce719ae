package dev.matching.scoring;

import dev.matching.model.internal.Checks;
import java.util.List;

/**
 * Why a (worker, job) pair scores what it does, or why it is excluded. Immutable.
 *
 * <p>For an eligible pair the factor contributions add up to {@link #total()} (up to the
 * rounding of a double sum). For an excluded pair {@link #rejections()} lists every violated
 * hard constraint, and the factors are still shown for context; {@link #total()} is then the
 * score the pair would have had.
 *
 * @param workerId the worker
 * @param jobId the job
 * @param policy name of the scoring policy used
 * @param eligible whether the pair passes every hard constraint
 * @param total the total score in [0, 1]
 * @param factors one entry per factor, in {@link Factor} order
 * @param rejections the violated hard constraints, empty when eligible
 */
public record Explanation(
    String workerId, String jobId, String policy, boolean eligible, double total,
    List<FactorExplanation> factors, List<Rejection> rejections) {
  /** Validates and copies. */
  public Explanation {
    Checks.required(workerId, "workerId");
    Checks.required(jobId, "jobId");
    Checks.required(policy, "policy");
    factors = Checks.listOf(factors, "factors");
    rejections = Checks.listOf(rejections, "rejections");
  }

  /** The explanation of {@code factor}. */
  public FactorExplanation factor(Factor factor) {
    return factors.get(factor.ordinal());
  }

  /** The factor scores. */
  public FactorScores scores() {
    return new FactorScores(factors.get(0).score(), factors.get(1).score(), factors.get(2).score(), factors.get(3).score());
  }
}
