package dev.matching.assignment;

/**
 * How close the greedy baseline comes to the optimum on one problem: both totals, their ratio and
 * how many edges, workers and jobs each assignment covers. Lets the batch log "greedy reached
 * 97.3% of the optimal total" without keeping the assignments.
 *
 * <p>Immutable and thread-safe.
 *
 * @param greedyTotal total score of the {@link GreedyAssigner} assignment
 * @param optimalTotal total score of the {@link OptimalAssigner} assignment
 * @param greedyEdges number of edges chosen by greedy
 * @param optimalEdges number of edges chosen by the optimal assigner
 * @param greedyWorkers distinct workers with at least one greedy edge
 * @param optimalWorkers distinct workers with at least one optimal edge
 * @param greedyJobs distinct jobs with at least one greedy edge
 * @param optimalJobs distinct jobs with at least one optimal edge
 */
public record AssignmentReport(double greedyTotal, double optimalTotal, int greedyEdges, int optimalEdges,
    int greedyWorkers, int optimalWorkers, int greedyJobs, int optimalJobs) {

  /** Runs both assigners on {@code problem} and compares them. */
  public static AssignmentReport compare(AssignmentProblem problem) {
    return of(Assigner.greedy().assign(problem), Assigner.optimal().assign(problem));
  }

  /** Compares a greedy and an optimal assignment of the same problem. */
  public static AssignmentReport of(Assignment greedy, Assignment optimal) {
    return new AssignmentReport(greedy.totalScore(), optimal.totalScore(), greedy.size(), optimal.size(),
        greedy.workersAssigned(), optimal.workersAssigned(), greedy.jobsAssigned(), optimal.jobsAssigned());
  }

  /** {@code greedyTotal / optimalTotal}, or 1 when the optimal total is 0 (nothing to gain). */
  public double ratio() {
    return optimalTotal > 0 ? greedyTotal / optimalTotal : 1.0;
  }
}
