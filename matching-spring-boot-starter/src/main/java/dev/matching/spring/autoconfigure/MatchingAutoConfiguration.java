package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.JobStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.WorkerStore;
import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.spring.ops.StorageOutageLog;
import dev.matching.spring.properties.MatchingIndexProperties;
import dev.matching.spring.properties.MatchingPolicyProperties;
import dev.matching.spring.properties.MatchingStorageProperties;
import dev.matching.spring.properties.MatchingStorageProperties.StorageType;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The engine: the default scoring policy from {@code matching.policy.*}, stores (in-memory
 * unless a storage auto-configuration or the application supplied them), and the
 * {@link MatchingEngine} with its indexes loaded from the stores. Every bean can be replaced by
 * declaring one of the same type. Binds {@code matching.policy.*}, {@code matching.index.*} and
 * {@code matching.storage.*}.
 */
@AutoConfiguration(afterName = {"dev.matching.spring.autoconfigure.MatchingJdbcAutoConfiguration",
    "dev.matching.spring.autoconfigure.MatchingRedisAutoConfiguration"})
@EnableConfigurationProperties({MatchingPolicyProperties.class, MatchingIndexProperties.class,
    MatchingStorageProperties.class})
public class MatchingAutoConfiguration {

  /** Checks that every {@code matching.*} value binds, also those of concerns that are off ({@link BindingCheck}). */
  public MatchingAutoConfiguration(Environment environment) {
    BindingCheck.bindAll(environment);
  }

  /** The clock of the engine and the batch. */
  @Bean
  @ConditionalOnMissingBean
  public Clock matchingClock() {
    return Clock.systemUTC();
  }

  /** The policy used when a request names no preset. */
  @Bean
  @ConditionalOnMissingBean
  public ScoringPolicy matchingScoringPolicy(MatchingPolicyProperties properties) {
    return PolicyFactory.from(properties);
  }

  /** In-memory jobs, when nothing else stores them. */
  @Bean
  @ConditionalOnMissingBean
  public JobStore matchingJobStore(MatchingStorageProperties properties, Clock clock) {
    requireMemoryAllowed(properties);
    return new InMemoryJobStore(clock);
  }

  /** In-memory workers, when nothing else stores them. */
  @Bean
  @ConditionalOnMissingBean
  public WorkerStore matchingWorkerStore(MatchingStorageProperties properties, Clock clock) {
    requireMemoryAllowed(properties);
    return new InMemoryWorkerStore(clock);
  }

  /** In-memory batch runs, when nothing else stores them. */
  @Bean
  @ConditionalOnMissingBean
  public BatchRunStore matchingBatchRunStore(MatchingStorageProperties properties) {
    requireMemoryAllowed(properties);
    return new InMemoryBatchRunStore();
  }

  /** In-memory batch results, when nothing else stores them. */
  @Bean
  @ConditionalOnMissingBean
  public MatchResultStore matchingResultStore() {
    return new InMemoryMatchResultStore();
  }

  /** The engine, its indexes loaded from the stores. */
  @Bean
  @ConditionalOnMissingBean
  public MatchingEngine matchingEngine(JobStore jobs, WorkerStore workers, ScoringPolicy policy, Clock clock,
      MatchingIndexProperties properties) {
    Duration window = properties.availabilityWindow();
    return PropertyChecks.build("matching.index.availability-window", window, () -> MatchingEngine.builder()
        .jobStore(jobs).workerStore(workers).policy(policy).clock(clock).availabilityWindow(window).build());
  }

  /** Applies other nodes' writes to this node's indexes every {@code matching.index.refresh-interval}. */
  @Bean
  @ConditionalOnMissingBean
  public IndexRefresher matchingIndexRefresher(MatchingEngine engine, MatchingIndexProperties properties,
      StorageOutageLog storageOutages) {
    return new IndexRefresher(engine, properties.refreshInterval(), storageOutages);
  }

  /**
   * One WARN per entity-store outage and one when it ends (with the count of refused requests),
   * shared by the API's error handler, the storage health indicator and the index refresher.
   */
  @Bean
  @ConditionalOnMissingBean
  public StorageOutageLog matchingStorageOutageLog() {
    return new StorageOutageLog();
  }

  private static void requireMemoryAllowed(MatchingStorageProperties properties) {
    if (properties.type() == StorageType.JDBC) {
      throw new InvalidConfigurationPropertyValueException("matching.storage.type", "jdbc",
          "needs matching-jdbc on the class path and a DataSource bean; neither store was configured");
    }
  }
}
