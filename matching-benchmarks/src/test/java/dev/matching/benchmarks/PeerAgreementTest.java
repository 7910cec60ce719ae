package dev.matching.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.index.JobIndex;
import dev.matching.index.WorkerIndex;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peers the benchmarks compare return exactly what the indexes return, on a small market,
 * so that the comparison is between equal answers.
 */
class PeerAgreementTest {
  private static final int JOBS = 2_000;
  private static final int QUERIES = 150;
  private static final MatchQuery TOP = MatchQuery.top(BenchmarkMarket.TOP_K);
  private static final ScoringPolicy POLICY = ScoringPolicy.ofDefaults();

  private static List<Job> jobs;
  private static List<Worker> workers;
  private static LuceneJobRanker lucene;

  @BeforeAll
  static void market() {
    jobs = BenchmarkMarket.jobs(JOBS);
    workers = BenchmarkMarket.workers(JOBS);
    lucene = new LuceneJobRanker(jobs, POLICY);
  }

  @AfterAll
  static void close() throws Exception {
    lucene.close();
  }

  @Test
  void bruteForceAndLuceneRankJobsExactlyAsTheIndex() {
    JobIndex index = JobIndex.create(POLICY);
    index.replaceAll(jobs);
    BruteForceJobRanker bruteForce = new BruteForceJobRanker(jobs, POLICY);
    int nonEmpty = 0;
    for (Worker w : BenchmarkMarket.queryWorkers(JOBS, QUERIES)) {
      List<Match> expected = index.topJobs(w, TOP).matches();
      assertThat(bruteForce.topJobs(w, BenchmarkMarket.TOP_K)).as("brute force for %s", w.id()).isEqualTo(expected);
      assertThat(bruteForce.topJobsScoringEveryJob(w, BenchmarkMarket.TOP_K)).as("plain brute force for %s", w.id())
          .isEqualTo(expected);
      assertThat(lucene.topJobs(w, BenchmarkMarket.TOP_K)).as("lucene for %s", w.id()).isEqualTo(expected);
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("queries with results").isGreaterThan(QUERIES / 2);
  }

  @Test
  void luceneAgreesForInactiveAndHomelessWorkers() {
    JobIndex index = JobIndex.create(POLICY);
    index.replaceAll(jobs);
    List<Worker> unusual = workers.stream().filter(w -> !w.active() || w.home() == null).limit(20).toList();
    assertThat(unusual).isNotEmpty();
    for (Worker w : unusual) {
      assertThat(lucene.topJobs(w, BenchmarkMarket.TOP_K)).as("lucene for %s", w.id())
          .isEqualTo(index.topJobs(w, TOP).matches());
    }
  }

  @Test
  void bruteForceRanksWorkersExactlyAsTheIndex() {
    WorkerIndex index = WorkerIndex.create(POLICY, BenchmarkMarket.clock(JOBS), WorkerIndex.DEFAULT_WINDOW);
    index.replaceAll(workers);
    BruteForceWorkerRanker bruteForce = new BruteForceWorkerRanker(workers, POLICY,
        BenchmarkMarket.windowFrom(JOBS), BenchmarkMarket.windowTo(JOBS));
    int nonEmpty = 0;
    for (Job j : BenchmarkMarket.queryJobs(jobs, QUERIES)) {
      List<Match> expected = index.topWorkers(j, TOP).matches();
      assertThat(bruteForce.topWorkers(j, BenchmarkMarket.TOP_K)).as("brute force for %s", j.id()).isEqualTo(expected);
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("queries with results").isGreaterThan(QUERIES / 2);
  }

  @Test
  void topMatchesKeepsTheBestInRankingOrder() {
    TopMatches top = new TopMatches(2);
    double[] f = {0, 0, 0, 0};
    top.offer("b", 0.5, f);
    top.offer("c", 0.5, f);
    top.offer("a", 0.5, f);
    top.offer("d", 0.4, f);
    assertThat(top.sorted()).extracting(Match::id).containsExactly("a", "b");
    assertThat(top.threshold()).isEqualTo(0.5);
  }
}
