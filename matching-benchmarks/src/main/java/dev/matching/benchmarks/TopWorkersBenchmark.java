package dev.matching.benchmarks;

import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
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
 * Top-20 workers for a job with the default policy: the {@link WorkerIndex} against the
 * brute-force loop over the same kernel, on the workers of the market of {@code jobs} jobs
 * (10% as many workers, at least 1,000) of a {@link MarketShapes shape}, cycling through
 * {@link BenchmarkMarket#QUERY_COUNT} open query jobs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class TopWorkersBenchmark {

  private static final MatchQuery QUERY = MatchQuery.top(BenchmarkMarket.TOP_K);

  /** The market's workers and the query jobs. */
  @State(Scope.Benchmark)
  public static class WorkerMarketState {
    /** Number of jobs of the market; it has 10% as many workers (at least 1,000). */
    @Param({"10000", "100000", "1000000"})
    public int jobs;

    /** The market's shape; the sample's by default ({@code -p shape=DENSE_METRO,...} for others). */
    @Param({"SAMPLE"})
    public MarketShapes shape;

    List<Worker> workers;
    private Job[] queries;
    private int next;

    /** Generates the market (once per fork). */
    @Setup(Level.Trial)
    public void generate() {
      workers = BenchmarkMarket.workers(shape, jobs);
      queries = BenchmarkMarket.queryJobs(BenchmarkMarket.jobs(shape, jobs), BenchmarkMarket.QUERY_COUNT)
          .toArray(new Job[0]);
    }

    Job nextJob() {
      Job j = queries[next];
      next = next + 1 == queries.length ? 0 : next + 1;
      return j;
    }
  }

  /** The engine's index of the market's workers. */
  @State(Scope.Benchmark)
  public static class IndexState {
    WorkerIndex index;

    /** Builds the index with the market's fixed clock. */
    @Setup(Level.Trial)
    public void build(WorkerMarketState market) {
      index = WorkerIndex.create(ScoringPolicy.ofDefaults(), BenchmarkMarket.clock(market.jobs), WorkerIndex.DEFAULT_WINDOW);
      index.replaceAll(market.workers);
    }
  }

  /** The brute-force peer over the market's workers. */
  @State(Scope.Benchmark)
  public static class BruteForceState {
    BruteForceWorkerRanker ranker;

    /** Compiles the workers over the index's availability window. */
    @Setup(Level.Trial)
    public void build(WorkerMarketState market) {
      ranker = new BruteForceWorkerRanker(market.workers, ScoringPolicy.ofDefaults(),
          BenchmarkMarket.windowFrom(market.jobs), BenchmarkMarket.windowTo(market.jobs));
    }
  }

  /** The engine's index. */
  @Benchmark
  public List<Match> index(WorkerMarketState market, IndexState state) {
    return state.index.topWorkers(market.nextJob(), QUERY).matches();
  }

  /** Brute force over the core's scoring kernel: the baseline. */
  @Benchmark
  public List<Match> bruteForce(WorkerMarketState market, BruteForceState state) {
    return state.ranker.topWorkers(market.nextJob(), BenchmarkMarket.TOP_K);
  }
}
