package dev.matching.spring.autoconfigure;

import dev.matching.jdbc.JdbcMatchingStorage;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.JobStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.WorkerStore;
import dev.matching.spring.properties.MatchingBatchProperties;
import dev.matching.spring.properties.MatchingJdbcProperties;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * PostgreSQL storage through matching-jdbc when it is on the class path and the application has
 * a {@link DataSource} (unless {@code matching.storage.type=memory}): jobs, workers, batch runs
 * and results in the {@code matching.jdbc.schema} schema, migrated at startup. Binds
 * {@code matching.jdbc.*}, and {@code matching.batch.*} to check the timeouts against the lease.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    before = MatchingAutoConfiguration.class)
@ConditionalOnClass(JdbcMatchingStorage.class)
@ConditionalOnBean(DataSource.class)
@Conditional(OnStorageNotMemory.class)
@EnableConfigurationProperties({MatchingJdbcProperties.class, MatchingBatchProperties.class})
public class MatchingJdbcAutoConfiguration {

  /** The PostgreSQL storage, migrated unless {@code matching.jdbc.migrate=false}. */
  @Bean
  @ConditionalOnMissingBean
  public JdbcMatchingStorage matchingJdbcStorage(DataSource dataSource, MatchingJdbcProperties p,
      MatchingBatchProperties batch) {
    if (batch.enabled()) {
      Duration lease = batch.leaseDuration();
      requireBelowLease("lock-timeout", p.lockTimeout(), lease);
      requireBelowLease("idle-in-transaction-timeout", p.idleInTransactionTimeout(), lease);
    }
    return PropertyChecks.checked("matching.jdbc.", () -> JdbcMatchingStorage.custom().dataSource(dataSource)
        .migrate(p.migrate()).schema(p.schema()).tablePrefix(p.tablePrefix())
        .statementTimeout(p.statementTimeout()).lockTimeout(p.lockTimeout())
        .idleInTransactionTimeout(p.idleInTransactionTimeout()).build());
  }

  /**
   * A stopped node must not hold a lock, nor make another node wait for one, longer than a batch
   * lease: otherwise the node that took a partition over loses its own lease while it waits.
   */
  private static void requireBelowLease(String property, Duration timeout, Duration lease) {
    if (timeout.isZero() || timeout.compareTo(lease) >= 0) {
      throw new InvalidConfigurationPropertyValueException("matching.jdbc." + property, timeout,
          "must be above 0 and shorter than matching.batch.lease-duration (" + lease + ") while the batch is on");
    }
  }

  /** Jobs in PostgreSQL. */
  @Bean
  @ConditionalOnMissingBean
  public JobStore matchingJobStore(JdbcMatchingStorage storage) {
    return storage.jobStore();
  }

  /** Workers in PostgreSQL. */
  @Bean
  @ConditionalOnMissingBean
  public WorkerStore matchingWorkerStore(JdbcMatchingStorage storage) {
    return storage.workerStore();
  }

  /** Batch runs in PostgreSQL. */
  @Bean
  @ConditionalOnMissingBean
  public BatchRunStore matchingBatchRunStore(JdbcMatchingStorage storage) {
    return storage.batchRunStore();
  }

  /** Batch results in PostgreSQL, unless Redis holds them. */
  @Bean
  @ConditionalOnMissingBean
  public MatchResultStore matchingResultStore(JdbcMatchingStorage storage) {
    return storage.matchResultStore();
  }
}
