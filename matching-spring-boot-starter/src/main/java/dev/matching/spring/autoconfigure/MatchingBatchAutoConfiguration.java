package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.BatchListener;
import dev.matching.batch.DailySchedule;
import dev.matching.batch.MatchingBatch;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.properties.MatchingBatchProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * The daily matching batch ({@code matching.batch.*}): a {@link MatchingBatch} over the engine
 * and the batch stores, started when the application is ready (polling for work and, when enabled,
 * the daily schedule) and stopped gracefully with it. Off with {@code matching.batch.enabled=false}.
 */
@AutoConfiguration(after = MatchingAutoConfiguration.class)
@ConditionalOnProperty(prefix = "matching.batch", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MatchingBatchProperties.class)
public class MatchingBatchAutoConfiguration {

  /** The batch, configured from {@code matching.batch.*}; every {@link BatchListener} bean hears it. */
  @Bean
  @ConditionalOnMissingBean
  public MatchingBatch matchingBatch(MatchingEngine engine, BatchRunStore runs, MatchResultStore results,
      Clock clock, MatchingBatchProperties p, ObjectProvider<BatchListener> listeners) {
    BatchConfig.Builder b = BatchConfig.custom();
    b.topN(p.topN()).partitions(p.partitions()).leaseDuration(p.leaseDuration())
        .heartbeatInterval(p.heartbeatInterval()).pollInterval(p.pollInterval()).threads(p.threads());
    if (p.nodeId() != null) {
      b.nodeId(p.nodeId());
    }
    BatchConfig config = PropertyChecks.checked("matching.batch.", b::build);
    DailySchedule schedule = p.scheduleEnabled() ? new DailySchedule(p.scheduleTime(), p.scheduleZone()) : null;
    return MatchingBatch.builder(engine, runs, results).config(config).clock(clock)
        .listener(BatchListener.composite(listeners.orderedStream().toList())).schedule(schedule).build();
  }

  /**
   * Starts the batch (polling and the daily schedule) once the application is ready, that is after
   * every {@code ApplicationRunner} and {@code CommandLineRunner} (data loaders) has finished, so
   * that no run, not even a missed slot's run at startup, ranks a partially loaded market; stops
   * it gracefully with the context. In a context that is not started by {@code SpringApplication}
   * (no {@link ApplicationReadyEvent}), call {@link MatchingBatch#start()} yourself.
   */
  @Bean
  @ConditionalOnMissingBean(name = "matchingBatchLifecycle")
  public BatchLifecycle matchingBatchLifecycle(MatchingBatch batch) {
    return new BatchLifecycle(batch);
  }

  /** Starts {@link MatchingBatch} when the application is ready and stops it with the context. */
  public static final class BatchLifecycle implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {
    private final MatchingBatch batch;

    BatchLifecycle(MatchingBatch batch) {
      this.batch = batch;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
      batch.start();
    }

    /** Not started with the context's refresh: data loaders run after it. */
    @Override
    public boolean isAutoStartup() {
      return false;
    }

    @Override
    public void start() {
      batch.start();
    }

    @Override
    public void stop() {
      batch.stop(Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
      return batch.isStarted();
    }
  }
}
