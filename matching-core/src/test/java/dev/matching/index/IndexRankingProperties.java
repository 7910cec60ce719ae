package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Cursor;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.Scorer;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.testing.Oracle;
import dev.matching.testing.RandomMarket;
import dev.matching.testing.RandomPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Ranking invariants of both indexes against the brute-force {@link Oracle}, for random
 * markets, policies, filters and cursors.
 */
class IndexRankingProperties {

  private static WorkerIndex workerIndex(List<Worker> workers) {
    Clock clock = Clock.fixed(RandomMarket.START.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), clock, Duration.ofDays(20));
    index.replaceAll(workers);
    return index;
  }

  @Property(tries = 150)
  void jobsForWorkerEqualBruteForceUnderAnyPolicyFilterAndCursor(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int size, @ForAll @IntRange(min = 1, max = 25) int k) {
    List<Job> market = RandomMarket.jobs(seed, size);
    JobIndex index = JobIndex.of(market);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    MatchFilter filter = RandomPolicy.filter(seed);
    for (Worker w : RandomMarket.workers(seed, 3)) {
      List<Match> full = Oracle.jobsFor(w, market, policy, filter);
      Cursor cursor = full.size() > 3 ? Cursor.after(full.get(new SplittableRandom(seed).nextInt(full.size()))) : null;
      MatchQuery q = new MatchQuery(k, cursor, policy, filter);
      assertThat(index.topJobs(w, q).matches()).isEqualTo(Oracle.page(full, cursor, k));
    }
  }

  @Property(tries = 150)
  void workersForJobEqualBruteForceUnderAnyPolicyFilterAndCursor(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int size, @ForAll @IntRange(min = 1, max = 25) int k) {
    List<Worker> pool = RandomMarket.workers(seed, size);
    WorkerIndex index = workerIndex(pool);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    MatchFilter filter = RandomPolicy.filter(seed).withEmployers(java.util.Set.of());
    for (Job j : RandomMarket.jobs(seed, 3)) {
      List<Match> full = Oracle.workersFor(j, pool, policy, filter);
      Cursor cursor = full.size() > 3 ? Cursor.after(full.get(new SplittableRandom(seed).nextInt(full.size()))) : null;
      MatchQuery q = new MatchQuery(k, cursor, policy, filter);
      assertThat(index.topWorkers(j, q).matches()).isEqualTo(Oracle.page(full, cursor, k));
    }
  }

  @Property(tries = 15)
  void largeMarketsWithManyRangesEqualBruteForce(@ForAll long seed) {
    List<Job> market = RandomMarket.jobs(seed, 5000);
    List<Worker> pool = RandomMarket.workers(seed, 5000);
    JobIndex jobs = JobIndex.of(market);
    WorkerIndex workers = workerIndex(pool);
    for (int i = 0; i < 3; i++) {
      Worker w = pool.get(i);
      assertThat(jobs.topJobs(w, MatchQuery.top(20)).matches())
          .isEqualTo(Oracle.page(Oracle.jobsFor(w, market, ScoringPolicy.ofDefaults(), MatchFilter.none()), null, 20));
      Job j = market.get(i);
      assertThat(workers.topWorkers(j, MatchQuery.top(20)).matches())
          .isEqualTo(Oracle.page(Oracle.workersFor(j, pool, ScoringPolicy.ofDefaults(), MatchFilter.none()), null, 20));
    }
  }

  @Property(tries = 60)
  void pagesConcatenateToTheFullRanking(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int size,
      @ForAll @IntRange(min = 1, max = 7) int pageSize) {
    List<Job> market = RandomMarket.jobs(seed, size);
    JobIndex index = JobIndex.of(market);
    Worker w = RandomMarket.workers(seed, 1).get(0);
    List<Match> all = new ArrayList<>();
    MatchQuery q = MatchQuery.top(pageSize);
    int pages = 0;
    while (true) {
      MatchPage page = index.topJobs(w, q);
      all.addAll(page.matches());
      pages++;
      assertThat(page.matches().size()).isLessThanOrEqualTo(pageSize);
      if (page.nextCursor().isEmpty()) {
        break;
      }
      assertThat(page.matches()).hasSize(pageSize);
      q = q.after(page.nextCursor().get());
      assertThat(pages).isLessThan(10_000);
    }
    assertThat(all).isEqualTo(Oracle.jobsFor(w, market, ScoringPolicy.ofDefaults(), MatchFilter.none()));
  }

  @Property(tries = 60)
  void resultsDoNotDependOnInsertionOrderOrBatching(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int size) {
    List<Job> market = RandomMarket.jobs(seed, size);
    List<Job> shuffled = new ArrayList<>(market);
    Collections.shuffle(shuffled, new Random(seed));
    JobIndex fresh = JobIndex.of(market);
    JobIndex oneByOne = JobIndex.create(ScoringPolicy.ofDefaults());
    for (Job j : shuffled) {
      oneByOne.upsert(j);
    }
    for (Worker w : RandomMarket.workers(seed, 3)) {
      assertThat(oneByOne.topJobs(w, MatchQuery.top(30)).matches())
          .isEqualTo(fresh.topJobs(w, MatchQuery.top(30)).matches());
    }
    assertThat(oneByOne.size()).isEqualTo(market.size());
  }

  @Property(tries = 60)
  void afterUpdatesAndRemovesTheIndexAgreesWithAFreshBuild(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int size, @ForAll @IntRange(min = 1, max = 60) int writes) {
    List<Job> market = new ArrayList<>(RandomMarket.jobs(seed, size));
    List<Worker> pool = new ArrayList<>(RandomMarket.workers(seed, size));
    JobIndex jobs = JobIndex.of(market);
    WorkerIndex workers = workerIndex(pool);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < writes; i++) {
      int op = r.nextInt(3);
      if (op == 0 && !market.isEmpty()) {
        Job gone = market.remove(r.nextInt(market.size()));
        assertThat(jobs.remove(gone.id())).isTrue();
        Worker left = pool.remove(r.nextInt(pool.size()));
        assertThat(workers.remove(left.id())).isTrue();
      } else {
        // replace an existing id (op 1) or add a new one (op 2)
        String jobId = op == 1 && !market.isEmpty() ? market.get(r.nextInt(market.size())).id() : "job-new-" + i;
        Job job = RandomMarket.job(r, jobId);
        market.removeIf(j -> j.id().equals(jobId));
        market.add(job);
        jobs.upsert(job);
        String workerId = op == 1 && !pool.isEmpty() ? pool.get(r.nextInt(pool.size())).id() : "worker-new-" + i;
        Worker worker = RandomMarket.worker(r, workerId);
        pool.removeIf(w -> w.id().equals(workerId));
        pool.add(worker);
        workers.upsert(worker);
      }
      if (pool.isEmpty()) {
        break;
      }
    }
    JobIndex freshJobs = JobIndex.of(market);
    WorkerIndex freshWorkers = workerIndex(pool);
    assertThat(jobs.size()).isEqualTo(market.size());
    assertThat(workers.size()).isEqualTo(pool.size());
    for (Worker w : RandomMarket.workers(seed + 1, 3)) {
      assertThat(jobs.topJobs(w, MatchQuery.top(25)).matches())
          .isEqualTo(freshJobs.topJobs(w, MatchQuery.top(25)).matches());
    }
    for (Job j : RandomMarket.jobs(seed + 1, 3)) {
      assertThat(workers.topWorkers(j, MatchQuery.top(25)).matches())
          .isEqualTo(freshWorkers.topWorkers(j, MatchQuery.top(25)).matches());
    }
  }

  @Property(tries = 80)
  void noResultViolatesAHardConstraintAndExplanationsAddUp(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 200) int size) {
    List<Job> market = RandomMarket.jobs(seed, size);
    JobIndex index = JobIndex.of(market);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    Scorer scorer = Scorer.of(policy);
    for (Worker w : RandomMarket.workers(seed, 3)) {
      for (Match m : index.topJobs(w, MatchQuery.top(50).withPolicy(policy)).matches()) {
        Explanation e = scorer.explain(w, index.get(m.id()).orElseThrow());
        assertThat(e.eligible()).isTrue();
        assertThat(e.rejections()).isEmpty();
        assertThat(e.total()).isEqualTo(m.score());
        assertThat(e.scores()).isEqualTo(m.factors());
        double sum = e.factors().stream().mapToDouble(f -> f.contribution()).sum();
        assertThat(Math.min(1.0, sum)).isCloseTo(m.score(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.score()).isBetween(0.0, 1.0);
      }
    }
  }

  @Property(tries = 80)
  void bothDirectionsScoreAPairTheSame(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int size) {
    List<Job> market = RandomMarket.jobs(seed, size);
    List<Worker> pool = RandomMarket.workers(seed, size);
    JobIndex jobs = JobIndex.of(market);
    WorkerIndex workers = workerIndex(pool);
    ScoringPolicy policy = RandomPolicy.policy(seed);
    int agreed = 0;
    for (Worker w : pool.subList(0, Math.min(5, pool.size()))) {
      for (Match jm : jobs.topJobs(w, MatchQuery.top(1000).withPolicy(policy)).matches()) {
        Job j = jobs.get(jm.id()).orElseThrow();
        List<Match> forJob = workers.topWorkers(j, MatchQuery.top(1000).withPolicy(policy)).matches();
        Match wm = forJob.stream().filter(m -> m.id().equals(w.id())).findFirst().orElseThrow();
        assertThat(wm.score()).isEqualTo(jm.score());
        assertThat(wm.factors()).isEqualTo(jm.factors());
        agreed++;
      }
    }
    Statistics.label("pairs compared").collect(agreed > 0 ? "some" : "none");
    Statistics.label("pairs compared").coverage(c -> c.check("some").percentage(p -> p > 30));
  }
}
