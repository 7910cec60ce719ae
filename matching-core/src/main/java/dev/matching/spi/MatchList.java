package dev.matching.spi;

import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import java.time.Instant;
import java.util.List;

/**
 * A stored ranked list for one subject (a worker's jobs, or a job's workers) from one batch
 * generation. Immutable.
 *
 * @param direction which side was ranked
 * @param subjectId the worker (jobs for a worker) or job (workers for a job)
 * @param generation the batch generation that computed it
 * @param computedAt when it was computed
 * @param matches the ranked matches, best first
 */
public record MatchList(Direction direction, String subjectId, long generation, Instant computedAt, List<Match> matches) {
  /** Validates and copies. */
  public MatchList {
    Checks.required(direction, "direction");
    Checks.id(subjectId, "subjectId");
    if (!(generation >= 1)) {
      throw Checks.fail("generation",
          "must be at least 1, was " + generation);
    }
    Checks.required(computedAt, "computedAt");
    matches = Checks.listOf(matches, "matches");
  }
}
