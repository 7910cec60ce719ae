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
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class JobIndexProperties {

  @Property(tries = 200)
  void topKEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int jobs,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    List<Job> market = RandomMarket.jobs(seed, jobs);
    JobIndex index = JobIndex.of(market);
    for (Worker w : RandomMarket.workers(seed, 5)) {
      List<Match> expected = Oracle.page(
          Oracle.jobsFor(w, market, ScoringPolicy.ofDefaults(), MatchFilter.none()), null, k);
      assertThat(index.topJobs(w, MatchQuery.top(k)).matches()).isEqualTo(expected);
    }
  }

  /**
   * Workers without a home are ranked through the segment's alternate view (jobs ordered by
   * skills, shift hours and pay, for segments of at least {@link Segment#MIN_ALTERNATE_SIZE}
   * jobs); many of their scores tie, so ids decide. Same results as brute force, with pages.
   */
  @Property(tries = 60)
  void workersWithoutHomeEqualBruteForce(@ForAll long seed, @ForAll @IntRange(min = 200, max = 3000) int jobs,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    List<Job> market = RandomMarket.jobs(seed, jobs);
    JobIndex index = JobIndex.of(market);
    for (Worker w : RandomMarket.workers(seed, 6)) {
      Worker homeless = w.toBuilder().home(null).active(true).build();
      List<Match> full = Oracle.jobsFor(homeless, market, ScoringPolicy.ofDefaults(), MatchFilter.none());
      MatchPage first = index.topJobs(homeless, MatchQuery.top(k));
      assertThat(first.matches()).isEqualTo(Oracle.page(full, null, k));
      if (first.next() != null) {
        assertThat(index.topJobs(homeless, MatchQuery.top(k).after(first.next())).matches())
            .isEqualTo(Oracle.page(full, first.next(), k));
      }
    }
  }
}
