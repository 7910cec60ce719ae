package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.Score;
import dev.matching.scoring.Scorer;
import dev.matching.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of explaining a score, against computing it, in the same run: one (worker, job) pair
 * at a time ({@link Scorer#explain} versus {@link Scorer#score}), and a whole top-20 page
 * (ranking it, then explaining each of its matches, versus ranking it alone). The pairs are the
 * query workers of the benchmark market with the jobs the index ranks first for them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class ExplainBenchmark {

  private static final MatchQuery QUERY = MatchQuery.top(BenchmarkMarket.TOP_K);

  /** The market, its index, and the (worker, best job) pairs to explain. */
  @State(Scope.Benchmark)
  public static class Pairs {
    /** Number of jobs in the market. */
    @Param({"100000"})
    public int jobs;

    /** The market's shape; the sample's by default ({@code -p shape=DENSE_METRO,...} for others). */
    @Param({"SAMPLE"})
    public MarketShapes shape;

    Scorer scorer;
    JobIndex index;
    Map<String, Job> jobsById;
    Worker[] workers;
    Job[] bestJobs;
    int next;

    /** Generates the market, builds the index and ranks each query worker's best job. */
    @Setup(Level.Trial)
    public void build() {
      List<Job> jobList = BenchmarkMarket.jobs(shape, jobs);
      index = JobIndex.create(ScoringPolicy.ofDefaults());
      index.replaceAll(jobList);
      scorer = Scorer.of(ScoringPolicy.ofDefaults());
      jobsById = new HashMap<>();
      jobList.forEach(j -> jobsById.put(j.id(), j));
      List<Worker> ws = new ArrayList<>();
      List<Job> best = new ArrayList<>();
      for (Worker w : BenchmarkMarket.queryWorkers(shape, jobs, BenchmarkMarket.QUERY_COUNT)) {
        List<Match> top = index.topJobs(w, QUERY).matches();
        if (!top.isEmpty()) {
          ws.add(w);
          best.add(jobsById.get(top.get(0).id()));
        }
      }
      workers = ws.toArray(new Worker[0]);
      bestJobs = best.toArray(new Job[0]);
    }

    int advance() {
      int i = next;
      next = next + 1 == workers.length ? 0 : next + 1;
      return i;
    }
  }

  /** Scores one pair: the baseline of {@link #explainPair}. */
  @Benchmark
  public Optional<Score> scorePair(Pairs p) {
    int i = p.advance();
    return p.scorer.score(p.workers[i], p.bestJobs[i]);
  }

  /** Explains one pair: every factor with its inputs, weights and the constraints checked. */
  @Benchmark
  public Explanation explainPair(Pairs p) {
    int i = p.advance();
    return p.scorer.explain(p.workers[i], p.bestJobs[i]);
  }

  /** Ranks a worker's top 20 jobs: the baseline of {@link #rankAndExplainPage}. */
  @Benchmark
  public List<Match> rankPage(Pairs p) {
    return p.index.topJobs(p.workers[p.advance()], QUERY).matches();
  }

  /** Ranks a worker's top 20 jobs and explains each of them. */
  @Benchmark
  public void rankAndExplainPage(Pairs p, Blackhole bh) {
    Worker w = p.workers[p.advance()];
    for (Match m : p.index.topJobs(w, QUERY).matches()) {
      bh.consume(p.scorer.explain(w, p.jobsById.get(m.id())));
    }
  }
}
