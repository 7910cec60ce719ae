package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.model.Job;
import dev.matching.scoring.ScoringPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Prints the heap the {@link JobIndex} of the benchmark market takes per job: the used heap
 * after GC with the jobs alone, then with the index too, against the index's own
 * {@code estimatedBytes()}, and the size of the Lucene peer's index files. The jobs themselves
 * are not counted: the caller owns them either way.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar dev.matching.benchmarks.MemoryFootprint [jobs [shape]]}
 * (default 1,000,000 jobs of the {@link MarketShapes#SAMPLE} shape).
 */
public final class MemoryFootprint {

  private MemoryFootprint() {}

  /** Measures and prints one line per figure. */
  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MarketShapes shape = args.length > 1 ? MarketShapes.named(args[1]) : MarketShapes.SAMPLE;
    List<Job> jobList = BenchmarkMarket.jobs(shape, jobs);
    long before = usedHeapAfterGc();
    JobIndex index = JobIndex.create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobList);
    long after = usedHeapAfterGc();
    if (shape != MarketShapes.SAMPLE) {
      System.out.println(String.format(Locale.ROOT, "%-34s %s", "shape", shape));
    }
    print("jobs", jobs);
    print("jobIndex.heapDeltaBytesPerJob", (double) (after - before) / jobs);
    print("jobIndex.estimatedBytesPerJob", (double) index.estimatedBytes() / jobs);
    if (index.size() != jobs) {
      throw new IllegalStateException("index lost jobs: " + index.size());
    }
    index = null;
    try (LuceneJobRanker lucene = new LuceneJobRanker(jobList, ScoringPolicy.ofDefaults())) {
      print("lucene.indexFileBytesPerJob", (double) lucene.indexBytes() / jobs);
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
