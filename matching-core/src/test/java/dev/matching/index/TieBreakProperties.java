package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Cursor;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Markets where most scores tie: a few distinct jobs (or workers) copied many times under ids
 * unrelated to their order, so ids decide the ranking. The index scans ranges in id order and
 * stops early where a range can at best tie the k-th; these properties check it against brute
 * force, across pages, with removed entries and with updates in later segments.
 */
class TieBreakProperties {

  private static Job copy(Job j, String id) {
    return Job.builder(id).employerId(j.employerId()).title(j.title()).location(j.location())
        .requiredSkills(j.requiredSkills()).preferredSkills(j.preferredSkills()).shifts(j.shifts()).pay(j.pay())
        .headcount(j.headcount()).open(j.open()).build();
  }

  private static Worker copy(Worker w, String id) {
    return Worker.builder(id).home(w.home()).maxTravelKm(w.maxTravelKm()).skills(w.skills())
        .availability(w.availability()).desiredPay(w.desiredPay()).desiredHoursPerWeek(w.desiredHoursPerWeek())
        .active(w.active()).build();
  }

  /** {@code count} distinct ids in an order unrelated to their own. */
  private static List<String> shuffledIds(String prefix, int count, long seed) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + Integer.toString(i * 7919 % 100_003, 36));
    }
    Collections.shuffle(ids, new Random(seed));
    return ids;
  }

  /** One copy of a randomly chosen template under each id. */
  private static <T> List<T> copies(List<T> templates, List<String> ids, SplittableRandom r,
      BiFunction<T, String, T> copy) {
    List<T> out = new ArrayList<>();
    for (String id : ids) {
      out.add(copy.apply(templates.get(r.nextInt(templates.size())), id));
    }
    return out;
  }

  /** The first three pages of {@code search}, page by page, equal those of the full ranking. */
  private static void assertFirstPagesMatch(List<Match> full, int k, Function<MatchQuery, MatchPage> search) {
    Cursor cursor = null;
    for (int page = 0; page < 3; page++) {
      MatchPage got = search.apply(new MatchQuery(k, cursor, ScoringPolicy.ofDefaults(), MatchFilter.none()));
      assertThat(got.matches()).isEqualTo(Oracle.page(full, cursor, k));
      cursor = got.next();
      if (cursor == null) {
        return;
      }
    }
  }

  @Property(tries = 40)
  void jobsThatTieAreRankedById(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int templates,
      @ForAll @IntRange(min = 100, max = 3000) int jobs, @ForAll @IntRange(min = 1, max = 30) int k) {
    List<Job> distinct = RandomMarket.jobs(seed, templates);
    SplittableRandom r = new SplittableRandom(seed);
    List<Job> market = copies(distinct, shuffledIds("job-", jobs, seed), r, TieBreakProperties::copy);
    JobIndex index = JobIndex.of(market);
    // tombstones inside id-ordered ranges, and a later segment holding some of the ids again
    for (int i = 0; i < jobs / 10; i++) {
      Job gone = market.remove(r.nextInt(market.size()));
      index.remove(gone.id());
    }
    for (int i = 0; i < jobs / 20; i++) {
      int at = r.nextInt(market.size());
      Job changed = copy(distinct.get(r.nextInt(distinct.size())), market.get(at).id());
      market.set(at, changed);
      index.upsert(changed);
    }
    for (Worker w : RandomMarket.workers(seed, 4)) {
      for (Worker asked : List.of(w, w.toBuilder().home(null).active(true).build())) {
        assertFirstPagesMatch(Oracle.jobsFor(asked, market, ScoringPolicy.ofDefaults(), MatchFilter.none()), k,
            q -> index.topJobs(asked, q));
      }
    }
  }

  @Property(tries = 40)
  void workersThatTieAreRankedById(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int templates,
      @ForAll @IntRange(min = 100, max = 3000) int workers, @ForAll @IntRange(min = 1, max = 30) int k) {
    List<Worker> distinct = RandomMarket.workers(seed, templates);
    SplittableRandom r = new SplittableRandom(seed);
    List<Worker> pool = copies(distinct, shuffledIds("worker-", workers, seed), r, TieBreakProperties::copy);
    Clock clock = Clock.fixed(RandomMarket.START.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    WorkerIndex index = WorkerIndex.create(ScoringPolicy.ofDefaults(), clock, Duration.ofDays(20));
    index.replaceAll(pool);
    for (int i = 0; i < workers / 10; i++) {
      Worker gone = pool.remove(r.nextInt(pool.size()));
      index.remove(gone.id());
    }
    for (Job j : RandomMarket.jobs(seed, 4)) {
      // remote jobs search the alternate view
      for (Job asked : List.of(j, j.toBuilder().remote().build())) {
        assertFirstPagesMatch(Oracle.workersFor(asked, pool, ScoringPolicy.ofDefaults(), MatchFilter.none()), k,
            q -> index.topWorkers(asked, q));
      }
    }
  }
}
