package dev.matching.benchmarks;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state: the jobs of the benchmark market of {@code jobs} jobs of a {@link MarketShapes
 * shape} and the query workers the benchmarks cycle through. Shared by the peers' states, so
 * every peer sees the same data.
 */
@State(Scope.Benchmark)
public class JobMarketState {

  /** Number of jobs in the market. */
  @Param({"10000", "100000", "1000000"})
  public int jobs;

  /** The market's shape; the sample's by default ({@code -p shape=DENSE_METRO,...} for others). */
  @Param({"SAMPLE"})
  public MarketShapes shape;

  List<Job> jobList;
  private Worker[] queries;
  private int next;

  /** Generates the market (once per fork). */
  @Setup(Level.Trial)
  public void generate() {
    jobList = BenchmarkMarket.jobs(shape, jobs);
    queries = BenchmarkMarket.queryWorkers(shape, jobs, BenchmarkMarket.QUERY_COUNT).toArray(new Worker[0]);
  }

  /** The next query worker, round robin. */
  Worker nextWorker() {
    Worker w = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return w;
  }
}
