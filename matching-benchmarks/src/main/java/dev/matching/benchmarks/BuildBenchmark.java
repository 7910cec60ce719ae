package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.sample.SampleMarket;
import dev.matching.scoring.ScoringPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Time to build an index from domain objects already in memory (one {@code replaceAll}): the
 * job index of all the market's jobs, against the Lucene peer's build (documents, one segment),
 * and the worker index of as many workers as the market has jobs (the 1M workers).
 * Single shot: each iteration is one full build.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class BuildBenchmark {

  /** The market's size and shape (generated only by the benchmarks that use it). */
  @State(Scope.Benchmark)
  public static class Market {
    /** Number of jobs of the market (and of workers, for {@link #workerIndex}). */
    @Param({"1000000"})
    public int jobs;

    /** The market's shape; the sample's by default ({@code -p shape=DENSE_METRO,...} for others). */
    @Param({"SAMPLE"})
    public MarketShapes shape;
  }

  /** The market's jobs. */
  @State(Scope.Benchmark)
  public static class Jobs {
    List<Job> list;

    /** Generates the jobs (once per fork). */
    @Setup(Level.Trial)
    public void generate(Market market) {
      list = BenchmarkMarket.jobs(market.shape, market.jobs);
    }
  }

  /** As many workers as the market has jobs. */
  @State(Scope.Benchmark)
  public static class Workers {
    List<Worker> list;

    /** Generates the workers (once per fork). */
    @Setup(Level.Trial)
    public void generate(Market market) {
      list = SampleMarket.streamWorkers(BenchmarkMarket.config(market.shape, market.jobs).toBuilder()
          .workers(market.jobs).build()).collect(Collectors.toList());
    }
  }

  /** Builds the engine's job index. */
  @Benchmark
  public JobIndex jobIndex(Jobs jobs) {
    JobIndex index = JobIndex.create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobs.list);
    return index;
  }

  /** Builds the engine's worker index (the benchmark market's clock and the default window). */
  @Benchmark
  public WorkerIndex workerIndex(Market market, Workers workers) {
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), BenchmarkMarket.clock(market.jobs),
        WorkerIndex.DEFAULT_WINDOW);
    index.replaceAll(workers.list);
    return index;
  }

  /** Builds the Lucene peer (its kernel columns included, which it needs for rescoring). */
  @Benchmark
  public long lucene(Jobs jobs) throws Exception {
    try (LuceneJobRanker ranker = new LuceneJobRanker(jobs.list, ScoringPolicy.ofDefaults())) {
      return ranker.indexBytes();
    }
  }
}
