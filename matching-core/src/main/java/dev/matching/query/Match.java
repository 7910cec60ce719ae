package dev.matching.query;

import dev.matching.model.internal.Checks;
import dev.matching.scoring.FactorScores;

/**
 * One ranked result: the id of the matched job or worker, the total score and the factor
 * scores behind it. Immutable.
 *
 * @param id id of the matched job (jobs for a worker) or worker (workers for a job)
 * @param score total score in [0, 1]
 * @param factors the factor scores
 */
public record Match(String id, double score, FactorScores factors) {
  /** Validates. */
  public Match {
    Checks.required(id, "id");
    Checks.finiteIn(score, 0, 1, "score");
    Checks.required(factors, "factors");
  }
}
