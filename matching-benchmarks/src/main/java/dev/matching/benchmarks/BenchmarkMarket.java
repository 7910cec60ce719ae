package dev.matching.benchmarks;

import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The fixed-seed sample markets every benchmark and test runs on: {@code jobs} jobs and 10% as
 * many workers (at least 1,000) of a {@link MarketShapes shape}, plus fixed lists of query
 * workers and query jobs spread evenly over the market, so that consecutive queries differ and
 * none is answered from a cache. The methods without a shape are those of
 * {@link MarketShapes#SAMPLE}.
 */
public final class BenchmarkMarket {

  /** The seed of every benchmark market. */
  public static final long SEED = 20_261_201L;
  /** How many distinct queries a benchmark cycles through (a power of two). */
  public static final int QUERY_COUNT = 1024;
  /** The page size of every benchmarked query. */
  public static final int TOP_K = 20;

  private BenchmarkMarket() {}

  /** The configuration of the sample-shaped market with {@code jobs} jobs. */
  public static SampleMarketConfig config(int jobs) {
    return config(MarketShapes.SAMPLE, jobs);
  }

  /** The configuration of the market of {@code shape} with {@code jobs} jobs. */
  public static SampleMarketConfig config(MarketShapes shape, int jobs) {
    return SampleMarketConfig.custom().seed(SEED).jobs(jobs).workers(Math.max(1_000, jobs / 10))
        .shape(shape.shape()).build();
  }

  /** The jobs of the sample-shaped market with {@code jobs} jobs. */
  public static List<Job> jobs(int jobs) {
    return jobs(MarketShapes.SAMPLE, jobs);
  }

  /** The jobs of the market of {@code shape} with {@code jobs} jobs. */
  public static List<Job> jobs(MarketShapes shape, int jobs) {
    return SampleMarket.streamJobs(config(shape, jobs)).collect(Collectors.toList());
  }

  /** The workers of the sample-shaped market with {@code jobs} jobs. */
  public static List<Worker> workers(int jobs) {
    return workers(MarketShapes.SAMPLE, jobs);
  }

  /** The workers of the market of {@code shape} with {@code jobs} jobs. */
  public static List<Worker> workers(MarketShapes shape, int jobs) {
    return SampleMarket.streamWorkers(config(shape, jobs)).collect(Collectors.toList());
  }

  /**
   * Up to {@code count} active workers of the sample-shaped market, evenly spread over it: the
   * workers that would ask for jobs (an inactive worker is not looking for work).
   */
  public static List<Worker> queryWorkers(int jobs, int count) {
    return queryWorkers(MarketShapes.SAMPLE, jobs, count);
  }

  /** Up to {@code count} active workers of the market of {@code shape}, evenly spread over it. */
  public static List<Worker> queryWorkers(MarketShapes shape, int jobs, int count) {
    return spread(workers(shape, jobs), count, Worker::active);
  }

  /** Up to {@code count} open jobs of {@code jobs}, evenly spread over it. */
  public static List<Job> queryJobs(List<Job> jobs, int count) {
    return spread(jobs, count, Job::open);
  }

  /**
   * The clock a {@link WorkerIndex} of the market is created with: the start of its first day in
   * Tokyo (the same for every shape).
   */
  public static Clock clock(int jobs) {
    Instant start = config(jobs).start().atStartOfDay(SampleMarket.ZONE).toInstant();
    return Clock.fixed(start, SampleMarket.ZONE);
  }

  /** The start of the availability window a {@link WorkerIndex} with {@link #clock} uses. */
  public static long windowFrom(int jobs) {
    return clock(jobs).instant().getEpochSecond() - 86_400;
  }

  /** The end of the availability window a {@link WorkerIndex} with {@link #clock} uses. */
  public static long windowTo(int jobs) {
    return clock(jobs).instant().plus(WorkerIndex.DEFAULT_WINDOW).getEpochSecond();
  }

  private static <T> List<T> spread(List<T> all, int count, Predicate<T> wanted) {
    int stride = Math.max(1, all.size() / count);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < all.size() && out.size() < count; i += stride) {
      if (wanted.test(all.get(i))) {
        out.add(all.get(i));
      }
    }
    return out;
  }
}
