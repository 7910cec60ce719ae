package dev.matching.assignment;

import dev.matching.model.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The input of an assignment: jobs with a headcount, workers with a maximum number of offers, and
 * scored candidate edges worker → job with scores in {@code [0, 1]}. Built with {@link #builder()}.
 *
 * <p>The problem is stored in a canonical, compact form so that every {@link Assigner} gives the
 * same answer whatever order the builder was fed in: workers and jobs are numbered by id in
 * ascending {@link String#compareTo} order, and edges are grouped by worker and ordered by job
 * within a worker (so edge numbers follow (worker id, job id) order). Edges live in primitive
 * arrays — about 16 bytes per edge — so millions of edges fit in modest memory.
 *
 * <p>Immutable and thread-safe.
 */
public final class AssignmentProblem {

  private final String[] workerIds;
  private final int[] workerCapacity;
  private final String[] jobIds;
  private final int[] jobCapacity;
  /** Edges of worker {@code w} are {@code [workerEdgeStart[w], workerEdgeStart[w + 1])}. */
  private final int[] workerEdgeStart;
  private final int[] edgeWorker;
  private final int[] edgeJob;
  private final double[] edgeScore;

  private AssignmentProblem(String[] workerIds, int[] workerCapacity, String[] jobIds, int[] jobCapacity,
      int[] workerEdgeStart, int[] edgeWorker, int[] edgeJob, double[] edgeScore) {
    this.workerIds = workerIds;
    this.workerCapacity = workerCapacity;
    this.jobIds = jobIds;
    this.jobCapacity = jobCapacity;
    this.workerEdgeStart = workerEdgeStart;
    this.edgeWorker = edgeWorker;
    this.edgeJob = edgeJob;
    this.edgeScore = edgeScore;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of workers. */
  public int workerCount() {
    return workerIds.length;
  }

  /** Number of jobs. */
  public int jobCount() {
    return jobIds.length;
  }

  /** Number of candidate edges. */
  public int edgeCount() {
    return edgeJob.length;
  }

  /** The worker ids in ascending order; an unmodifiable view. */
  public List<String> workerIds() {
    return Collections.unmodifiableList(Arrays.asList(workerIds));
  }

  /** The job ids in ascending order; an unmodifiable view. */
  public List<String> jobIds() {
    return Collections.unmodifiableList(Arrays.asList(jobIds));
  }

  /** The maximum number of offers of {@code workerId}; fails if there is no such worker. */
  public int workerCapacity(String workerId) {
    return workerCapacity[requireWorker(workerId)];
  }

  /** The headcount of {@code jobId}; fails if there is no such job. */
  public int jobCapacity(String jobId) {
    return jobCapacity[requireJob(jobId)];
  }

  /** The score of the edge {@code workerId → jobId}, or empty when there is no such edge. */
  public OptionalDouble score(String workerId, String jobId) {
    int worker = workerIndex(workerId);
    int job = jobIndex(jobId);
    if (worker < 0 || job < 0) {
      return OptionalDouble.empty();
    }
    int edge = Arrays.binarySearch(edgeJob, workerEdgeStart[worker], workerEdgeStart[worker + 1], job);
    return edge < 0 ? OptionalDouble.empty() : OptionalDouble.of(edgeScore[edge]);
  }

  @Override
  public String toString() {
    return "AssignmentProblem[workers=" + workerCount() + ", jobs=" + jobCount() + ", edges=" + edgeCount() + "]";
  }

  // ---- index-level access for the assigners (package-private) ----

  int workerIndex(String workerId) {
    int index = Arrays.binarySearch(workerIds, workerId);
    return index < 0 ? -1 : index;
  }

  int jobIndex(String jobId) {
    int index = Arrays.binarySearch(jobIds, jobId);
    return index < 0 ? -1 : index;
  }

  int requireWorker(String workerId) {
    int index = workerIndex(workerId);
    if (index < 0) {
      throw Checks.fail("workerId", "no such worker, was \"" + workerId + "\"");
    }
    return index;
  }

  int requireJob(String jobId) {
    int index = jobIndex(jobId);
    if (index < 0) {
      throw Checks.fail("jobId", "no such job, was \"" + jobId + "\"");
    }
    return index;
  }

  String workerId(int worker) {
    return workerIds[worker];
  }

  String jobId(int job) {
    return jobIds[job];
  }

  int workerCapacity(int worker) {
    return workerCapacity[worker];
  }

  int jobCapacity(int job) {
    return jobCapacity[job];
  }

  int firstEdge(int worker) {
    return workerEdgeStart[worker];
  }

  int endEdge(int worker) {
    return workerEdgeStart[worker + 1];
  }

  int edgeWorker(int edge) {
    return edgeWorker[edge];
  }

  int edgeJob(int edge) {
    return edgeJob[edge];
  }

  double edgeScore(int edge) {
    return edgeScore[edge];
  }

  /** A copy of all edge scores, indexed by edge. */
  double[] edgeScores() {
    return edgeScore.clone();
  }

  /**
   * Collects jobs, workers and edges. Jobs and workers may be declared before or after the edges
   * that name them; ids are checked when {@link #build()} is called. Local checks (id syntax,
   * capacity, score range, declaring an id twice) fail immediately.
   *
   * <p>Mutable and not thread-safe; {@link #build()} copies, so the builder may be reused.
   */
  public static final class Builder {

    private final IdTable workers = new IdTable();
    private final IdTable jobs = new IdTable();
    private int edgeCount;
    private int[] edgeWorkerRef = new int[16];
    private int[] edgeJobRef = new int[16];
    private double[] edgeScore = new double[16];

    private Builder() {}

    /** Declares job {@code id} with a headcount of {@code capacity} ≥ 1. */
    public Builder job(String id, int capacity) {
      jobs.declare(Checks.id(id, "jobId"), capacity, "job");
      return this;
    }

    /** Declares worker {@code id} accepting at most {@code capacity} ≥ 1 offers. */
    public Builder worker(String id, int capacity) {
      workers.declare(Checks.id(id, "workerId"), capacity, "worker");
      return this;
    }

    /** Adds the candidate edge {@code workerId → jobId} with {@code score} in {@code [0, 1]}. */
    public Builder edge(String workerId, String jobId, double score) {
      Checks.id(workerId, "workerId");
      Checks.id(jobId, "jobId");
      if (!Double.isFinite(score) || score < 0 || score > 1) {
        throw Checks.fail(edgeName(workerId, jobId) + ".score", "must be a finite number within [0, 1], was " + score);
      }
      if (edgeCount == edgeScore.length) {
        int grown = Math.max(16, edgeCount + (edgeCount >> 1));
        edgeWorkerRef = Arrays.copyOf(edgeWorkerRef, grown);
        edgeJobRef = Arrays.copyOf(edgeJobRef, grown);
        edgeScore = Arrays.copyOf(edgeScore, grown);
      }
      edgeWorkerRef[edgeCount] = workers.reference(workerId);
      edgeJobRef[edgeCount] = jobs.reference(jobId);
      edgeScore[edgeCount] = score + 0.0; // folds -0.0 into 0.0
      edgeCount++;
      return this;
    }

    /**
     * Validates the cross references and builds the canonical problem. Fails naming the edge when
     * an edge names an undeclared worker or job, or when the same worker → job edge was added twice.
     */
    public AssignmentProblem build() {
      for (int e = 0; e < edgeCount; e++) {
        String workerId = workers.ids.get(edgeWorkerRef[e]);
        String jobId = jobs.ids.get(edgeJobRef[e]);
        if (!workers.isDeclared(edgeWorkerRef[e])) {
          throw Checks.fail(edgeName(workerId, jobId) + ".workerId", "no such worker, was \"" + workerId + "\"");
        }
        if (!jobs.isDeclared(edgeJobRef[e])) {
          throw Checks.fail(edgeName(workerId, jobId) + ".jobId", "no such job, was \"" + jobId + "\"");
        }
      }
      String[] workerIds = workers.sortedIds();
      int[] workerRank = workers.ranks(workerIds);
      String[] jobIds = jobs.sortedIds();
      int[] jobRank = jobs.ranks(jobIds);

      // counting sort of the edges by worker rank, then by job rank within each worker
      int[] start = new int[workerIds.length + 1];
      for (int e = 0; e < edgeCount; e++) {
        start[workerRank[edgeWorkerRef[e]] + 1]++;
      }
      for (int w = 0; w < workerIds.length; w++) {
        start[w + 1] += start[w];
      }
      int[] next = Arrays.copyOf(start, workerIds.length);
      long[] jobThenRef = new long[edgeCount];
      for (int e = 0; e < edgeCount; e++) {
        jobThenRef[next[workerRank[edgeWorkerRef[e]]]++] = ((long) jobRank[edgeJobRef[e]] << 32) | e;
      }
      int[] outWorker = new int[edgeCount];
      int[] outJob = new int[edgeCount];
      double[] outScore = new double[edgeCount];
      for (int w = 0; w < workerIds.length; w++) {
        Arrays.sort(jobThenRef, start[w], start[w + 1]);
        for (int pos = start[w]; pos < start[w + 1]; pos++) {
          int ref = (int) jobThenRef[pos];
          outWorker[pos] = w;
          outJob[pos] = (int) (jobThenRef[pos] >>> 32);
          outScore[pos] = edgeScore[ref];
          if (pos > start[w] && outJob[pos] == outJob[pos - 1]) {
            int first = (int) jobThenRef[pos - 1];
            throw Checks.fail(edgeName(workerIds[w], jobIds[outJob[pos]]),
                "duplicate edge, scores " + edgeScore[first] + " and " + edgeScore[ref]);
          }
        }
      }
      return new AssignmentProblem(workerIds, workers.sortedCapacities(workerIds), jobIds,
          jobs.sortedCapacities(jobIds), start, outWorker, outJob, outScore);
    }

    private static String edgeName(String workerId, String jobId) {
      return "edge[" + workerId + " -> " + jobId + "]";
    }
  }

  /** Builder-side numbering of ids in first-seen order; capacity 0 marks "named but not declared". */
  private static final class IdTable {

    final Map<String, Integer> refs = new HashMap<>();
    final List<String> ids = new ArrayList<>();
    int[] capacity = new int[16];

    int reference(String id) {
      Integer ref = refs.get(id);
      if (ref != null) {
        return ref;
      }
      int created = ids.size();
      refs.put(id, created);
      ids.add(id);
      if (created == capacity.length) {
        capacity = Arrays.copyOf(capacity, created * 2);
      }
      return created;
    }

    void declare(String id, int cap, String kind) {
      if (cap < 1) {
        throw Checks.fail(kind + "[" + id + "].capacity", "must be at least 1, was " + cap);
      }
      int ref = reference(id);
      if (isDeclared(ref)) {
        throw Checks.fail(kind + "Id", "declared twice, was \"" + id + "\"");
      }
      capacity[ref] = cap;
    }

    boolean isDeclared(int ref) {
      return capacity[ref] > 0;
    }

    /** Declared ids in ascending order (every named id is declared once edges are checked). */
    String[] sortedIds() {
      String[] sorted = ids.toArray(String[]::new);
      Arrays.sort(sorted);
      return sorted;
    }

    int[] ranks(String[] sorted) {
      int[] rank = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        rank[refs.get(sorted[i])] = i;
      }
      return rank;
    }

    int[] sortedCapacities(String[] sorted) {
      int[] out = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        out[i] = capacity[refs.get(sorted[i])];
      }
      return out;
    }
  }
}
