package dev.matching.benchmarks;

import dev.matching.index.JobIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Times every query worker of the benchmark market once (after a warm-up pass) with the
 * {@link JobIndex} and with brute force, and prints the latency distribution of each by kind
 * of worker (with or without a home), to show where the index's tail comes from. A diagnostic
 * with {@code System.nanoTime}, not a JMH benchmark.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar dev.matching.benchmarks.QueryBreakdown [jobs [shape]]}
 * (default 100,000 jobs of the {@link MarketShapes#SAMPLE} shape).
 */
public final class QueryBreakdown {

  private QueryBreakdown() {}

  /** Measures and prints one line per peer and kind of worker. */
  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    MarketShapes shape = args.length > 1 ? MarketShapes.named(args[1]) : MarketShapes.SAMPLE;
    List<Job> jobList = BenchmarkMarket.jobs(shape, jobs);
    List<Worker> workers = BenchmarkMarket.queryWorkers(shape, jobs, BenchmarkMarket.QUERY_COUNT);
    JobIndex index = JobIndex.create(ScoringPolicy.ofDefaults());
    index.replaceAll(jobList);
    BruteForceJobRanker bruteForce = new BruteForceJobRanker(jobList, ScoringPolicy.ofDefaults());
    MatchQuery query = MatchQuery.top(BenchmarkMarket.TOP_K);
    Map<String, List<Double>> millis = new TreeMap<>();
    for (int pass = 0; pass < 2; pass++) {
      boolean record = pass == 1;
      for (Worker w : workers) {
        String kind = w.home() == null ? "without home" : "with home";
        double indexMs = time(record, millis, "index, workers " + kind, () -> index.topJobs(w, query));
        double loopMs = time(record, millis, "brute force, workers " + kind, () -> bruteForce.topJobs(w, BenchmarkMarket.TOP_K));
        if (record) {
          millis.computeIfAbsent("index, all workers", k -> new ArrayList<>()).add(indexMs);
          millis.computeIfAbsent("brute force, all workers", k -> new ArrayList<>()).add(loopMs);
        }
      }
    }
    System.out.println(String.format(Locale.ROOT, "%,d jobs%s, %d query workers, top %d", jobs,
        shape == MarketShapes.SAMPLE ? "" : " (" + shape + ")", workers.size(), BenchmarkMarket.TOP_K));
    millis.forEach((name, ms) -> {
      Collections.sort(ms);
      double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      System.out.println(String.format(Locale.ROOT,
          "%-34s n=%4d  mean %8.3f ms  p50 %8.3f ms  p90 %8.3f ms  p99 %8.3f ms  max %8.3f ms",
          name, ms.size(), mean, ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10), ms.get(ms.size() * 99 / 100),
          ms.get(ms.size() - 1)));
    });
  }

  private static double time(boolean record, Map<String, List<Double>> millis, String name, Supplier<?> query) {
    long start = System.nanoTime();
    query.get();
    double ms = (System.nanoTime() - start) / 1e6;
    if (record) {
      millis.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
    }
    return ms;
  }
}
