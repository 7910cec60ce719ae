package dev.matching.examples.quickstart;

import dev.matching.MatchingEngine;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.FactorExplanation;
import dev.matching.scoring.Rejection;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The plain-Java quick start: generates a sample market across Japan, loads it into a
 * {@link MatchingEngine} with in-memory stores, and prints the best jobs for a few workers and
 * the best workers for a few jobs, each top match with its explanation.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples/quickstart -am compile exec:java}; pass
 * {@code -Dexec.args="<jobs> <workers>"} for another size (default 100000 jobs, 20000 workers).
 */
public final class QuickStart {
  private static final int SHOWN = 5;
  private static final int SUBJECTS = 3;

  private QuickStart() {}

  /** Entry point: optional arguments are the number of jobs and of workers. */
  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    run(System.out, jobs, workers);
  }

  /** Generates the market, loads it and prints the matches to {@code out}; returns the engine. */
  public static MatchingEngine run(PrintStream out, int jobCount, int workerCount) {
    SampleMarketConfig config = SampleMarketConfig.custom()
        .seed(42).jobs(jobCount).workers(workerCount)
        .start(LocalDate.now(SampleMarket.ZONE).plusDays(1)).horizonDays(14)
        .build();
    long t0 = System.nanoTime();
    SampleMarket market = SampleMarket.generate(config);
    long t1 = System.nanoTime();
    MatchingEngine engine = MatchingEngine.builder().build();
    engine.upsertJobs(market.jobs());
    engine.upsertWorkers(market.workers());
    long t2 = System.nanoTime();
    out.printf(Locale.ROOT, "Generated %,d jobs and %,d workers in %d ms; indexed them in %d ms.%n%n",
        jobCount, workerCount, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);

    List<Worker> workers = market.workers();
    for (int i = 0; i < Math.min(SUBJECTS, workers.size()); i++) {
      Worker w = workers.get(i * Math.max(1, workers.size() / SUBJECTS));
      MatchPage page = timed(out, () -> engine.topJobsFor(w.id(), MatchQuery.top(SHOWN)));
      out.printf(Locale.ROOT, "Top %d jobs for %s (travels up to %.0f km, skills %s):%n",
          SHOWN, w.id(), w.maxTravelKm(), w.skills());
      printPage(out, page);
      page.matches().stream().findFirst().ifPresent(best -> printExplanation(out, engine.explain(w.id(), best.id())));
    }
    List<Job> jobs = market.jobs();
    for (int i = 0; i < Math.min(SUBJECTS, jobs.size()); i++) {
      Job j = jobs.get(i * Math.max(1, jobs.size() / SUBJECTS));
      MatchPage page = timed(out, () -> engine.topWorkersFor(j.id(), MatchQuery.top(SHOWN)));
      out.printf(Locale.ROOT, "Top %d workers for %s (%s, %s):%n", SHOWN, j.id(), j.title(), j.pay());
      printPage(out, page);
      page.matches().stream().findFirst().ifPresent(best -> printExplanation(out, engine.explain(best.id(), j.id())));
    }
    return engine;
  }

  private static MatchPage timed(PrintStream out, java.util.function.Supplier<MatchPage> query) {
    long start = System.nanoTime();
    MatchPage page = query.get();
    out.printf(Locale.ROOT, "(query took %.2f ms)%n", (System.nanoTime() - start) / 1e6);
    return page;
  }

  private static void printPage(PrintStream out, MatchPage page) {
    if (page.matches().isEmpty()) {
      out.println("  no eligible match");
    }
    int rank = 1;
    for (Match m : page.matches()) {
      out.printf(Locale.ROOT, "  %d. %-16s score %.4f  (distance %.2f, skills %.2f, schedule %.2f, pay %.2f)%n",
          rank++, m.id(), m.score(), m.factors().distance(), m.factors().skills(),
          m.factors().schedule(), m.factors().pay());
    }
  }

  private static void printExplanation(PrintStream out, Explanation e) {
    out.printf(Locale.ROOT, "  why %s and %s score %.4f:%n", e.workerId(), e.jobId(), e.total());
    for (FactorExplanation f : e.factors()) {
      out.printf(Locale.ROOT, "    %-8s %.3f x weight %.2f = %.4f   %s%n",
          f.factor().name().toLowerCase(Locale.ROOT), f.score(), f.weight(), f.contribution(), f.detail());
    }
    for (Rejection r : e.rejections()) {
      out.printf(Locale.ROOT, "    excluded: %s (%s)%n", r.reason(), r.detail());
    }
    out.println();
  }
}
