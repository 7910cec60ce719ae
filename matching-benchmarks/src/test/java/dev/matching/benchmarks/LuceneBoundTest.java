package dev.matching.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.WorkerProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What makes the Lucene peer exact: its query matches every job the kernel finds eligible, and
 * its score never falls below the kernel's by more than {@link LuceneJobRanker#SCORE_SLACK}.
 */
class LuceneBoundTest {
  private static final int JOBS = 2_000;
  private static final ScoringPolicy POLICY = ScoringPolicy.ofDefaults();

  @Test
  void luceneMatchesEveryEligibleJobWithAnUpperBoundOfItsScore() throws Exception {
    List<Job> jobs = BenchmarkMarket.jobs(JOBS);
    BruteForceJobRanker kernel = new BruteForceJobRanker(jobs, POLICY);
    JobColumns columns = kernel.columns();
    double[] factors = new double[4];
    int eligible = 0;
    try (LuceneJobRanker lucene = new LuceneJobRanker(jobs, POLICY)) {
      for (Worker w : BenchmarkMarket.queryWorkers(JOBS, 40)) {
        float[] bound = lucene.luceneScores(w);
        WorkerProfile profile = kernel.profile(w);
        for (int j = 0; j < columns.size(); j++) {
          double exact = Evaluator.evaluate(POLICY, profile, columns, j, 0.0, 1.0, factors);
          if (exact >= 0) {
            eligible++;
            assertThat((double) bound[j]).as("bound of %s for %s", columns.job(j).id(), w.id())
                .isGreaterThanOrEqualTo(exact - LuceneJobRanker.SCORE_SLACK);
          }
        }
      }
    }
    assertThat(eligible).as("eligible pairs").isGreaterThan(1_000);
  }
}
