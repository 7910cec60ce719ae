package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.model.Job;
import dev.matching.scoring.ScoringPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build an index of all the market's jobs from domain objects already in memory (one
 * {@code replaceAll}), against the Lucene peer's build (documents, one segment). Single shot:
 * each iteration is one full build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class BuildBenchmark {

  /** Number of jobs of the market. */
  @Param({"1000000"})
  public int jobs;

  /** The market's shape; the sample's by default ({@code -p shape=DENSE_METRO,...} for others). */
  @Param({"SAMPLE"})
  public MarketShapes shape;

  private List<Job> jobList;

  /** Generates the market (once per fork). */
  @Setup(Level.Trial)
  public void generate() {
    jobList = BenchmarkMarket.jobs(shape, jobs);
  }

  /** Builds the engine's job index. */
  @Benchmark
  public JobIndex jobIndex() {
    JobIndex index = JobIndex.create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobList);
    return index;
  }

  /** Builds the Lucene peer (its kernel columns included, which it needs for rescoring). */
  @Benchmark
  public long lucene() throws Exception {
    try (LuceneJobRanker ranker = new LuceneJobRanker(jobList, ScoringPolicy.ofDefaults())) {
      return ranker.indexBytes();
    }
  }
}
