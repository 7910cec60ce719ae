package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.spi.BatchRun;
import dev.matching.spi.StorageException;
import dev.matching.spring.ops.StorageOutageLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health of the engine: the entity store (whether it answers), the indexes (sizes, lag behind the
 * store) and the batch (last run, its state and age). On when Spring Boot's health support is
 * present. Add {@code matchingStorage} to the readiness group
 * ({@code management.endpoint.health.group.readiness.include=readinessState,matchingStorage}) so a
 * node whose database is down is taken out of rotation; keep it out of the liveness group, since
 * restarting the node does not bring a database back.
 */
@AutoConfiguration(after = {MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
public class MatchingHealthAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(MatchingHealthAutoConfiguration.class);

  /**
   * {@code matchingStorage}: UP when the entity store answers a one-item page, DOWN when it fails
   * with a {@link StorageException} (database down or unreachable). A probe takes at most as long
   * as the store's own bounds (with HikariCP and PostgreSQL, the pool's {@code connection-timeout}
   * or the driver's {@code socketTimeout}). Its findings go to the {@link StorageOutageLog}.
   */
  @Bean
  @ConditionalOnMissingBean(name = "matchingStorageHealthIndicator")
  public HealthIndicator matchingStorageHealthIndicator(MatchingEngine engine,
      ObjectProvider<StorageOutageLog> storageOutages) {
    StorageOutageLog outages = storageOutages.getIfAvailable(StorageOutageLog::new);
    return () -> {
      try {
        engine.jobStore().list(null, 1);
        outages.answered();
        return Health.up().build();
      } catch (StorageException e) {
        outages.failed(e);
        LOG.debug("entity store health probe failed", e);
        return Health.down().withDetail("error", "the entity store did not answer").build();
      }
    };
  }

  /** {@code matchingIndex}: UP with index sizes and lag. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingIndexHealthIndicator")
  public HealthIndicator matchingIndexHealthIndicator(MatchingEngine engine) {
    return () -> Health.up()
        .withDetail("jobs", engine.jobIndex().size())
        .withDetail("workers", engine.workerIndex().size())
        .withDetail("lag", engine.indexLag())
        .build();
  }

  /**
   * {@code matchingBatch}: UP with the last run's state and age; UNKNOWN before the first run. A
   * failed run does not make the service unhealthy; alerts watch the batch metrics instead.
   */
  @Bean
  @ConditionalOnMissingBean(name = "matchingBatchHealthIndicator")
  @ConditionalOnBean(MatchingBatch.class)
  public HealthIndicator matchingBatchHealthIndicator(MatchingBatch batch, Clock clock) {
    return () -> {
      List<BatchRun> last = batch.runs(MatchingBatch.DAILY_MATCHING, 1);
      if (last.isEmpty()) {
        return Health.unknown().withDetail("lastRun", "none").build();
      }
      BatchRun run = last.get(0);
      return Health.up()
          .withDetail("lastRun", run.id())
          .withDetail("state", run.state().name())
          .withDetail("ageSeconds", Duration.between(run.createdAt(), clock.instant()).toSeconds())
          .withDetail("started", batch.isStarted())
          .build();
    };
  }
}
