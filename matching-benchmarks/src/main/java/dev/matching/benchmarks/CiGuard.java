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
 * noisy, shared machine. The guarded baseline is the plain loop the issue names (score every
 * job, keep a heap: {@code bruteForceFull}); the stronger loop with the kernel's early exit
 * ({@code bruteForce}) is measured and printed too, so every log shows both ratios. Samples single queries (JMH sample mode), prints the mean and median
 * of both and their ratios, and exits with status 1 when the index is not at least
 * {@value #MIN_SPEEDUP}x faster on the median, or not at least {@value #MIN_MEAN_SPEEDUP}x on
 * the mean (2 on a JMH failure).
 *
 * <p>Why the median carries the 10x: on a shared 2-core machine, scheduling stalls add the same
 * absolute milliseconds to a sample whichever side it belongs to; that barely moves brute force
 * (about 4 ms a query) but can double the index's mean (about 0.4 ms), so the mean ratio
 * measures the machine's noise as much as the code (it read 3x to 11x on the same commit). The
 * median is robust to those stalls. The mean, what a mixed workload pays, is still guarded,
 * at a floor that noise does not reach but a real regression of the slow tail would.
 *
 * <p>Usage: {@code java -cp matching-benchmarks/target/benchmarks.jar dev.matching.benchmarks.CiGuard [shape]}.
 * The optional argument names one of {@link MarketShapes} (case-insensitive) to measure on that
 * market instead of the sample's; without it the guard measures {@link MarketShapes#SAMPLE}, as
 * it always has (an unknown name exits 2).
 *
 * <p>Thresholds per shape ({@link #minMedianSpeedup}, {@link #minMeanSpeedup}): the sample's are
 * the targets of issue #3 (10x on the median, 5x on the mean). Another shape's are regression
 * floors below what the index measures on it today, not targets: on {@link MarketShapes#REMOTE_HEAVY},
 * the worst shape against the plain loop (docs/performance.md, "Market shapes"), the index read
 * 8.2x on the median, and issue #20 still has to raise it.
 */
public final class CiGuard {

  /** The smallest acceptable brute-force-to-index time ratio on the sample's shape. */
  static final double MIN_SPEEDUP = 10.0;
  /** The smallest acceptable ratio of the means on the sample's shape. */
  static final double MIN_MEAN_SPEEDUP = 5.0;

  /** The smallest acceptable ratio of the medians on {@code shape}. */
  static double minMedianSpeedup(MarketShapes shape) {
    return switch (shape) {
      case SAMPLE -> MIN_SPEEDUP;
      case REMOTE_HEAVY -> 6.0;
      default -> MIN_SPEEDUP / 2;
    };
  }

  /** The smallest acceptable ratio of the means on {@code shape}. */
  static double minMeanSpeedup(MarketShapes shape) {
    return shape == MarketShapes.SAMPLE ? MIN_MEAN_SPEEDUP : 3.0;
  }
  private static final String JOBS = "100000";
  /**
   * JVMs per benchmark, their samples pooled: the index's median moves by up to 20% from one
   * JVM to the next (how the JIT compiles the search), far more than within one.
   */
  private static final int FORKS = 5;

  /** Warm-up per JVM, in one-second iterations. */
  private static final int WARMUP_SECONDS = 10;

  private CiGuard() {}

  /** Runs the pass and exits 0 (pass), 1 (too slow) or 2 (could not measure). */
  public static void main(String[] args) {
    MarketShapes shape;
    try {
      shape = shape(args);
    } catch (IllegalArgumentException e) {
      System.err.println("CiGuard: " + e.getMessage());
      System.exit(2);
      return;
    }
    Options options = new OptionsBuilder()
        .include(TopJobsBenchmark.class.getName() + "\\.(index|bruteForce|bruteForceFull)$")
        .param("jobs", JOBS)
        .param("shape", shape.name())
        .mode(Mode.SampleTime)
        .timeUnit(TimeUnit.MICROSECONDS)
        .forks(FORKS)
        // The index's search reaches its steady state only after 6 to 9 s of warm-up (its
        // iterations kept falling, 370 to 616 us at 4 s, 256 to 341 us in the 4 s after); the
        // brute-force loops after 2 s. Ten seconds measure both compiled (docs/performance.md).
        .warmupIterations(WARMUP_SECONDS)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(4)
        .measurementTime(TimeValue.seconds(1))
        .build();
    Result<?> index;
    Result<?> bruteForce;
    Result<?> earlyExit;
    try {
      Collection<RunResult> results = new Runner(options).run();
      index = result(results, "index");
      bruteForce = result(results, "bruteForceFull");
      earlyExit = result(results, "bruteForce");
    } catch (Exception e) {
      System.err.println("CiGuard: could not measure: " + e);
      System.exit(2);
      return;
    }
    double speedup = bruteForce.getScore() / index.getScore();
    double medianSpeedup = median(bruteForce) / median(index);
    System.out.println(String.format(Locale.ROOT,
        "CiGuard: top-%d jobs at %s jobs%s: index mean %.1f us (median %.1f), brute force mean %.1f us (median %.1f),"
            + " brute force with early exit mean %.1f us (median %.1f)",
        BenchmarkMarket.TOP_K, JOBS, shape == MarketShapes.SAMPLE ? "" : " (" + shape + " shape)", index.getScore(),
        median(index), bruteForce.getScore(), median(bruteForce), earlyExit.getScore(), median(earlyExit)));
    System.out.println(String.format(Locale.ROOT,
        "CiGuard: against brute force (guarded): %.1fx on the median (required %.0fx), %.1fx on the mean"
            + " (required %.0fx)", medianSpeedup, minMedianSpeedup(shape), speedup, minMeanSpeedup(shape)));
    System.out.println(String.format(Locale.ROOT,
        "CiGuard: against brute force with early exit (reported, not guarded): %.1fx on the median, %.1fx on the mean",
        median(earlyExit) / median(index), earlyExit.getScore() / index.getScore()));
    if (!(medianSpeedup >= minMedianSpeedup(shape)) || !(speedup >= minMeanSpeedup(shape))) {
      System.out.println("CiGuard: FAIL, the index is not " + minMedianSpeedup(shape) + "x faster than brute force on"
          + " the median and " + minMeanSpeedup(shape) + "x on the mean");
      System.exit(1);
    }
    System.out.println("CiGuard: PASS");
  }

  /** The shape the arguments name: none (the sample's) or one name of {@link MarketShapes}. */
  static MarketShapes shape(String[] args) {
    if (args.length == 0) {
      return MarketShapes.SAMPLE;
    }
    if (args.length > 1) {
      throw new IllegalArgumentException("expected at most one argument, a shape, got " + args.length);
    }
    return MarketShapes.named(args[0]);
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
