package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.MatchQuery;
import dev.matching.sample.SampleMarket;
import dev.matching.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Times every query of the benchmark market (after a warm-up pass of every query with the
 * index, of the first {@value #BRUTE_FORCE_WARM_UP} with brute force) with the index and with
 * brute force, and prints the index's build time and the latency distribution of each peer by
 * kind of query (a worker with or without a home; a located or a remote job), to show where the
 * index's tail comes from. A diagnostic with {@code System.nanoTime}, not a JMH benchmark.
 *
 * <p>Usage: {@code java -Xmx14g -cp benchmarks.jar dev.matching.benchmarks.QueryBreakdown [size
 * [shape [jobs|workers]]]}: {@code jobs} (the default) times jobs for a worker over a market of
 * {@code size} jobs; {@code workers} times workers for a job over a market of {@code size}
 * workers (and as many jobs, the queries drawn from them). Default 100,000 of the
 * {@link MarketShapes#SAMPLE} shape.
 */
public final class QueryBreakdown {

  private static final int PASSES = 2;
  /** Queries brute force runs in the warm-up pass (it is slow; its kernel warms up fast). */
  private static final int BRUTE_FORCE_WARM_UP = 64;

  private QueryBreakdown() {}

  /** Measures and prints one line per peer and kind of query. */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    MarketShapes shape = args.length > 1 ? MarketShapes.named(args[1]) : MarketShapes.SAMPLE;
    boolean workers = args.length > 2 && args[2].equals("workers");
    Map<String, List<Double>> millis = new TreeMap<>();
    String header = workers ? workersForJobs(size, shape, millis) : jobsForWorkers(size, shape, millis);
    System.out.println(header);
    millis.forEach((name, ms) -> {
      Collections.sort(ms);
      System.out.println(String.format(Locale.ROOT,
          "%-34s n=%4d  mean %8.3f ms  p50 %8.3f ms  p90 %8.3f ms  p99 %8.3f ms  max %8.3f ms",
          name, ms.size(), mean(ms), ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10),
          ms.get(ms.size() * 99 / 100), ms.get(ms.size() - 1)));
    });
    System.out.println(String.format(Locale.ROOT, "mean brute force / mean index: %.1fx",
        mean(millis.get("brute force, all")) / mean(millis.get("index, all"))));
  }

  private static String jobsForWorkers(int jobs, MarketShapes shape, Map<String, List<Double>> millis) {
    List<Job> jobList = BenchmarkMarket.jobs(shape, jobs);
    List<Worker> queries = BenchmarkMarket.queryWorkers(shape, jobs, BenchmarkMarket.QUERY_COUNT);
    JobIndex index = JobIndex.create(ScoringPolicy.ofDefaults());
    long start = System.nanoTime();
    index.replaceAll(jobList);
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    BruteForceJobRanker bruteForce = new BruteForceJobRanker(jobList, ScoringPolicy.ofDefaults());
    MatchQuery query = MatchQuery.top(BenchmarkMarket.TOP_K);
    timeAll(queries, w -> w.home() == null ? "workers without home" : "workers with home",
        w -> index.topJobs(w, query), w -> bruteForce.topJobs(w, BenchmarkMarket.TOP_K), millis);
    return String.format(Locale.ROOT, "jobs for a worker: %,d jobs (%s), %d query workers, top %d, build %.2f s",
        jobs, shape, queries.size(), BenchmarkMarket.TOP_K, buildSeconds);
  }

  private static String workersForJobs(int workers, MarketShapes shape, Map<String, List<Double>> millis) {
    var config = BenchmarkMarket.config(shape, workers).toBuilder().workers(workers).build();
    List<Worker> workerList = SampleMarket.streamWorkers(config).collect(Collectors.toList());
    List<Job> queries = BenchmarkMarket.queryJobs(
        SampleMarket.streamJobs(config).collect(Collectors.toList()), BenchmarkMarket.QUERY_COUNT);
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), BenchmarkMarket.clock(workers),
        WorkerIndex.DEFAULT_WINDOW);
    long start = System.nanoTime();
    index.replaceAll(workerList);
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    BruteForceWorkerRanker bruteForce = new BruteForceWorkerRanker(workerList, ScoringPolicy.ofDefaults(),
        BenchmarkMarket.windowFrom(workers), BenchmarkMarket.windowTo(workers));
    MatchQuery query = MatchQuery.top(BenchmarkMarket.TOP_K);
    timeAll(queries, j -> j.location() == null ? "remote jobs" : "located jobs",
        j -> index.topWorkers(j, query), j -> bruteForce.topWorkers(j, BenchmarkMarket.TOP_K), millis);
    return String.format(Locale.ROOT, "workers for a job: %,d workers (%s), %d query jobs, top %d, build %.2f s",
        workers, shape, queries.size(), BenchmarkMarket.TOP_K, buildSeconds);
  }

  /**
   * Times {@code queries} with both peers, query by query, over {@link #PASSES} passes, and
   * records the last one under each query's kind.
   */
  private static <Q> void timeAll(List<Q> queries, Function<Q, String> kindOf, Function<Q, ?> index,
      Function<Q, ?> bruteForce, Map<String, List<Double>> millis) {
    for (int pass = 0; pass < PASSES; pass++) {
      boolean record = pass == PASSES - 1;
      for (int q = 0; q < queries.size(); q++) {
        Q query = queries.get(q);
        String kind = kindOf.apply(query);
        time(record, millis, kind, "index", () -> index.apply(query));
        if (record || q < BRUTE_FORCE_WARM_UP) {
          time(record, millis, kind, "brute force", () -> bruteForce.apply(query));
        }
      }
    }
  }

  private static void time(boolean record, Map<String, List<Double>> millis, String kind, String peer,
      Supplier<?> query) {
    long start = System.nanoTime();
    query.get();
    double ms = (System.nanoTime() - start) / 1e6;
    if (record) {
      millis.computeIfAbsent(peer + ", " + kind, k -> new ArrayList<>()).add(ms);
      millis.computeIfAbsent(peer + ", all", k -> new ArrayList<>()).add(ms);
    }
  }

  private static double mean(List<Double> ms) {
    return ms.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
