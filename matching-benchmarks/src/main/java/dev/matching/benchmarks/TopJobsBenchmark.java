package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-20 jobs for a worker with the default policy: the {@link JobIndex} against the
 * brute-force loop over the same kernel and against Lucene, on the same market (parameters
 * {@code jobs} and {@code shape} of {@link JobMarketState}), cycling through
 * {@link BenchmarkMarket#QUERY_COUNT} query workers.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class TopJobsBenchmark {

  private static final MatchQuery QUERY = MatchQuery.top(BenchmarkMarket.TOP_K);

  /** The engine's index of the market's jobs. */
  @State(Scope.Benchmark)
  public static class IndexState {
    JobIndex index;

    /** Builds the index. */
    @Setup(Level.Trial)
    public void build(JobMarketState market) {
      index = JobIndex.create(ScoringPolicy.ofDefaults());
      index.replaceAll(market.jobList);
    }
  }

  /** The brute-force peer over the market's jobs. */
  @State(Scope.Benchmark)
  public static class BruteForceState {
    BruteForceJobRanker ranker;

    /** Compiles the jobs. */
    @Setup(Level.Trial)
    public void build(JobMarketState market) {
      ranker = new BruteForceJobRanker(market.jobList, ScoringPolicy.ofDefaults());
    }
  }

  /** The Lucene peer over the market's jobs. */
  @State(Scope.Benchmark)
  public static class LuceneState {
    LuceneJobRanker ranker;

    /** Indexes the jobs. */
    @Setup(Level.Trial)
    public void build(JobMarketState market) {
      ranker = new LuceneJobRanker(market.jobList, ScoringPolicy.ofDefaults());
    }

    /** Releases the index. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      ranker.close();
    }
  }

  /** The engine's index. */
  @Benchmark
  public List<Match> index(JobMarketState market, IndexState state) {
    return state.index.topJobs(market.nextWorker(), QUERY).matches();
  }

  /** Brute force over the core's scoring kernel with its early exit: the strongest loop. */
  @Benchmark
  public List<Match> bruteForce(JobMarketState market, BruteForceState state) {
    return state.ranker.topJobs(market.nextWorker(), BenchmarkMarket.TOP_K);
  }

  /** The plain brute-force loop: score every job, keep a heap (the CI guard's baseline). */
  @Benchmark
  public List<Match> bruteForceFull(JobMarketState market, BruteForceState state) {
    return state.ranker.topJobsScoringEveryJob(market.nextWorker(), BenchmarkMarket.TOP_K);
  }

  /** Lucene filtering and ranking, rescored exactly by the kernel. */
  @Benchmark
  public List<Match> lucene(JobMarketState market, LuceneState state) {
    return state.ranker.topJobs(market.nextWorker(), BenchmarkMarket.TOP_K);
  }
}
