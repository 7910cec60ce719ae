package dev.matching.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The CI performance guard: a short JMH pass of the {@link TopJobsBenchmark} index against
 * brute force at 100,000 jobs, both measured in the same run so that the ratio survives a
 * noisy, shared machine. Samples single queries (JMH sample mode), prints the mean and median
 * of both and their ratios, and exits with status 1 when the index is not at least
 * {@value #MIN_SPEEDUP}x faster on the mean (2 on a JMH failure). The mean is what a mixed
 * workload pays; the median is printed for information only.
 *
 * <p>Usage: {@code java -cp matching-benchmarks/target/benchmarks.jar dev.matching.benchmarks.CiGuard}.
 */
public final class CiGuard {

  /** The smallest acceptable brute-force-to-index time ratio. */
  static final double MIN_SPEEDUP = 10.0;
  private static final String JOBS = "100000";

  private CiGuard() {}

  /** Runs the pass and exits 0 (pass), 1 (too slow) or 2 (could not measure). */
  public static void main(String[] args) {
    Options options = new OptionsBuilder()
        .include(TopJobsBenchmark.class.getName() + "\\.(index|bruteForce)$")
        .param("jobs", JOBS)
        .mode(Mode.SampleTime)
        .timeUnit(TimeUnit.MICROSECONDS)
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(1))
        .build();
    Result<?> index;
    Result<?> bruteForce;
    try {
      Collection<RunResult> results = new Runner(options).run();
      index = result(results, "index");
      bruteForce = result(results, "bruteForce");
    } catch (Exception e) {
      System.err.println("CiGuard: could not measure: " + e);
      System.exit(2);
      return;
    }
    double speedup = bruteForce.getScore() / index.getScore();
    double medianSpeedup = median(bruteForce) / median(index);
    System.out.println(String.format(Locale.ROOT,
        "CiGuard: top-%d jobs at %s jobs: index mean %.1f us (median %.1f), brute force mean %.1f us (median %.1f)",
        BenchmarkMarket.TOP_K, JOBS, index.getScore(), median(index), bruteForce.getScore(), median(bruteForce)));
    System.out.println(String.format(Locale.ROOT,
        "CiGuard: speed-up on the mean %.1fx (required %.0fx), on the median %.1fx (not checked)",
        speedup, MIN_SPEEDUP, medianSpeedup));
    if (!(speedup >= MIN_SPEEDUP)) {
      System.out.println("CiGuard: FAIL, the index is not " + MIN_SPEEDUP + "x faster than brute force");
      System.exit(1);
    }
    System.out.println("CiGuard: PASS");
  }

  private static Result<?> result(Collection<RunResult> results, String method) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().endsWith("." + method)) {
        return r.getPrimaryResult();
      }
    }
    throw new IllegalStateException("no result for " + method);
  }

  private static double median(Result<?> result) {
    return result.getStatistics().getPercentile(50);
  }
}
