package dev.matching.lifecycle;

import dev.matching.model.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one {@link IntegrityCheck}: what was checked and every kind of inconsistency
 * found. Immutable.
 *
 * @param checkedAt when the check started
 * @param duration how long it took
 * @param jobs jobs stored
 * @param workers workers stored
 * @param resultLists stored lists read (every generation, both directions)
 * @param batchRuns batch runs checked
 * @param indexLag change-log entries the engine's indexes had not applied when the check started;
 *     above 0 explains index findings that go away after a refresh
 * @param findings one entry per kind found, in {@link IntegrityFinding.Kind} order; empty when clean
 */
public record IntegrityReport(
    Instant checkedAt,
    Duration duration,
    long jobs,
    long workers,
    long resultLists,
    long batchRuns,
    long indexLag,
    List<IntegrityFinding> findings) {

  /** Validates and copies. */
  public IntegrityReport {
    Checks.required(checkedAt, "checkedAt");
    Checks.required(duration, "duration");
    findings = Checks.listOf(findings, "findings");
  }

  /** Whether nothing was found. */
  public boolean clean() {
    return findings.isEmpty();
  }

  /** How many inconsistencies of {@code kind} were found; 0 when none. */
  public long count(IntegrityFinding.Kind kind) {
    Checks.required(kind, "kind");
    return findings.stream().filter(f -> f.kind() == kind).mapToLong(IntegrityFinding::count).sum();
  }
}
