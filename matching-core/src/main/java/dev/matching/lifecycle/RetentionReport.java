package dev.matching.lifecycle;

import dev.matching.model.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link RetentionTask} run deleted. Immutable. A cutoff is null when its category is
 * kept forever (and its count is then 0).
 *
 * @param startedAt when the run started (the cutoffs are this minus the policy's ages)
 * @param duration how long it took
 * @param batchRunsCutoff finished batch runs that finished before this were deleted, or null
 * @param batchRunsDeleted batch runs deleted
 * @param matchResultsCutoff match lists computed before this were deleted, or null
 * @param matchListsDeleted match lists deleted
 * @param inactiveWorkersCutoff workers last written before this were erased, or null
 * @param workersErased workers erased (removed from store and index, and from stored results)
 * @param resultListsChangedByErasure stored lists deleted or changed by those erasures
 */
public record RetentionReport(
    Instant startedAt,
    Duration duration,
    @Nullable Instant batchRunsCutoff,
    long batchRunsDeleted,
    @Nullable Instant matchResultsCutoff,
    long matchListsDeleted,
    @Nullable Instant inactiveWorkersCutoff,
    long workersErased,
    long resultListsChangedByErasure) {

  /** Validates. */
  public RetentionReport {
    Checks.required(startedAt, "startedAt");
    Checks.required(duration, "duration");
    Checks.check(batchRunsDeleted >= 0, "batchRunsDeleted", "must not be negative, was " + batchRunsDeleted);
    Checks.check(matchListsDeleted >= 0, "matchListsDeleted", "must not be negative, was " + matchListsDeleted);
    Checks.check(workersErased >= 0, "workersErased", "must not be negative, was " + workersErased);
    Checks.check(resultListsChangedByErasure >= 0, "resultListsChangedByErasure",
        "must not be negative, was " + resultListsChangedByErasure);
  }
}
