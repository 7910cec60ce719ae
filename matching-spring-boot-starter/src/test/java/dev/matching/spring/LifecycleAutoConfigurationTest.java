package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.lifecycle.RetentionReport;
import dev.matching.model.Worker;
import dev.matching.spring.autoconfigure.MatchingAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingBatchAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingLifecycleAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingMetricsAutoConfiguration;
import dev.matching.spring.ops.DataLifecycle;
import dev.matching.spring.ops.IntegrityCheckTask;
import dev.matching.spring.ops.RetentionScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The data lifecycle auto-configuration: retention with audit and metrics, the integrity-check task, bad settings. */
class LifecycleAutoConfigurationTest {
  /** The engine's and the lifecycle's clock, moved by the tests instead of sleeping. */
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class,
          MatchingMetricsAutoConfiguration.class, MatchingLifecycleAutoConfiguration.class,
          MetricsAutoConfiguration.class))
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
      .withBean("matchingClock", Clock.class, () -> new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      })
      .withPropertyValues("matching.batch.enabled=false");

  @Test
  void retentionErasesInactiveWorkersWithAnAuditEventAndCountsThem() {
    runner.withPropertyValues("matching.retention.inactive-workers=1ms").run(context -> {
      try (LogCapture audit = LogCapture.of("matching.audit");
          LogCapture lifecycle = LogCapture.of(DataLifecycle.class.getName())) {
      MatchingEngine engine = context.getBean(MatchingEngine.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("matching.retention.deleted").tag("kind", "workers").counter().count())
          .as("registered before the first run").isZero();
      engine.upsertWorker(Worker.builder("w-old").build());
      now.set(now.get().plusMillis(20));

      RetentionReport report = context.getBean(DataLifecycle.class).runRetention("tester");

      assertThat(report.workersErased()).isEqualTo(1);
      assertThat(engine.worker("w-old")).isEmpty();
      assertThat(registry.get("matching.retention.deleted").tag("kind", "workers").counter().count()).isEqualTo(1.0);
      assertThat(audit.text()).contains("AUDIT erasure actor=tester worker=w-old reason=retention");
      assertThat(lifecycle.text()).contains("Retention by tester:").contains("1 workers erased");
      assertThat(context).doesNotHaveBean(RetentionScheduler.class).doesNotHaveBean(IntegrityCheckTask.class);
      }
    });
  }

  @Test
  void theScheduleRunsOnlyWhenEnabled() {
    runner.withPropertyValues("matching.retention.enabled=true").run(context ->
        assertThat(context).hasSingleBean(RetentionScheduler.class));
  }

  @Test
  void theIntegrityCheckTaskPrintsTheReportAndExitsOneOnFindings() {
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    runner.withPropertyValues("matching.task=integrity-check")
        .withBean(MatchingLifecycleAutoConfiguration.TASK_OUTPUT, java.io.PrintStream.class,
            () -> new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8))
        .run(context -> {
      IntegrityCheckTask task = context.getBean(IntegrityCheckTask.class);
      assertThat(task.getExitCode()).as("not run yet").isEqualTo(2);
      task.run(null);
      assertThat(task.getExitCode()).isZero();
      assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("{").contains("\"clean\" : true");

      context.getBean(MatchingEngine.class).workerStore().upsert(Worker.builder("w-behind-the-index").build());
      task.run(null);
      assertThat(task.getExitCode()).isEqualTo(1);
      assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"index_missing\"")
          .contains("worker:w-behind-the-index");
    });
  }

  @Test
  void badAgesFailNamingTheProperty() {
    runner.withPropertyValues("matching.retention.batch-runs=-1d").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
          .hasMessageContaining("matching.retention.batch-runs");
    });
    runner.withPropertyValues("matching.integrity.sample-size=0").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("matching.integrity.sample-size"));
  }
}
