package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.batch.DailySchedule;
import dev.matching.lifecycle.IntegrityCheck;
import dev.matching.lifecycle.IntegrityCheckConfig;
import dev.matching.lifecycle.RetentionPolicy;
import dev.matching.lifecycle.RetentionTask;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.ops.DataLifecycle;
import dev.matching.spring.ops.IntegrityCheckTask;
import dev.matching.spring.ops.RetentionScheduler;
import dev.matching.spring.properties.MatchingIntegrityProperties;
import dev.matching.spring.properties.MatchingRetentionProperties;
import dev.matching.spring.properties.MatchingTaskProperties;
import java.io.PrintStream;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The data lifecycle ({@code matching.retention.*}, {@code matching.integrity.*}): a
 * {@link DataLifecycle} over the engine and the stores, the daily retention run when
 * {@code matching.retention.enabled}, and the {@code matching.task=integrity-check} command-line
 * task. The admin endpoints are added by {@link MatchingOpsAutoConfiguration} (security on). Binds
 * {@code matching.retention.*}, {@code matching.integrity.*} and {@code matching.task}.
 */
@AutoConfiguration(after = {MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class,
    MatchingMetricsAutoConfiguration.class})
@EnableConfigurationProperties({MatchingRetentionProperties.class, MatchingIntegrityProperties.class,
    MatchingTaskProperties.class})
public class MatchingLifecycleAutoConfiguration {

  /** Retention with the configured ages and the integrity check; deletions go to the observer bean if any (metrics). */
  @Bean
  @ConditionalOnMissingBean
  public DataLifecycle matchingDataLifecycle(MatchingEngine engine, MatchResultStore results,
      ObjectProvider<BatchRunStore> batchRuns, MatchingRetentionProperties r, MatchingIntegrityProperties i,
      Clock clock, ObjectProvider<DataLifecycle.DeletionObserver> observer) {
    RetentionPolicy policy = PropertyChecks.checked("matching.retention.", () -> RetentionPolicy.custom().batchRuns(r.batchRuns())
        .matchResults(r.matchResults()).inactiveWorkers(r.inactiveWorkers()).build());
    IntegrityCheckConfig config = PropertyChecks.checked("matching.integrity.", () -> IntegrityCheckConfig.custom()
        .sampleSize(i.sampleSize()).stalledAfter(i.stalledAfter()).build());
    BatchRunStore runs = batchRuns.getIfAvailable();
    return new DataLifecycle(new RetentionTask(engine, results, runs, policy, clock),
        new IntegrityCheck(engine, results, runs, config, clock), observer.getIfAvailable(() -> (kind, count) -> { }));
  }

  /** The daily retention run. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "matching.retention.enabled")
  public RetentionScheduler matchingRetentionScheduler(DataLifecycle lifecycle, MatchingRetentionProperties r,
      Clock clock) {
    return new RetentionScheduler(lifecycle, new DailySchedule(r.time(), r.zone()), clock);
  }

  /** Name of an optional {@link PrintStream} bean a command-line task prints to instead of standard output. */
  public static final String TASK_OUTPUT = "matchingTaskOutput";

  /**
   * {@code matching.task=integrity-check}: check, print the JSON report (to standard output, or to
   * the {@link PrintStream} bean named {@value #TASK_OUTPUT}), exit 0 (clean) or 1.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = "matching.task", havingValue = IntegrityCheckTask.NAME)
  public IntegrityCheckTask matchingIntegrityCheckTask(DataLifecycle lifecycle,
      @Qualifier(TASK_OUTPUT) ObjectProvider<PrintStream> output) {
    return new IntegrityCheckTask(lifecycle, output.getIfAvailable(() -> System.out));
  }
}
