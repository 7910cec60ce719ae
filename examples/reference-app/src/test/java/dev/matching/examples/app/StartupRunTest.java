package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.BatchListener;
import dev.matching.lifecycle.IntegrityCheck;
import dev.matching.lifecycle.IntegrityCheckConfig;
import dev.matching.lifecycle.IntegrityReport;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.MatchResultStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The reference app as a new user starts it (the daily schedule on, so the missed slot runs at
 * startup): the startup run waits for the sample market, ranks every sample worker and job, and
 * the recommendations it published answer over HTTP; the integrity check finds nothing.
 */
@SpringBootTest(classes = {ReferenceApp.class, StartupRunTest.FirstRun.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sample.jobs=3000", "sample.workers=1000", "matching.batch.poll-interval=200ms",
        "matching.batch.partitions=4"})
@Timeout(120)
class StartupRunTest {
  /** Completes with the first run that finishes. */
  @TestConfiguration
  static class FirstRun {
    final CompletableFuture<BatchRun> finished = new CompletableFuture<>();

    @Bean
    BatchListener firstRunListener() {
      return new BatchListener() {
        @Override
        public void runFinished(BatchRun run) {
          finished.complete(run);
        }
      };
    }
  }

  @Autowired FirstRun firstRun;
  @Autowired MatchingEngine engine;
  @Autowired MatchResultStore results;
  @Autowired BatchRunStore runs;
  @Autowired Clock clock;
  @Autowired ConfigurableApplicationContext app;

  @Test
  void theStartupRunRanksTheWholeSampleMarketAndItsRecommendationsAnswer() throws Exception {
    BatchRun run = firstRun.finished.get(90, TimeUnit.SECONDS);

    assertThat(run.triggeredBy()).as("the missed daily slot, run at startup").isEqualTo("scheduler");
    assertThat(run.state().name()).isEqualTo("SUCCEEDED");
    assertThat(run.parameters()).as("the run was triggered after the sample market was loaded")
        .containsEntry("jobs_indexed", "3000").containsEntry("workers_indexed", "1000")
        .containsEntry("jobs_stored", "3000").containsEntry("workers_stored", "1000");
    List<String> activeWorkers = new ArrayList<>();
    engine.workerIndex().forEach((Worker w) -> {
      if (w.active()) {
        activeWorkers.add(w.id());
      }
    });
    long[] openJobs = {0};
    engine.jobIndex().forEach((Job j) -> openJobs[0] += j.open() ? 1 : 0);
    assertThat(activeWorkers).hasSizeGreaterThan(900);
    assertThat(run.itemsDone()).as("every active sample worker and open sample job ranked")
        .isEqualTo(activeWorkers.size() + openJobs[0]);
    for (String worker : activeWorkers) {
      assertThat(results.find(Direction.JOBS_FOR_WORKER, worker)).as(worker).isPresent();
    }

    ServiceCalls calls = new ServiceCalls(app, "dev-operator-key");
    for (int i = 0; i < activeWorkers.size(); i += 10) {
      ServiceCalls.Timed answer = calls.get("/api/v1/workers/" + activeWorkers.get(i) + "/recommendations");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("\"source\":\"batch\"");
    }

    IntegrityReport report = new IntegrityCheck(engine, results, runs, IntegrityCheckConfig.ofDefaults(), clock).run();
    assertThat(report.findings()).isEmpty();
  }
}
