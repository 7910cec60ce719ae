package dev.matching.scoring;

import dev.matching.model.internal.Checks;

/**
 * What a factor does when the facts it needs are unknown. Immutable.
 *
 * <p>A factor's data is missing when: <b>distance</b>, the worker has no home (a remote job is
 * never missing: it scores 1); <b>skills</b>, the job lists no preferred skills; <b>schedule</b>,
 * the job has no shifts or the worker no availability; <b>pay</b>, the worker has no desired pay.
 * With missing data the factor's hard constraint (travel limit, minimum schedule coverage) does
 * not apply; a factor floor still does.
 *
 * @param excludes whether such a pair is excluded (reason {@link RejectionReason#MISSING_DATA})
 * @param score the factor score used when not excluded, within [0, 1]
 */
public record MissingData(boolean excludes, double score) {

  /** Validates. */
  public MissingData {
    Checks.finiteIn(score, 0, 1, "missingData.score");
  }

  /** Score the factor {@code score}. */
  public static MissingData score(double score) {
    return new MissingData(false, score);
  }

  /** Exclude the pair. */
  public static MissingData exclude() {
    return new MissingData(true, 0);
  }
}
