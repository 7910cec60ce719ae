package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.testing.Oracle;
import dev.matching.testing.RandomMarket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkerIndexProperties {

  @Property(tries = 200)
  void topKEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int workers,
      @ForAll @IntRange(min = 1, max = 30) int k, @ForAll boolean jobsInsideWindow) {
    List<Worker> pool = RandomMarket.workers(seed, workers);
    // the window either covers the jobs' shifts (bounds prune by availability) or not (exact fallback)
    Clock clock = Clock.fixed(RandomMarket.START.atStartOfDay(ZoneOffset.UTC).toInstant()
        .plus(Duration.ofDays(jobsInsideWindow ? 0 : 40)), ZoneOffset.UTC);
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), clock, Duration.ofDays(20));
    index.replaceAll(pool);
    for (Job j : RandomMarket.jobs(seed, 5)) {
      List<Match> expected = Oracle.page(
          Oracle.workersFor(j, pool, ScoringPolicy.ofDefaults(), MatchFilter.none()), null, k);
      assertThat(index.topWorkers(j, MatchQuery.top(k)).matches()).isEqualTo(expected);
    }
  }

  /**
   * Remote jobs are ranked through the segment's alternate view (workers ordered by skills,
   * availability and desired pay, for segments of at least
   * {@link Segment#MIN_ALTERNATE_SIZE} workers): every worker is at the same distance.
   * Same results as brute force, with pages.
   */
  @Property(tries = 60)
  void remoteJobsEqualBruteForce(@ForAll long seed, @ForAll @IntRange(min = 200, max = 3000) int workers,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    List<Worker> pool = RandomMarket.workers(seed, workers);
    Clock clock = Clock.fixed(RandomMarket.START.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), clock, Duration.ofDays(20));
    index.replaceAll(pool);
    for (Job j : RandomMarket.jobs(seed, 6)) {
      Job remote = j.toBuilder().remote().open(true).build();
      List<Match> full = Oracle.workersFor(remote, pool, ScoringPolicy.ofDefaults(), MatchFilter.none());
      MatchPage first = index.topWorkers(remote, MatchQuery.top(k));
      assertThat(first.matches()).isEqualTo(Oracle.page(full, null, k));
      if (first.next() != null) {
        assertThat(index.topWorkers(remote, MatchQuery.top(k).after(first.next())).matches())
            .isEqualTo(Oracle.page(full, first.next(), k));
      }
    }
  }
}
