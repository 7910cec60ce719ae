package dev.matching.examples.app;

import dev.matching.MatchingEngine;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Fills empty stores with a generated sample market across Japan (shifts over the next two
 * weeks), so a fresh start has something to match. Stores that already hold data (a restart on
 * PostgreSQL) are left alone. Not loaded when a command-line task ({@code matching.task}) runs.
 *
 * <p>It loads as an {@link ApplicationRunner}: the application is ready, readiness accepts
 * traffic and the batch starts only once the market is loaded. Jobs and workers go to separate
 * stores and indexes, so both load at once, each generated in parallel.
 */
@Component
@ConditionalOnExpression("'${matching.task:}' == ''")
public class SampleDataLoader implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SampleDataLoader.class);
  /** Entities per store write: small enough for the database's statement and socket timeouts. */
  private static final int CHUNK = 1_000_000;
  private final MatchingEngine engine;
  private final SampleDataProperties properties;

  /** A loader into {@code engine}. */
  public SampleDataLoader(MatchingEngine engine, SampleDataProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    SampleMarketConfig config = SampleMarketConfig.custom().seed(properties.seed())
        .jobs(properties.jobs()).workers(properties.workers()).shape(properties.shape().toMarketShape())
        .start(LocalDate.now(SampleMarket.ZONE).plusDays(1)).horizonDays(14).build();
    long start = System.nanoTime();
    CompletableFuture<Void> jobs = CompletableFuture.runAsync(() -> {
      if (config.jobs() > 0 && engine.jobStore().count() == 0) {
        load(SampleMarket.streamJobs(config).parallel().toList(), engine::upsertJobs);
      }
    });
    if (config.workers() > 0 && engine.workerStore().count() == 0) {
      load(SampleMarket.streamWorkers(config).parallel().toList(), engine::upsertWorkers);
    }
    try {
      jobs.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    LOG.info("sample data: {} jobs, {} workers indexed ({} ms)", engine.jobIndex().size(),
        engine.workerIndex().size(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Writes {@code entities} in chunks of {@value #CHUNK}, one atomic write each. */
  private static <T> void load(List<T> entities, Consumer<List<T>> write) {
    for (int from = 0; from < entities.size(); from += CHUNK) {
      write.accept(entities.subList(from, Math.min(entities.size(), from + CHUNK)));
    }
  }
}
