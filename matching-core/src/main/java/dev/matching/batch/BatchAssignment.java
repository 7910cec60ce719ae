package dev.matching.batch;

import dev.matching.assignment.Assignment;
import dev.matching.assignment.AssignmentProblem;
import dev.matching.assignment.AssignmentReport;
import dev.matching.model.internal.Checks;
import java.time.Duration;

/**
 * The capacity-aware assignment computed at the end of a run: the problem built from the run's
 * published jobs-for-worker lists, the assignment of the run's {@link AssignmentMode}, and how
 * greedy compares with the optimum on it. Immutable; held in memory by the node that computed it
 * ({@link MatchingBatch#lastAssignment()}) and passed to
 * {@link BatchListener#assignmentComputed}, not stored.
 *
 * @param runId the run
 * @param generation the generation whose lists were assigned
 * @param mode the assigner chosen for the run
 * @param problem workers (capacity: the run's maximum offers per worker), jobs (capacity: their
 *     headcount) and one edge per stored match
 * @param assignment the assignment of {@code mode}
 * @param report greedy and optimal totals on {@code problem} (both assigners always run)
 * @param took time spent reading the lists and assigning
 */
public record BatchAssignment(String runId, long generation, AssignmentMode mode, AssignmentProblem problem,
    Assignment assignment, AssignmentReport report, Duration took) {

  /** Validates. */
  public BatchAssignment {
    Checks.id(runId, "runId");
    Checks.required(mode, "mode");
    Checks.required(problem, "problem");
    Checks.required(assignment, "assignment");
    Checks.required(report, "report");
    Checks.required(took, "took");
  }
}
