package dev.matching.assignment;

/**
 * Chooses a feasible {@link Assignment} for an {@link AssignmentProblem}: only edges of the
 * problem, no worker above its maximum number of offers, no job above its headcount.
 *
 * <p>Both implementations are deterministic — the same problem gives the same assignment however
 * the builder was fed — stateless and thread-safe.
 */
public sealed interface Assigner permits GreedyAssigner, OptimalAssigner {

  /** The greedy baseline, see {@link GreedyAssigner}. */
  static Assigner greedy() {
    return GreedyAssigner.INSTANCE;
  }

  /** The maximum-total-score assigner, see {@link OptimalAssigner}. */
  static Assigner optimal() {
    return OptimalAssigner.INSTANCE;
  }

  /** Chooses the edges of {@code problem}. */
  Assignment assign(AssignmentProblem problem);
}
