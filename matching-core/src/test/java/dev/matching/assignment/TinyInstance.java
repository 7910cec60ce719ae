package dev.matching.assignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small random assignment problem kept as plain lists, with the brute-force optimum and an
 * independent feasibility check: the oracle the assigners are compared with.
 */
record TinyInstance(Map<String, Integer> workerCapacity, Map<String, Integer> jobCapacity, List<AssignedEdge> edges) {

  static final int MAX_WORKERS = 6;
  static final int MAX_JOBS = 5;
  static final int MAX_EDGES = 12;
  private static final double[] TIED_SCORES = {0.0, 0.25, 0.5, 0.75, 1.0};

  /** A random instance: up to 6 workers, 5 jobs and 12 edges, capacities 1..maxCapacity, many tied scores. */
  static TinyInstance random(long seed, int maxCapacity) {
    Random random = new Random(seed);
    int workers = random.nextInt(MAX_WORKERS + 1);
    int jobs = random.nextInt(MAX_JOBS + 1);
    Map<String, Integer> workerCapacity = new HashMap<>();
    for (int w = 0; w < workers; w++) {
      workerCapacity.put("w" + w, 1 + random.nextInt(maxCapacity));
    }
    Map<String, Integer> jobCapacity = new HashMap<>();
    for (int j = 0; j < jobs; j++) {
      jobCapacity.put("j" + j, 1 + random.nextInt(maxCapacity));
    }
    List<int[]> pairs = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      for (int j = 0; j < jobs; j++) {
        pairs.add(new int[] {w, j});
      }
    }
    Collections.shuffle(pairs, random);
    int edgeCount = random.nextInt(Math.min(MAX_EDGES, pairs.size()) + 1);
    List<AssignedEdge> edges = new ArrayList<>();
    for (int[] pair : pairs.subList(0, edgeCount)) {
      double score = random.nextBoolean() ? TIED_SCORES[random.nextInt(TIED_SCORES.length)] : random.nextDouble();
      edges.add(new AssignedEdge("w" + pair[0], "j" + pair[1], score));
    }
    return new TinyInstance(workerCapacity, jobCapacity, edges);
  }

  /** The problem, fed to the builder in an order shuffled by {@code shuffleSeed} (none when 0). */
  AssignmentProblem problem(long shuffleSeed) {
    List<Runnable> steps = new ArrayList<>();
    AssignmentProblem.Builder builder = AssignmentProblem.builder();
    workerCapacity.forEach((id, capacity) -> steps.add(() -> builder.worker(id, capacity)));
    jobCapacity.forEach((id, capacity) -> steps.add(() -> builder.job(id, capacity)));
    edges.forEach(edge -> steps.add(() -> builder.edge(edge.workerId(), edge.jobId(), edge.score())));
    if (shuffleSeed != 0) {
      Collections.shuffle(steps, new Random(shuffleSeed));
    }
    steps.forEach(Runnable::run);
    return builder.build();
  }

  /** The maximum total score over all feasible subsets of the edges. */
  double bruteForceMaximum() {
    double best = 0;
    for (int mask = 0; mask < 1 << edges.size(); mask++) {
      List<AssignedEdge> subset = new ArrayList<>();
      for (int e = 0; e < edges.size(); e++) {
        if ((mask & 1 << e) != 0) {
          subset.add(edges.get(e));
        }
      }
      if (respectsCapacities(subset)) {
        best = Math.max(best, total(subset));
      }
    }
    return best;
  }

  /** Whether {@code chosen} uses only this instance's edges, each once, within every capacity. */
  boolean isFeasible(List<AssignedEdge> chosen) {
    Set<AssignedEdge> given = new HashSet<>(edges);
    return given.containsAll(chosen) && new HashSet<>(chosen).size() == chosen.size() && respectsCapacities(chosen);
  }

  static double total(List<AssignedEdge> chosen) {
    return chosen.stream().mapToDouble(AssignedEdge::score).sum();
  }

  private boolean respectsCapacities(List<AssignedEdge> chosen) {
    Map<String, Integer> perWorker = new HashMap<>();
    Map<String, Integer> perJob = new HashMap<>();
    for (AssignedEdge edge : chosen) {
      if (perWorker.merge(edge.workerId(), 1, Integer::sum) > workerCapacity.get(edge.workerId())
          || perJob.merge(edge.jobId(), 1, Integer::sum) > jobCapacity.get(edge.jobId())) {
        return false;
      }
    }
    return true;
  }
}
