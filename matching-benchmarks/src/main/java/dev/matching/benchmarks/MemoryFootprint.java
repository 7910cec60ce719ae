package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.sample.SampleMarket;
import dev.matching.scoring.ScoringPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the heap an index of the benchmark market takes per entry, measured as used heap after
 * GC: before the market is generated, with the entities alone, then with the index built from
 * them. Three figures per entry: the index's own structures (index
 * minus entities), its {@code estimatedBytes()}, and all in (the index and the domain objects it
 * holds to serve and explain, against the empty heap; the
 * caller's list, 4 bytes an entry, included). For jobs, also the size of the Lucene
 * peer's index files.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar dev.matching.benchmarks.MemoryFootprint [size
 * [shape [jobs|workers]]]} (default 1,000,000 jobs of the {@link MarketShapes#SAMPLE} shape;
 * {@code workers} measures a {@link WorkerIndex} of {@code size} workers).
 */
public final class MemoryFootprint {

  private MemoryFootprint() {}

  /** Measures and prints one line per figure. */
  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MarketShapes shape = args.length > 1 ? MarketShapes.named(args[1]) : MarketShapes.SAMPLE;
    boolean workers = args.length > 2 && args[2].equals("workers");
    System.out.println(String.format(Locale.ROOT, "%-34s %s", "shape", shape));
    print(workers ? "workers" : "jobs", size);
    if (workers) {
      measureWorkers(size, shape);
    } else {
      measureJobs(size, shape);
    }
  }

  private static void measureJobs(int jobs, MarketShapes shape) throws Exception {
    long empty = usedHeapAfterGc();
    List<Job> jobList = BenchmarkMarket.jobs(shape, jobs);
    long entities = usedHeapAfterGc();
    JobIndex index = JobIndex.create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobList);
    long withIndex = usedHeapAfterGc();
    printHeap("job", empty, entities, withIndex, index.estimatedBytes(), jobs, index.size());
    index = null;
    try (LuceneJobRanker lucene = new LuceneJobRanker(jobList, ScoringPolicy.ofDefaults())) {
      print("lucene.indexFileBytesPerJob", (double) lucene.indexBytes() / jobs);
    }
  }

  private static void measureWorkers(int workers, MarketShapes shape) throws Exception {
    long empty = usedHeapAfterGc();
    List<Worker> workerList = SampleMarket.streamWorkers(
        BenchmarkMarket.config(shape, workers).toBuilder().workers(workers).build()).collect(Collectors.toList());
    long entities = usedHeapAfterGc();
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), BenchmarkMarket.clock(workers),
        WorkerIndex.DEFAULT_WINDOW);
    index.replaceAll(workerList);
    long withIndex = usedHeapAfterGc();
    printHeap("worker", empty, entities, withIndex, index.estimatedBytes(), workers, index.size());
  }

  /**
   * Prints the per-entry figures of an index of {@code n} entries of {@code kind} from the used
   * heap when empty, with the entities and with the index, and checks it holds all of them.
   */
  private static void printHeap(String kind, long empty, long entities, long withIndex, long estimated, int n,
      int indexed) {
    String per = "BytesPer" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    print(kind + "Index.heapDelta" + per, (double) (withIndex - entities) / n);
    print(kind + "Index.estimated" + per, (double) estimated / n);
    print(kind + "s.domainObject" + per, (double) (entities - empty) / n);
    print(kind + "Index.allIn" + per, (double) (withIndex - empty) / n);
    if (indexed != n) {
      throw new IllegalStateException("index lost " + kind + "s: " + indexed);
    }
  }

  private static void print(String name, double value) {
    System.out.println(String.format(Locale.ROOT, "%-34s %,.1f", name, value));
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
