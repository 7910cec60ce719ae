package dev.matching.assignment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times greedy against optimal on generated batch-sized problems and prints the totals' ratio. Not
 * a test (timings vary with the machine); run by hand after {@code test-compile}:
 *
 * <pre>{@code
 * java -cp matching-core/target/classes:matching-core/target/test-classes \
 *     dev.matching.assignment.AssignmentMeasurement 10000x20 20000x20 100000x50
 * }</pre>
 *
 * <p>Each argument is {@code workers x edgesPerWorker}. There is one job per four workers,
 * headcounts 1..3 and 1..3 offers per worker; jobs are skewed in popularity and appeal so that
 * workers compete for the same jobs and greedy has something to get wrong. Times are CPU time of
 * the measuring thread (the assigners are single-threaded), steadier than wall time on a shared
 * machine; "heap MB" is the heap in use once the problem is built, after a collection.
 */
final class AssignmentMeasurement {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AssignmentMeasurement() {}

  public static void main(String[] args) {
    String[] sizes = args.length > 0 ? args : new String[] {"10000x20", "20000x20", "100000x50"};
    measure(2_000, 10, 1); // warm-up, not printed
    System.out.printf(Locale.ROOT, "%9s %6s %10s %8s %9s %10s %11s %11s %8s %8s%n", "workers", "edges/w", "edges",
        "build ms", "greedy ms", "optimal ms", "greedy", "optimal", "ratio", "heap MB");
    for (String size : sizes) {
      String[] parts = size.split("x");
      measure(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 42).print();
    }
  }

  private record Row(int workers, int edgesPerWorker, int edges, long buildMs, long greedyMs, long optimalMs,
      AssignmentReport report, long problemMb) {

    void print() {
      System.out.printf(Locale.ROOT, "%9d %6d %10d %8d %9d %10d %11.3f %11.3f %8.4f %8d%n", workers, edgesPerWorker,
          edges, buildMs, greedyMs, optimalMs, report.greedyTotal(), report.optimalTotal(), report.ratio(), problemMb);
    }
  }

  private static Row measure(int workers, int edgesPerWorker, long seed) {
    long start = THREADS.getCurrentThreadCpuTime();
    AssignmentProblem problem = generate(workers, edgesPerWorker, seed);
    long built = THREADS.getCurrentThreadCpuTime();
    long problemMb = retainedHeapMb();
    Assignment greedy = Assigner.greedy().assign(problem);
    long greedyDone = THREADS.getCurrentThreadCpuTime();
    Assignment optimal = Assigner.optimal().assign(problem);
    long optimalDone = THREADS.getCurrentThreadCpuTime();
    return new Row(workers, edgesPerWorker, problem.edgeCount(), millis(built - start), millis(greedyDone - built),
        millis(optimalDone - greedyDone), AssignmentReport.of(greedy, optimal), problemMb);
  }

  private static AssignmentProblem generate(int workers, int edgesPerWorker, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int jobs = Math.max(edgesPerWorker, workers / 4);
    double[] appeal = new double[jobs];
    AssignmentProblem.Builder builder = AssignmentProblem.builder();
    for (int j = 0; j < jobs; j++) {
      appeal[j] = random.nextDouble();
      builder.job(String.format(Locale.ROOT, "job-%07d", j), 1 + random.nextInt(3));
    }
    boolean[] picked = new boolean[jobs];
    int[] chosen = new int[edgesPerWorker];
    for (int w = 0; w < workers; w++) {
      String workerId = String.format(Locale.ROOT, "worker-%07d", w);
      builder.worker(workerId, 1 + random.nextInt(3));
      for (int k = 0; k < edgesPerWorker; k++) {
        int job;
        do {
          double skew = random.nextDouble();
          job = (int) (skew * skew * jobs); // popular jobs have low numbers
        } while (picked[job]);
        picked[job] = true;
        chosen[k] = job;
        builder.edge(workerId, String.format(Locale.ROOT, "job-%07d", job),
            0.6 * appeal[job] + 0.4 * random.nextDouble());
      }
      for (int job : chosen) {
        picked[job] = false;
      }
    }
    return builder.build();
  }

  /** Heap in use after a full collection: about the problem's size, plus a few MB of JVM baseline. */
  private static long retainedHeapMb() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
