package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.sample.MarketShape;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.testing.Oracle;
import dev.matching.testing.RandomPolicy;
import dev.matching.testing.RandomShapes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Both indexes against the brute-force {@link Oracle} on sample markets of every
 * {@link MarketShape} (issue #20): dense metros, long and short travel limits, many remote jobs
 * and workers without home, few requirements, many exact duplicates (ties), any shift patterns.
 * Ids, order, scores and factor scores must be identical, on the first page and the next.
 */
class ShapedMarketProperties {

  /** Queries per market, spread over it. */
  private static final int QUERIES = 12;

  @Provide
  Arbitrary<MarketShape> shapes() {
    return RandomShapes.shapes();
  }

  private static SampleMarket market(MarketShape shape, long seed, int jobs, int workers, int horizonDays) {
    return SampleMarket.generate(SampleMarketConfig.custom().seed(seed).jobs(jobs).workers(workers)
        .horizonDays(horizonDays).shape(shape).build());
  }

  /** The default policy half the time, a random policy or preset otherwise. */
  private static ScoringPolicy policy(long seed, boolean random) {
    return random ? RandomPolicy.policy(seed) : ScoringPolicy.ofDefaults();
  }

  /**
   * {@code QUERIES} of the market's workers at random (the first among them, the likeliest to
   * have copies), every other one moved to the location of a random job, so that sparse shapes
   * (short travel limits, jobs and homes in different places) still find matches.
   */
  private static List<Worker> queryWorkers(SampleMarket market, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Worker> workers = market.workers();
    List<Worker> out = new ArrayList<>();
    out.add(workers.get(0));
    while (out.size() < QUERIES) {
      Worker w = workers.get(r.nextInt(workers.size()));
      Job near = market.jobs().get(r.nextInt(market.jobs().size()));
      out.add(out.size() % 2 == 1 && w.home() != null && near.location() != null
          ? w.toBuilder().home(near.location()).build() : w);
    }
    return out;
  }

  /** As {@link #queryWorkers}, for jobs: every other one moved to the home of a random worker. */
  private static List<Job> queryJobs(SampleMarket market, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Job> jobs = market.jobs();
    List<Job> out = new ArrayList<>();
    out.add(jobs.get(0));
    while (out.size() < QUERIES) {
      Job j = jobs.get(r.nextInt(jobs.size()));
      Worker near = market.workers().get(r.nextInt(market.workers().size()));
      out.add(out.size() % 2 == 1 && j.location() != null && near.home() != null
          ? j.toBuilder().location(near.home()).build() : j);
    }
    return out;
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void jobsForAWorkerEqualBruteForceOnEveryShape(@ForAll("shapes") MarketShape shape, @ForAll long seed,
      @ForAll @IntRange(min = 200, max = 3000) int jobs, @ForAll @IntRange(min = 1, max = 28) int horizonDays,
      @ForAll @IntRange(min = 1, max = 30) int k, @ForAll boolean randomPolicy) {
    SampleMarket market = market(shape, seed, jobs, 200, horizonDays);
    ScoringPolicy policy = policy(seed, randomPolicy);
    JobIndex index = JobIndex.of(market.jobs());
    int matched = 0;
    for (Worker w : queryWorkers(market, seed)) {
      List<Match> full = Oracle.jobsFor(w, market.jobs(), policy, MatchFilter.none());
      MatchQuery query = MatchQuery.top(k).withPolicy(policy);
      MatchPage first = index.topJobs(w, query);
      assertThat(first.matches()).as(w.toString()).isEqualTo(Oracle.page(full, null, k));
      if (first.next() != null) {
        assertThat(index.topJobs(w, query.after(first.next())).matches()).as(w.toString())
            .isEqualTo(Oracle.page(full, first.next(), k));
      }
      matched += first.matches().size();
      Statistics.label("queries").collect(first.matches().isEmpty() ? "empty" : "matched");
    }
    Statistics.label("matches found").collect(matched > 0 ? "some" : "none");
    Statistics.label("matches found").coverage(c -> c.check("some").percentage(p -> p > 50));
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void workersForAJobEqualBruteForceOnEveryShape(@ForAll("shapes") MarketShape shape, @ForAll long seed,
      @ForAll @IntRange(min = 200, max = 3000) int workers, @ForAll @IntRange(min = 1, max = 28) int horizonDays,
      @ForAll @IntRange(min = 1, max = 30) int k, @ForAll boolean randomPolicy, @ForAll boolean jobsInsideWindow) {
    SampleMarket market = market(shape, seed, 200, workers, horizonDays);
    ScoringPolicy policy = policy(seed, randomPolicy);
    // the window either covers the jobs' shifts (bounds prune by availability) or not (exact fallback)
    Clock clock = Clock.fixed(market.config().start().atStartOfDay(SampleMarket.ZONE).toInstant()
        .plus(Duration.ofDays(jobsInsideWindow ? 0 : 40)), SampleMarket.ZONE);
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), clock, Duration.ofDays(30));
    index.replaceAll(market.workers());
    int matched = 0;
    for (Job j : queryJobs(market, seed)) {
      List<Match> full = Oracle.workersFor(j, market.workers(), policy, MatchFilter.none());
      MatchQuery query = MatchQuery.top(k).withPolicy(policy);
      MatchPage first = index.topWorkers(j, query);
      assertThat(first.matches()).as(j.toString()).isEqualTo(Oracle.page(full, null, k));
      if (first.next() != null) {
        assertThat(index.topWorkers(j, query.after(first.next())).matches()).as(j.toString())
            .isEqualTo(Oracle.page(full, first.next(), k));
      }
      matched += first.matches().size();
      Statistics.label("queries").collect(first.matches().isEmpty() ? "empty" : "matched");
    }
    Statistics.label("matches found").collect(matched > 0 ? "some" : "none");
    Statistics.label("matches found").coverage(c -> c.check("some").percentage(p -> p > 50));
  }
}
