package dev.matching.assignment;

import java.util.Arrays;

/**
 * A maximum-total-score assignment (maximum-weight b-matching), computed as a min-cost flow by
 * successive shortest paths with Dijkstra and Johnson potentials.
 *
 * <h2>Network</h2>
 * Every worker is a supply node with as many units as its maximum number of offers. A unit either
 * takes an edge worker → job (capacity 1, cost −score) and then job → sink (capacity = headcount,
 * cost 0), or stays unassigned through an arc worker → sink of cost 0. Sending all supply at
 * minimum cost is the same as the textbook network source → worker → job → sink with augmentation
 * stopped once the shortest augmenting path no longer has negative cost: the unassigned arc is
 * exactly "stop for this unit". Workers are taken in id order; each of a worker's units follows a
 * shortest path from the worker to the sink in the residual network, and once that path is the
 * unassigned arc the worker's remaining units stay unassigned too (later paths cannot be cheaper).
 *
 * <h2>Exactness</h2>
 * Costs are integers: {@code round(score × 10⁹)}, so comparisons are exact and the result is
 * deterministic; the chosen edges are optimal for the rounded scores and hence within
 * {@code k × 10⁻⁹} of the true optimum for an assignment of {@code k} edges. The reported total is
 * the sum of the original scores. A path that gains nothing is not taken, so edges of score 0
 * (or below 5 × 10⁻¹⁰) may be left out even where capacity remains.
 *
 * <h2>Cost</h2>
 * Initial potentials need no Bellman-Ford: with no flow, −(best score into the job) for a job,
 * 0 for a worker and −(best score overall) for the sink make every reduced cost non-negative.
 * Dijkstra stops as soon as the sink is settled, does not queue nodes already as far as the best
 * path to the sink found so far, and moves only the settled nodes' potentials (by the textbook
 * update minus one common offset, which leaves reduced costs unchanged), so one search costs the
 * part of the network closer than the sink, not the whole network. Working memory is about
 * 13 bytes per edge on top of the problem.
 *
 * <p>Stateless and thread-safe: every call works on its own arrays.
 */
public final class OptimalAssigner implements Assigner {

  /** Scores are scaled by this and rounded to get integer costs. */
  static final double COST_SCALE = 1e9;

  static final OptimalAssigner INSTANCE = new OptimalAssigner();

  private OptimalAssigner() {}

  @Override
  public Assignment assign(AssignmentProblem problem) {
    Flow flow = new Flow(problem);
    for (int worker = 0; worker < problem.workerCount(); worker++) {
      for (int unit = 0; unit < problem.workerCapacity(worker); unit++) {
        if (!flow.augmentFrom(worker)) {
          break;
        }
      }
    }
    return Assignment.ofChosen(problem, flow.assigned);
  }

  /** The residual network and the search state of one {@link #assign} call. */
  private static final class Flow {

    private final AssignmentProblem problem;
    private final int workers;
    private final int sink;
    private final long[] cost;
    /** The flow: {@code assigned[e]} when edge e carries a unit. */
    final boolean[] assigned;
    /** Edges carrying a unit into job j: {@code slots[slotStart[j] .. slotStart[j] + filled[j])}. */
    private final int[] slotStart;
    private final int[] slots;
    private final int[] filled;
    private final long[] potential;

    // Dijkstra state, reused between searches; valid for a node when its stamp is the search number.
    private final long[] distance;
    private final int[] predecessor;
    private final int[] predecessorEdge;
    private final int[] seenStamp;
    private final boolean[] settled;
    private int[] settledNodes = new int[64];
    private int settledCount;
    private int search;
    private final NodeHeap heap = new NodeHeap();

    Flow(AssignmentProblem problem) {
      this.problem = problem;
      this.workers = problem.workerCount();
      int jobs = problem.jobCount();
      int edges = problem.edgeCount();
      this.sink = workers + jobs;
      this.cost = new long[edges];
      this.assigned = new boolean[edges];
      int[] inDegree = new int[jobs];
      long[] bestInto = new long[jobs];
      long best = 0;
      for (int e = 0; e < edges; e++) {
        cost[e] = Math.round(problem.edgeScore(e) * COST_SCALE);
        int job = problem.edgeJob(e);
        inDegree[job]++;
        bestInto[job] = Math.max(bestInto[job], cost[e]);
        best = Math.max(best, cost[e]);
      }
      this.slotStart = new int[jobs + 1];
      for (int j = 0; j < jobs; j++) {
        slotStart[j + 1] = slotStart[j] + Math.min(problem.jobCapacity(j), inDegree[j]);
      }
      this.slots = new int[slotStart[jobs]];
      this.filled = new int[jobs];
      this.potential = new long[sink + 1];
      for (int j = 0; j < jobs; j++) {
        potential[workers + j] = -bestInto[j];
      }
      potential[sink] = -best;
      this.distance = new long[sink + 1];
      this.predecessor = new int[sink + 1];
      this.predecessorEdge = new int[sink + 1];
      this.seenStamp = new int[sink + 1];
      this.settled = new boolean[sink + 1];
    }

    /**
     * Sends one unit of {@code worker}'s supply along a shortest residual path to the sink and
     * returns whether it took an edge (false: the shortest path is the unassigned arc).
     */
    boolean augmentFrom(int worker) {
      shortestPathsUntilSink(worker);
      long sinkDistance = distance[sink];
      for (int i = 0; i < settledCount; i++) {
        int node = settledNodes[i];
        potential[node] += distance[node] - sinkDistance;
        settled[node] = false;
      }
      if (predecessor[sink] == worker) {
        return false;
      }
      int node = sink;
      while (node != worker) {
        int from = predecessor[node];
        int edge = predecessorEdge[node];
        if (node < workers) { // reached through job → worker: the worker gives the edge up
          unassign(from - workers, edge);
        } else if (node != sink) { // reached through worker → job: the edge is taken
          assign(node - workers, edge);
        }
        node = from;
      }
      return true;
    }

    private void shortestPathsUntilSink(int source) {
      search++;
      settledCount = 0;
      heap.clear();
      reach(source, 0, -1, -1);
      while (!heap.isEmpty()) {
        int node = heap.peekNode();
        long d = heap.peekDistance();
        heap.pop();
        if (settled[node]) {
          continue;
        }
        settle(node);
        if (node == sink) {
          return;
        }
        if (node < workers) {
          expandWorker(node, d);
        } else {
          expandJob(node, d);
        }
      }
      throw new IllegalStateException("sink unreachable: the unassigned arc is always residual");
    }

    private void expandWorker(int worker, long d) {
      reach(sink, d + potential[worker] - potential[sink], worker, -1);
      for (int e = problem.firstEdge(worker); e < problem.endEdge(worker); e++) {
        if (!assigned[e]) {
          int job = workers + problem.edgeJob(e);
          reach(job, d - cost[e] + potential[worker] - potential[job], worker, e);
        }
      }
    }

    private void expandJob(int jobNode, long d) {
      int job = jobNode - workers;
      if (filled[job] < slotStart[job + 1] - slotStart[job]) {
        reach(sink, d + potential[jobNode] - potential[sink], jobNode, -1);
      }
      for (int s = slotStart[job]; s < slotStart[job] + filled[job]; s++) {
        int e = slots[s];
        int worker = problem.edgeWorker(e);
        reach(worker, d + cost[e] + potential[jobNode] - potential[worker], jobNode, e);
      }
    }

    private void reach(int node, long d, int from, int edge) {
      if (settled[node] || (seenStamp[node] == search && distance[node] <= d)
          || (seenStamp[sink] == search && distance[sink] <= d)) {
        return; // not shorter, or no shorter than a path already found to the sink: no use
      }
      seenStamp[node] = search;
      distance[node] = d;
      predecessor[node] = from;
      predecessorEdge[node] = edge;
      heap.push(d, node);
    }

    private void settle(int node) {
      settled[node] = true;
      if (settledCount == settledNodes.length) {
        settledNodes = Arrays.copyOf(settledNodes, settledCount * 2);
      }
      settledNodes[settledCount++] = node;
    }

    private void assign(int job, int edge) {
      assigned[edge] = true;
      slots[slotStart[job] + filled[job]++] = edge;
    }

    private void unassign(int job, int edge) {
      assigned[edge] = false;
      int last = slotStart[job] + --filled[job];
      for (int s = slotStart[job]; s <= last; s++) {
        if (slots[s] == edge) {
          slots[s] = slots[last];
          return;
        }
      }
      throw new IllegalStateException("edge " + edge + " is not in job " + job + "'s slots");
    }
  }

  /** A binary min-heap of (distance, node), ties by node; stale entries are skipped by the caller. */
  private static final class NodeHeap {

    private long[] distances = new long[64];
    private int[] nodes = new int[64];
    private int size;

    void clear() {
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    long peekDistance() {
      return distances[0];
    }

    int peekNode() {
      return nodes[0];
    }

    void push(long distance, int node) {
      if (size == nodes.length) {
        distances = Arrays.copyOf(distances, size * 2);
        nodes = Arrays.copyOf(nodes, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!less(distance, node, distances[parent], nodes[parent])) {
          break;
        }
        distances[i] = distances[parent];
        nodes[i] = nodes[parent];
        i = parent;
      }
      distances[i] = distance;
      nodes[i] = node;
    }

    void pop() {
      long distance = distances[--size];
      int node = nodes[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && less(distances[child + 1], nodes[child + 1], distances[child], nodes[child])) {
          child++;
        }
        if (!less(distances[child], nodes[child], distance, node)) {
          break;
        }
        distances[i] = distances[child];
        nodes[i] = nodes[child];
        i = child;
      }
      distances[i] = distance;
      nodes[i] = node;
    }

    private static boolean less(long d1, int n1, long d2, int n2) {
      return d1 < d2 || (d1 == d2 && n1 < n2);
    }
  }
}
