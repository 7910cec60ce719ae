package dev.matching.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.matching.index.JobIndex;
import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.sample.MarketShape;
import dev.matching.scoring.ScoringPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The named shapes are what their documentation says, the benchmark market takes them, the
 * peers agree with the indexes on every one of them, and the CI guard parses its argument.
 */
class MarketShapesTest {
  private static final int JOBS = 5_000;
  private static final int QUERIES = 60;
  private static final MatchQuery TOP = MatchQuery.top(BenchmarkMarket.TOP_K);
  private static final ScoringPolicy POLICY = ScoringPolicy.ofDefaults();

  @Test
  void theSampleShapeIsTheDefaultMarket() {
    assertThat(MarketShapes.SAMPLE.shape()).isEqualTo(MarketShape.ofDefaults());
    assertThat(BenchmarkMarket.config(MarketShapes.SAMPLE, 1_000)).isEqualTo(BenchmarkMarket.config(1_000));
    assertThat(BenchmarkMarket.config(1_000).shape()).isEqualTo(MarketShape.ofDefaults());
    assertThat(BenchmarkMarket.jobs(MarketShapes.SAMPLE, 300)).isEqualTo(BenchmarkMarket.jobs(300));
  }

  @Test
  void theShapesHaveTheIssuesParameters() {
    MarketShape dense = MarketShapes.DENSE_METRO.shape();
    assertThat(dense.metroJobShare()).isEqualTo(0.8);
    assertThat(dense.metroHomeShare()).isEqualTo(0.8);
    assertThat(dense.metroCenter()).isEqualTo(MarketShape.CENTRAL_TOKYO);
    assertThat(dense.medianTravelKm()).isEqualTo(30.0);
    MarketShape wide = MarketShapes.WIDE_REACH.shape();
    assertThat(wide.medianTravelKm()).isEqualTo(100.0);
    MarketShape remote = MarketShapes.REMOTE_HEAVY.shape();
    assertThat(remote.remoteJobShare()).isEqualTo(0.20);
    assertThat(remote.noHomeShare()).isEqualTo(0.15);
    MarketShape ties = MarketShapes.TIE_HEAVY.shape();
    assertThat(ties.duplicateJobShare()).isEqualTo(0.5);
    assertThat(ties.duplicateWorkerShare()).isEqualTo(0.5);
    assertThat(ties.medianTravelKm()).isEqualTo(20.0);
    for (MarketShapes s : MarketShapes.values()) {
      if (s != MarketShapes.SAMPLE) {
        assertThat(s.shape()).as(s.name()).isNotEqualTo(MarketShape.ofDefaults());
      }
    }
  }

  @Test
  void theGeneratedMarketsHaveTheirShape() {
    List<Job> dense = BenchmarkMarket.jobs(MarketShapes.DENSE_METRO, JOBS);
    assertThat(share(dense, j -> !j.remote() && j.location().distanceKm(MarketShape.CENTRAL_TOKYO) < 40))
        .isGreaterThan(0.78);
    List<Worker> denseWorkers = BenchmarkMarket.workers(MarketShapes.DENSE_METRO, JOBS);
    assertThat(share(denseWorkers, w -> w.home() != null && w.home().distanceKm(MarketShape.CENTRAL_TOKYO) < 60))
        .isGreaterThan(0.78);
    List<Job> wide = BenchmarkMarket.jobs(MarketShapes.WIDE_REACH, JOBS);
    assertThat(share(wide, j -> j.requiredSkills().isEmpty())).isCloseTo(0.70, within(0.03));
    assertThat(share(BenchmarkMarket.workers(MarketShapes.WIDE_REACH, JOBS), w -> w.maxTravelKm() >= 50))
        .isGreaterThan(0.9);
    assertThat(share(BenchmarkMarket.jobs(MarketShapes.REMOTE_HEAVY, JOBS), Job::remote)).isCloseTo(0.20, within(0.02));
    assertThat(share(BenchmarkMarket.workers(MarketShapes.REMOTE_HEAVY, JOBS), w -> w.home() == null))
        .isCloseTo(0.15, within(0.03));
    List<Job> ties = BenchmarkMarket.jobs(MarketShapes.TIE_HEAVY, JOBS);
    Set<List<Object>> distinct = new HashSet<>();
    for (Job j : ties) {
      // every field but the id
      distinct.add(List.of(j.employerId(), j.title(), String.valueOf(j.location()), j.requiredSkills(),
          j.preferredSkills(), j.shifts(), j.pay(), j.headcount(), j.open()));
    }
    assertThat((double) distinct.size() / JOBS).isCloseTo(0.5, within(0.03));
  }

  @ParameterizedTest
  @EnumSource(MarketShapes.class)
  void thePeersRankJobsExactlyAsTheIndexOnEveryShape(MarketShapes shape) throws Exception {
    List<Job> jobs = BenchmarkMarket.jobs(shape, JOBS);
    JobIndex index = JobIndex.create(POLICY);
    index.replaceAll(jobs);
    BruteForceJobRanker bruteForce = new BruteForceJobRanker(jobs, POLICY);
    int nonEmpty = 0;
    try (LuceneJobRanker lucene = new LuceneJobRanker(jobs, POLICY)) {
      for (Worker w : BenchmarkMarket.queryWorkers(shape, JOBS, QUERIES)) {
        List<Match> expected = index.topJobs(w, TOP).matches();
        assertThat(bruteForce.topJobs(w, BenchmarkMarket.TOP_K)).as("brute force for %s", w).isEqualTo(expected);
        assertThat(bruteForce.topJobsScoringEveryJob(w, BenchmarkMarket.TOP_K)).as("plain brute force for %s", w)
            .isEqualTo(expected);
        assertThat(lucene.topJobs(w, BenchmarkMarket.TOP_K)).as("lucene for %s", w).isEqualTo(expected);
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(nonEmpty).as("queries with results").isGreaterThan(QUERIES / 2);
  }

  @ParameterizedTest
  @EnumSource(MarketShapes.class)
  void bruteForceRanksWorkersExactlyAsTheIndexOnEveryShape(MarketShapes shape) {
    List<Worker> workers = BenchmarkMarket.workers(shape, JOBS);
    WorkerIndex index = WorkerIndex.create(POLICY, BenchmarkMarket.clock(JOBS), WorkerIndex.DEFAULT_WINDOW);
    index.replaceAll(workers);
    BruteForceWorkerRanker bruteForce = new BruteForceWorkerRanker(workers, POLICY,
        BenchmarkMarket.windowFrom(JOBS), BenchmarkMarket.windowTo(JOBS));
    int nonEmpty = 0;
    for (Job j : BenchmarkMarket.queryJobs(BenchmarkMarket.jobs(shape, JOBS), QUERIES)) {
      List<Match> expected = index.topWorkers(j, TOP).matches();
      assertThat(bruteForce.topWorkers(j, BenchmarkMarket.TOP_K)).as("brute force for %s", j).isEqualTo(expected);
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("queries with results").isGreaterThan(QUERIES / 2);
  }

  @Test
  void shapesAreNamedCaseInsensitively() {
    assertThat(MarketShapes.named("dense_metro")).isEqualTo(MarketShapes.DENSE_METRO);
    assertThat(MarketShapes.named(" TIE_HEAVY ")).isEqualTo(MarketShapes.TIE_HEAVY);
    assertThatThrownBy(() -> MarketShapes.named("tokyo")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape: unknown \"tokyo\", expected one of SAMPLE, DENSE_METRO, WIDE_REACH, REMOTE_HEAVY,"
            + " TIE_HEAVY");
  }

  @Test
  void theCiGuardMeasuresTheSampleUnlessGivenAShape() {
    assertThat(CiGuard.shape(new String[0])).isEqualTo(MarketShapes.SAMPLE);
    assertThat(CiGuard.shape(new String[] {"remote_heavy"})).isEqualTo(MarketShapes.REMOTE_HEAVY);
    assertThatThrownBy(() -> CiGuard.shape(new String[] {"SAMPLE", "TIE_HEAVY"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CiGuard.shape(new String[] {"nowhere"})).isInstanceOf(IllegalArgumentException.class);
  }

  private static <T> double share(List<T> items, Predicate<? super T> test) {
    return (double) items.stream().filter(test).count() / items.size();
  }
}
