package dev.matching.spring.autoconfigure;

import dev.matching.model.EntityKind;
import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.metrics.MatchingMetrics;
import dev.matching.spring.metrics.StorageProbes;
import dev.matching.spring.metrics.MicrometerBatchListener;
import dev.matching.spring.metrics.MicrometerRetentionObserver;
import dev.matching.spring.metrics.MicrometerQueryObserver;
import dev.matching.spring.web.QueryObserver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the engine ({@link MatchingMetrics}): query timers, index sizes and lag,
 * batch progress. On when Micrometer and a {@link MeterRegistry} are present.
 */
@AutoConfiguration(
    after = MatchingAutoConfiguration.class,
    before = {MatchingWebAutoConfiguration.class, MatchingBatchAutoConfiguration.class},
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class MatchingMetricsAutoConfiguration {

  /** Times the API's rankings. */
  @Bean
  @ConditionalOnMissingBean
  public QueryObserver matchingMicrometerQueryObserver(MeterRegistry registry) {
    return new MicrometerQueryObserver(registry);
  }

  /** Counts this node's batch work. */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerBatchListener matchingMicrometerBatchListener(MeterRegistry registry) {
    return new MicrometerBatchListener(registry);
  }

  /** Counts what data retention deleted ({@code matching.retention.deleted}). */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerRetentionObserver matchingMicrometerRetentionObserver(MeterRegistry registry) {
    return new MicrometerRetentionObserver(registry);
  }

  /** Index sizes and lag behind the store. */
  @Bean
  public MeterBinder matchingIndexMeters(MatchingEngine engine) {
    return registry -> {
      Gauge.builder(MatchingMetrics.INDEX_SIZE, engine, e -> e.jobIndex().size()).description("Entities in an index")
          .tag(MatchingMetrics.TAG_KIND, EntityKind.JOB.label()).register(registry);
      Gauge.builder(MatchingMetrics.INDEX_SIZE, engine, e -> e.workerIndex().size()).description("Entities in an index")
          .tag(MatchingMetrics.TAG_KIND, EntityKind.WORKER.label()).register(registry);
      Gauge.builder(MatchingMetrics.INDEX_LAG, engine, MatchingEngine::indexLag)
          .description("Store changes not yet applied to the indexes").register(registry);
    };
  }

  /** Whether the entity store and the result store answer, probed at each scrape. */
  @Bean
  public MeterBinder matchingStorageMeters(MatchingEngine engine, MatchResultStore results) {
    return registry -> {
      Gauge.builder(MatchingMetrics.STORAGE_UP, engine, StorageProbes::entitiesUp)
          .description("Whether the store answers (1) or not (0)").tag(MatchingMetrics.TAG_STORE, "entities")
          .register(registry);
      Gauge.builder(MatchingMetrics.STORAGE_UP, results, StorageProbes::resultsUp)
          .description("Whether the store answers (1) or not (0)").tag(MatchingMetrics.TAG_STORE, "results")
          .register(registry);
    };
  }

  /**
   * When the last daily batch run succeeded, for the "batch late" alert. The batch is
   * configured after this class, so it is looked up when the meters are bound.
   */
  @Bean
  public MeterBinder matchingBatchMeters(ObjectProvider<MatchingBatch> batch, Clock clock) {
    long startedSeconds = clock.instant().getEpochSecond();
    return registry -> batch.ifAvailable(b -> Gauge.builder(MatchingMetrics.BATCH_LAST_SUCCESS, b,
            probed -> StorageProbes.lastSuccessSeconds(probed, startedSeconds))
        .description("End of the last succeeded daily batch run, seconds since the epoch").baseUnit("seconds")
        .register(registry));
  }
}
