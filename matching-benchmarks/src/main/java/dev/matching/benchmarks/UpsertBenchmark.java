package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
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
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * One writer upserting single jobs (re-posting jobs of the market, round robin) while one
 * reader runs top-20 queries, on the same {@link JobIndex}: write throughput and the read
 * throughput it leaves. Uses two threads; on a 2-core machine they compete for the CPU.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class UpsertBenchmark {

  private static final MatchQuery QUERY = MatchQuery.top(BenchmarkMarket.TOP_K);

  /** Number of jobs in the index. */
  @Param({"100000"})
  public int jobs;

  /** The market's shape; the sample's by default ({@code -p shape=DENSE_METRO,...} for others). */
  @Param({"SAMPLE"})
  public MarketShapes shape;

  private List<Job> jobList;
  private Worker[] queries;
  private JobIndex index;
  private int nextJob;
  private int nextWorker;

  /** Generates the market and builds the index (once per fork). */
  @Setup(Level.Trial)
  public void build() {
    jobList = BenchmarkMarket.jobs(shape, jobs);
    queries = BenchmarkMarket.queryWorkers(shape, jobs, BenchmarkMarket.QUERY_COUNT).toArray(new Worker[0]);
    index = JobIndex.create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobList);
  }

  /** Upserts the next job. */
  @Benchmark
  @Group("upsertWithReader")
  @GroupThreads(1)
  public void upsert() {
    index.upsert(jobList.get(nextJob));
    nextJob = (nextJob + 1) % jobList.size();
  }

  /** Queries the top 20 jobs of the next worker. */
  @Benchmark
  @Group("upsertWithReader")
  @GroupThreads(1)
  public List<Match> read() {
    Worker w = queries[nextWorker];
    nextWorker = (nextWorker + 1) % queries.length;
    return index.topJobs(w, QUERY).matches();
  }
}
