package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
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
}
