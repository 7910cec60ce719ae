package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.scoring.Factor;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.spi.JobStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.jdbc.JdbcMatchingStorage;
import dev.matching.redis.RedisMatching;
import dev.matching.spring.autoconfigure.MatchingAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingJdbcAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingRedisAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingBatchAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingHealthAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingMetricsAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingWebAutoConfiguration;
import dev.matching.spring.metrics.MicrometerQueryObserver;
import dev.matching.spring.web.BatchController;
import dev.matching.spring.web.MatchController;
import dev.matching.spring.web.QueryObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class MatchingAutoConfigurationTest {
  private static final AutoConfigurations ALL = AutoConfigurations.of(MatchingRedisAutoConfiguration.class,
      MatchingJdbcAutoConfiguration.class, MatchingAutoConfiguration.class,
      MatchingBatchAutoConfiguration.class, MatchingMetricsAutoConfiguration.class,
      MatchingHealthAutoConfiguration.class, MatchingWebAutoConfiguration.class);

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL)
      .withPropertyValues("matching.batch.schedule-enabled=false");

  @Test
  void everyBatchListenerBeanHearsAssignmentsAndAThrowingOneDoesNotSilenceTheOthers() {
    java.util.List<String> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    runner.withPropertyValues("matching.batch.partitions=1")
        .withBean("throwingListener", dev.matching.batch.BatchListener.class, () -> new dev.matching.batch.BatchListener() {
          @Override
          public void runFinished(dev.matching.spi.BatchRun run) {
            throw new IllegalStateException("listener bug");
          }
        })
        .withBean("recordingListener", dev.matching.batch.BatchListener.class, () -> new dev.matching.batch.BatchListener() {
          @Override
          public void assignmentComputed(dev.matching.spi.BatchRun run, dev.matching.batch.BatchAssignment assignment) {
            heard.add("assignmentComputed");
          }

          @Override
          public void runFinished(dev.matching.spi.BatchRun run) {
            heard.add("runFinished");
          }
        }).run(context -> {
          MatchingEngine engine = context.getBean(MatchingEngine.class);
          engine.upsertJob(dev.matching.model.Job.builder("j-1").employerId("acme").location(35.68, 139.76).hourlyPay(1300).build());
          engine.upsertWorker(dev.matching.model.Worker.builder("w-1").home(35.68, 139.76).maxTravelKm(10).build());
          MatchingBatch batch = context.getBean(MatchingBatch.class);
          batch.trigger(MatchingBatch.DAILY_MATCHING, 5, dev.matching.batch.AssignmentMode.GREEDY, "tester");
          batch.runPending();
          assertThat(heard).containsExactlyInAnyOrder("assignmentComputed", "runFinished");
        });
  }

  @Test
  void theBatchStartsWhenTheApplicationIsReadyNotWhenTheContextIsRefreshed() {
    runner.run(context -> {
      MatchingBatch batch = context.getBean(MatchingBatch.class);
      assertThat(batch.isStarted()).as("data loaders (application runners) have not run yet").isFalse();

      context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
          (ConfigurableApplicationContext) context.getSourceApplicationContext(), Duration.ZERO));

      assertThat(batch.isStarted()).isTrue();
      ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
      assertThat(batch.isStarted()).as("stopped with the context").isFalse();
    });
  }

  @Test
  void defaultsToAnInMemoryEngineWithTheBalancedPolicyAndABatch() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(MatchingEngine.class);
      assertThat(context.getBean(JobStore.class)).isInstanceOf(InMemoryJobStore.class);
      assertThat(context.getBean(MatchingEngine.class).workerStore()).isInstanceOf(InMemoryWorkerStore.class);
      assertThat(context.getBean(ScoringPolicy.class)).isEqualTo(ScoringPolicy.preset("balanced"));
      assertThat(context).hasSingleBean(MatchingBatch.class);
      assertThat(context).hasBean("matchingIndexHealthIndicator").hasBean("matchingBatchHealthIndicator");
      assertThat(context).doesNotHaveBean(MatchController.class);
      assertThat(context).doesNotHaveBean(MicrometerQueryObserver.class);
    });
  }

  @Test
  void everyBeanBacksOffForTheApplicationsOwn() {
    JobStore own = new InMemoryJobStore(Clock.systemUTC());
    runner.withBean(JobStore.class, () -> own).run(context -> {
      assertThat(context).hasSingleBean(JobStore.class);
      assertThat(context.getBean(MatchingEngine.class).jobStore()).isSameAs(own);
    });
    ScoringPolicy policy = ScoringPolicy.preset("nearby");
    runner.withBean(ScoringPolicy.class, () -> policy)
        .run(context -> assertThat(context.getBean(MatchingEngine.class).policy()).isSameAs(policy));
  }

  @Test
  void policyPropertiesAdjustThePreset() {
    runner.withPropertyValues("matching.policy.preset=pay_first", "matching.policy.distance-weight=0",
        "matching.policy.min-schedule-coverage=0.5", "matching.policy.distance-scale-km=20").run(context -> {
          ScoringPolicy p = context.getBean(ScoringPolicy.class);
          assertThat(p.weight(Factor.DISTANCE)).isZero();
          assertThat(p.minScheduleCoverage()).isEqualTo(0.5);
          assertThat(p.distanceDecay().scaleKm()).isEqualTo(20);
        });
  }

  @Test
  void invalidConfigurationFailsAtStartupNamingTheProperty() {
    assertFailsNaming("matching.policy.preset", "matching.policy.preset=cheapest");
    assertFailsNaming("matching.policy.distance-weight", "matching.policy.distance-weight=-1");
    assertFailsNaming("matching.policy.min-schedule-coverage", "matching.policy.min-schedule-coverage=2");
    assertFailsNaming("matching.policy.distance-*", "matching.policy.distance-decay=1.5");
    assertFailsNaming("matching.batch.top-n", "matching.batch.top-n=0");
    assertFailsNaming("matching.batch.heartbeat-interval", "matching.batch.heartbeat-interval=50s");
    assertFailsNaming("matching.storage.type", "matching.storage.type=jdbc");
    assertFailsNaming("matching.index.availability-window", "matching.index.availability-window=0s");
  }

  private void assertFailsNaming(String property, String setting) {
    assertFailsNaming(runner, property, setting);
  }

  private static void assertFailsNaming(ApplicationContextRunner runner, String property, String setting) {
    runner.withPropertyValues(setting).run(context -> {
      assertThat(context).as(setting).hasFailed();
      Throwable root = context.getStartupFailure();
      while (root != null && !(root instanceof InvalidConfigurationPropertyValueException)) {
        root = root.getCause();
      }
      assertThat(root).as(setting).isInstanceOf(InvalidConfigurationPropertyValueException.class);
      assertThat(((InvalidConfigurationPropertyValueException) root).getName()).isEqualTo(property);
    });
  }

  @Test
  void storageTypeMemoryIgnoresADataSourceAndABlankRedisUrlMeansNoRedis() {
    runner.withBean(DataSource.class, PGSimpleDataSource::new)
        .withPropertyValues("matching.storage.type=memory", "matching.redis.url=").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(JdbcMatchingStorage.class).doesNotHaveBean(RedisMatching.class);
          assertThat(context.getBean(JobStore.class)).isInstanceOf(InMemoryJobStore.class);
        });
  }

  @Test
  void aDataSourceSelectsPostgresStorage() {
    // The engine's first load needs a live server, so the application's own engine stands in and
    // only the storage wiring is checked here; examples/reference-app's PostgresProfileTest runs
    // the whole service on a real PostgreSQL.
    runner.withBean(DataSource.class, PGSimpleDataSource::new)
        .withBean(MatchingEngine.class, () -> MatchingEngine.builder().build())
        .withPropertyValues("matching.jdbc.migrate=false", "matching.batch.enabled=false",
            "matching.jdbc.schema=tenant_a", "matching.jdbc.table-prefix=m_").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(JobStore.class).getClass().getName()).startsWith("dev.matching.jdbc.");
          JdbcMatchingStorage storage = context.getBean(JdbcMatchingStorage.class);
          assertThat(storage.schema()).isEqualTo("tenant_a");
          assertThat(storage.tablePrefix()).isEqualTo("m_");
          assertThat(storage.migrateOnBuild()).isFalse();
          assertThat(List.of(storage.statementTimeout(), storage.lockTimeout(), storage.idleInTransactionTimeout()))
              .as("the properties' defaults are the adapter's").containsExactly(
                  JdbcMatchingStorage.DEFAULT_STATEMENT_TIMEOUT, JdbcMatchingStorage.DEFAULT_LOCK_TIMEOUT,
                  JdbcMatchingStorage.DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT);
        });
    ApplicationContextRunner jdbcWithBatch = runner.withBean(DataSource.class, PGSimpleDataSource::new)
        .withBean(MatchingEngine.class, () -> MatchingEngine.builder().build())
        .withPropertyValues("matching.jdbc.migrate=false", "matching.batch.lease-duration=20s");
    assertFailsNaming(jdbcWithBatch, "matching.jdbc.lock-timeout", "matching.jdbc.lock-timeout=20s");
    assertFailsNaming(jdbcWithBatch, "matching.jdbc.idle-in-transaction-timeout",
        "matching.jdbc.idle-in-transaction-timeout=0s");
    assertFailsNaming(jdbcWithBatch, "matching.jdbc.statement-timeout", "matching.jdbc.statement-timeout=-1s");
    assertFailsNaming(runner.withBean(DataSource.class, PGSimpleDataSource::new)
        .withBean(MatchingEngine.class, () -> MatchingEngine.builder().build())
        .withPropertyValues("matching.jdbc.migrate=false", "matching.batch.enabled=false"), "matching.jdbc.table-prefix", "matching.jdbc.table-prefix=Bad-Prefix");
  }

  @Test
  void batchCanBeSwitchedOff() {
    runner.withPropertyValues("matching.batch.enabled=false").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(MatchingBatch.class);
      assertThat(context).doesNotHaveBean("matchingBatchHealthIndicator");
    });
  }

  @Test
  void micrometerMetersWhenARegistryIsPresent() {
    runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(context.getBean(QueryObserver.class)).isInstanceOf(MicrometerQueryObserver.class);
      assertThat(registry.find("matching.index.size").tag("kind", "job").gauge()).isNotNull();
      assertThat(registry.find("matching.query").tag("direction", "jobs_for_worker").timer()).isNotNull();
      assertThat(registry.get("matching.storage.up").tag("store", "entities").gauge().value()).isEqualTo(1.0);
      assertThat(registry.get("matching.storage.up").tag("store", "results").gauge().value()).isEqualTo(1.0);
      assertThat(registry.get("matching.batch.runs").tag("state", "failed").counter().count()).isZero();
      double lastSuccess = registry.get("matching.batch.last.success").gauge().value();
      assertThat(lastSuccess).as("the start while no run succeeded").isCloseTo(
          java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120.0));
    });
  }

  @Test
  void healthReportsIndexSizes() {
    runner.run(context -> {
      HealthIndicator index = context.getBean("matchingIndexHealthIndicator", HealthIndicator.class);
      assertThat(index.health().getDetails()).containsEntry("jobs", 0).containsEntry("lag", 0L);
    });
  }

  @Test
  void webLayerInAServletWebApplicationOnly() {
    new WebApplicationContextRunner().withConfiguration(ALL).withPropertyValues("matching.batch.schedule-enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(MatchController.class).hasSingleBean(BatchController.class);
        });
    new WebApplicationContextRunner().withConfiguration(ALL)
        .withPropertyValues("matching.web.enabled=false", "matching.batch.schedule-enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(MatchController.class));
    new WebApplicationContextRunner().withConfiguration(ALL)
        .withPropertyValues("matching.batch.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(MatchController.class).doesNotHaveBean(BatchController.class));
  }

  @Test
  void queryLimitsAreChecked() {
    new WebApplicationContextRunner().withConfiguration(ALL)
        .withPropertyValues("matching.query.max-limit=5000").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).hasStackTraceContaining("matching.query.max-limit");
        });
  }
}
