package dev.matching.spring.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.batch.BatchConfig;
import dev.matching.batch.DailySchedule;
import dev.matching.index.WorkerIndex;
import dev.matching.jdbc.JdbcMatchingStorage;
import dev.matching.lifecycle.IntegrityCheckConfig;
import dev.matching.lifecycle.RetentionPolicy;
import dev.matching.redis.RedisMatchingConfig;
import dev.matching.scoring.ScoringPolicy;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * The defaults the properties share with a configuration type of core or an adapter are that
 * type's defaults. The properties keep their own literal defaults ({@code @DefaultValue} on the
 * record components), because the configuration processor only reads literals into the metadata
 * an IDE shows; this test keeps the two copies equal, reading the properties' defaults the way
 * Spring Boot makes them: by binding the record from an empty source. A property that is null when unset (such as {@code matching.batch.node-id} or the
 * policy adjustments) takes core's default by leaving it to the builder.
 */
class CoreDefaultsTest {

  /** {@code type} as its prefix binds when no key is set. */
  static <T> T defaults(Class<T> type) {
    String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
    return new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
  }

  @Test
  void policyStartsFromCoresDefaultPolicy() {
    MatchingPolicyProperties p = defaults(MatchingPolicyProperties.class);
    assertThat(p.preset()).isEqualTo(ScoringPolicy.BALANCED);
    assertThat(ScoringPolicy.preset(p.preset())).isEqualTo(ScoringPolicy.ofDefaults());
    assertThat(new Object[] {p.distanceWeight(), p.skillsWeight(), p.scheduleWeight(), p.payWeight(),
        p.distanceOffsetKm(), p.distanceScaleKm(), p.distanceDecay(), p.payScaleYen(), p.payDecay(),
        p.minScheduleCoverage()}).as("unset: the preset's").containsOnlyNulls();
  }

  @Test
  void indexWindowIsCores() {
    assertThat(defaults(MatchingIndexProperties.class).availabilityWindow()).isEqualTo(WorkerIndex.DEFAULT_WINDOW);
  }

  @Test
  void batchIsCoresBatchConfigAndDailySchedule() {
    MatchingBatchProperties p = defaults(MatchingBatchProperties.class);
    BatchConfig core = BatchConfig.ofDefaults();
    assertThat(p.topN()).isEqualTo(core.topN());
    assertThat(p.partitions()).isEqualTo(core.partitions());
    assertThat(p.leaseDuration()).isEqualTo(core.leaseDuration());
    assertThat(p.heartbeatInterval()).isEqualTo(core.heartbeatInterval());
    assertThat(p.pollInterval()).isEqualTo(core.pollInterval());
    assertThat(p.threads()).isEqualTo(core.threads());
    assertThat(p.nodeId()).as("unset: core's <pid>@<host>").isNull();
    assertThat(new DailySchedule(p.scheduleTime(), p.scheduleZone())).isEqualTo(DailySchedule.ofDefaults());
  }

  @Test
  void retentionAgesAreCoresRetentionPolicy() {
    MatchingRetentionProperties p = defaults(MatchingRetentionProperties.class);
    RetentionPolicy core = RetentionPolicy.ofDefaults();
    assertThat(p.batchRuns()).isEqualTo(core.batchRuns()).isEqualTo(RetentionPolicy.DEFAULT_BATCH_RUNS);
    assertThat(p.matchResults()).isEqualTo(core.matchResults()).isEqualTo(RetentionPolicy.DEFAULT_MATCH_RESULTS);
    assertThat(p.inactiveWorkers()).isEqualTo(core.inactiveWorkers())
        .isEqualTo(RetentionPolicy.DEFAULT_INACTIVE_WORKERS);
  }

  @Test
  void integrityIsCoresIntegrityCheckConfig() {
    MatchingIntegrityProperties p = defaults(MatchingIntegrityProperties.class);
    IntegrityCheckConfig core = IntegrityCheckConfig.ofDefaults();
    assertThat(p.sampleSize()).isEqualTo(core.sampleSize());
    assertThat(p.stalledAfter()).isEqualTo(core.stalledAfter());
  }

  @Test
  void redisIsTheAdaptersRedisMatchingConfig() {
    MatchingRedisProperties p = defaults(MatchingRedisProperties.class);
    RedisMatchingConfig adapter = RedisMatchingConfig.ofDefaults();
    assertThat(p.keyPrefix()).isEqualTo(adapter.keyPrefix());
    assertThat(p.commandTimeout()).isEqualTo(adapter.commandTimeout());
    assertThat(p.resultTtl()).isEqualTo(adapter.resultTtl());
  }

  @Test
  void jdbcIsTheAdaptersJdbcMatchingStorage() {
    MatchingJdbcProperties p = defaults(MatchingJdbcProperties.class);
    JdbcMatchingStorage adapter = JdbcMatchingStorage.custom().dataSource(new PGSimpleDataSource()).migrate(false).build();
    assertThat(p.schema()).isEqualTo(adapter.schema()).isEqualTo(JdbcMatchingStorage.DEFAULT_SCHEMA);
    assertThat(p.tablePrefix()).isEqualTo(adapter.tablePrefix());
    assertThat(p.statementTimeout()).isEqualTo(adapter.statementTimeout())
        .isEqualTo(JdbcMatchingStorage.DEFAULT_STATEMENT_TIMEOUT);
    assertThat(p.lockTimeout()).isEqualTo(adapter.lockTimeout()).isEqualTo(JdbcMatchingStorage.DEFAULT_LOCK_TIMEOUT);
    assertThat(p.idleInTransactionTimeout()).isEqualTo(adapter.idleInTransactionTimeout())
        .isEqualTo(JdbcMatchingStorage.DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT);

    // The builder does not show its migrate default; a build that migrates asks for a connection.
    AtomicInteger connections = new AtomicInteger();
    DataSource unreachable = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getConnection" -> {
            connections.incrementAndGet();
            throw new SQLException("no database in this test");
          }
          case "getLogWriter" -> new PrintWriter(System.err);
          case "getParentLogger" -> Logger.getGlobal();
          case "isWrapperFor" -> false;
          case "getLoginTimeout" -> 0;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "unreachable";
          default -> null;
        });
    assertThat(p.migrate()).isTrue();
    assertThatThrownBy(() -> JdbcMatchingStorage.custom().dataSource(unreachable).build())
        .as("the adapter migrates by default");
    assertThat(connections).as("the adapter migrates by default").hasPositiveValue();
  }
}
