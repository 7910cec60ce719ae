package dev.matching.assignment;

import dev.matching.model.internal.Checks;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The result of an {@link Assigner}: the chosen edges of an {@link AssignmentProblem}, listed in
 * (worker id, job id) ascending order, with the total score and how many edges each worker and
 * each job received. {@link #validate(AssignmentProblem)} re-checks an assignment against a
 * problem using only the public views of both.
 *
 * <p>Immutable and thread-safe. It refers to its problem's arrays rather than copying them.
 */
public final class Assignment {

  private final AssignmentProblem problem;
  /** Chosen edge numbers of {@link #problem}, ascending. */
  private final int[] edges;
  private final int[] perWorker;
  private final int[] perJob;
  private final int workersAssigned;
  private final int jobsAssigned;
  private final double totalScore;

  private Assignment(AssignmentProblem problem, int[] edges) {
    this.problem = problem;
    this.edges = edges;
    this.perWorker = new int[problem.workerCount()];
    this.perJob = new int[problem.jobCount()];
    double total = 0;
    for (int edge : edges) {
      perWorker[problem.edgeWorker(edge)]++;
      perJob[problem.edgeJob(edge)]++;
      total += problem.edgeScore(edge);
    }
    this.totalScore = total;
    this.workersAssigned = countPositive(perWorker);
    this.jobsAssigned = countPositive(perJob);
  }

  /** The assignment made of the edges {@code e} of {@code problem} with {@code chosen[e]}. */
  static Assignment ofChosen(AssignmentProblem problem, boolean[] chosen) {
    int count = 0;
    for (boolean c : chosen) {
      count += c ? 1 : 0;
    }
    int[] edges = new int[count];
    int next = 0;
    for (int e = 0; e < chosen.length; e++) {
      if (chosen[e]) {
        edges[next++] = e;
      }
    }
    return new Assignment(problem, edges);
  }

  /** The chosen edges in (worker id, job id) ascending order; an unmodifiable list. */
  public List<AssignedEdge> edges() {
    return new EdgeList();
  }

  /** Number of chosen edges. */
  public int size() {
    return edges.length;
  }

  /** Sum of the scores of the chosen edges, added in {@link #edges()} order. */
  public double totalScore() {
    return totalScore;
  }

  /** Number of jobs offered to {@code workerId}; fails if the problem has no such worker. */
  public int countForWorker(String workerId) {
    return perWorker[problem.requireWorker(workerId)];
  }

  /** Number of workers placed on {@code jobId}; fails if the problem has no such job. */
  public int countForJob(String jobId) {
    return perJob[problem.requireJob(jobId)];
  }

  /** Number of distinct workers with at least one chosen edge. */
  public int workersAssigned() {
    return workersAssigned;
  }

  /** Number of distinct jobs with at least one chosen edge. */
  public int jobsAssigned() {
    return jobsAssigned;
  }

  /**
   * Checks that this assignment is feasible for {@code against}: every edge is an edge of the
   * problem with the same score, edges are listed in strictly ascending (worker id, job id) order
   * (so none is repeated), no worker or job exceeds its capacity, the per-worker and per-job counts
   * agree with the edges and the total is the sum of the scores. Works only through the public
   * views, so it can check an assignment against an independently built problem.
   *
   * @throws IllegalArgumentException naming the first violation
   */
  public void validate(AssignmentProblem against) {
    Map<String, Integer> workerLoad = new HashMap<>();
    Map<String, Integer> jobLoad = new HashMap<>();
    double total = 0;
    @Nullable AssignedEdge previous = null;
    for (AssignedEdge edge : edges()) {
      double expected = against.score(edge.workerId(), edge.jobId())
          .orElseThrow(() -> Checks.fail(name(edge), "not an edge of the problem"));
      if (Double.compare(expected, edge.score()) != 0) {
        throw Checks.fail(name(edge) + ".score", "must be " + expected + " as in the problem, was " + edge.score());
      }
      if (previous != null && compare(previous, edge) >= 0) {
        throw Checks.fail(name(edge), "out of order or repeated after " + name(previous));
      }
      int workerCount = workerLoad.merge(edge.workerId(), 1, Integer::sum);
      int workerCapacity = against.workerCapacity(edge.workerId());
      if (workerCount > workerCapacity) {
        throw Checks.fail("worker[" + edge.workerId() + "]",
            "more edges than its capacity " + workerCapacity + ", was " + workerCount);
      }
      int jobCount = jobLoad.merge(edge.jobId(), 1, Integer::sum);
      int jobCapacity = against.jobCapacity(edge.jobId());
      if (jobCount > jobCapacity) {
        throw Checks.fail("job[" + edge.jobId() + "]", "more edges than its capacity " + jobCapacity + ", was " + jobCount);
      }
      total += edge.score();
      previous = edge;
    }
    for (String workerId : against.workerIds()) {
      int reported = countForWorker(workerId);
      if (reported != workerLoad.getOrDefault(workerId, 0)) {
        throw countMismatch("worker[" + workerId + "].count", reported, workerLoad.getOrDefault(workerId, 0));
      }
    }
    for (String jobId : against.jobIds()) {
      int reported = countForJob(jobId);
      if (reported != jobLoad.getOrDefault(jobId, 0)) {
        throw countMismatch("job[" + jobId + "].count", reported, jobLoad.getOrDefault(jobId, 0));
      }
    }
    if (workersAssigned != workerLoad.size()) {
      throw countMismatch("workersAssigned", workersAssigned, workerLoad.size());
    }
    if (jobsAssigned != jobLoad.size()) {
      throw countMismatch("jobsAssigned", jobsAssigned, jobLoad.size());
    }
    if (Double.compare(total, totalScore) != 0) {
      throw Checks.fail("totalScore", "must be the sum of the edge scores " + total + ", was " + totalScore);
    }
  }

  @Override
  public String toString() {
    return "Assignment[edges=" + size() + ", totalScore=" + totalScore + ", workersAssigned=" + workersAssigned
        + ", jobsAssigned=" + jobsAssigned + "]";
  }

  private static int compare(AssignedEdge a, AssignedEdge b) {
    int byWorker = a.workerId().compareTo(b.workerId());
    return byWorker != 0 ? byWorker : a.jobId().compareTo(b.jobId());
  }

  private static String name(AssignedEdge edge) {
    return "edge[" + edge.workerId() + " -> " + edge.jobId() + "]";
  }

  private static IllegalArgumentException countMismatch(String field, int reported, int actual) {
    return Checks.fail(field, "must be " + actual + " as counted from the edges, was " + reported);
  }

  private static int countPositive(int[] counts) {
    int positive = 0;
    for (int c : counts) {
      positive += c > 0 ? 1 : 0;
    }
    return positive;
  }

  private final class EdgeList extends AbstractList<AssignedEdge> implements RandomAccess {

    @Override
    public AssignedEdge get(int index) {
      int edge = edges[index];
      return new AssignedEdge(problem.workerId(problem.edgeWorker(edge)), problem.jobId(problem.edgeJob(edge)),
          problem.edgeScore(edge));
    }

    @Override
    public int size() {
      return edges.length;
    }
  }
}
