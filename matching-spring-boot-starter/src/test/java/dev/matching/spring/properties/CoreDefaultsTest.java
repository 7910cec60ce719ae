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

/**
 * The defaults the properties share with a configuration type of core or an adapter are that
 * type's defaults. The properties keep their own literal defaults, because the configuration
 * processor only reads literals into the metadata an IDE shows; this test keeps the two copies
 * equal. A property that is null when unset (such as {@code matching.batch.node-id} or the
 * policy adjustments) takes core's default by leaving it to the builder.
 */
class CoreDefaultsTest {

  @Test
  void policyStartsFromCoresDefaultPolicy() {
    MatchingPolicyProperties p = new MatchingPolicyProperties();
    assertThat(p.getPreset()).isEqualTo(ScoringPolicy.BALANCED);
    assertThat(ScoringPolicy.preset(p.getPreset())).isEqualTo(ScoringPolicy.ofDefaults());
    assertThat(new Object[] {p.getDistanceWeight(), p.getSkillsWeight(), p.getScheduleWeight(), p.getPayWeight(),
        p.getDistanceOffsetKm(), p.getDistanceScaleKm(), p.getDistanceDecay(), p.getPayScaleYen(), p.getPayDecay(),
        p.getMinScheduleCoverage()}).as("unset: the preset's").containsOnlyNulls();
  }

  @Test
  void indexWindowIsCores() {
    assertThat(new MatchingIndexProperties().getAvailabilityWindow()).isEqualTo(WorkerIndex.DEFAULT_WINDOW);
  }

  @Test
  void batchIsCoresBatchConfigAndDailySchedule() {
    MatchingBatchProperties p = new MatchingBatchProperties();
    BatchConfig core = BatchConfig.ofDefaults();
    assertThat(p.getTopN()).isEqualTo(core.topN());
    assertThat(p.getPartitions()).isEqualTo(core.partitions());
    assertThat(p.getLeaseDuration()).isEqualTo(core.leaseDuration());
    assertThat(p.getHeartbeatInterval()).isEqualTo(core.heartbeatInterval());
    assertThat(p.getPollInterval()).isEqualTo(core.pollInterval());
    assertThat(p.getThreads()).isEqualTo(core.threads());
    assertThat(p.getNodeId()).as("unset: core's <pid>@<host>").isNull();
    assertThat(new DailySchedule(p.getScheduleTime(), p.getScheduleZone())).isEqualTo(DailySchedule.ofDefaults());
  }

  @Test
  void retentionAgesAreCoresRetentionPolicy() {
    MatchingRetentionProperties p = new MatchingRetentionProperties();
    RetentionPolicy core = RetentionPolicy.ofDefaults();
    assertThat(p.getBatchRuns()).isEqualTo(core.batchRuns()).isEqualTo(RetentionPolicy.DEFAULT_BATCH_RUNS);
    assertThat(p.getMatchResults()).isEqualTo(core.matchResults()).isEqualTo(RetentionPolicy.DEFAULT_MATCH_RESULTS);
    assertThat(p.getInactiveWorkers()).isEqualTo(core.inactiveWorkers())
        .isEqualTo(RetentionPolicy.DEFAULT_INACTIVE_WORKERS);
  }

  @Test
  void integrityIsCoresIntegrityCheckConfig() {
    MatchingIntegrityProperties p = new MatchingIntegrityProperties();
    IntegrityCheckConfig core = IntegrityCheckConfig.ofDefaults();
    assertThat(p.getSampleSize()).isEqualTo(core.sampleSize());
    assertThat(p.getStalledAfter()).isEqualTo(core.stalledAfter());
  }

  @Test
  void redisIsTheAdaptersRedisMatchingConfig() {
    MatchingRedisProperties p = new MatchingRedisProperties();
    RedisMatchingConfig adapter = RedisMatchingConfig.ofDefaults();
    assertThat(p.getKeyPrefix()).isEqualTo(adapter.keyPrefix());
    assertThat(p.getCommandTimeout()).isEqualTo(adapter.commandTimeout());
    assertThat(p.getResultTtl()).isEqualTo(adapter.resultTtl());
  }

  @Test
  void jdbcIsTheAdaptersJdbcMatchingStorage() {
    MatchingJdbcProperties p = new MatchingJdbcProperties();
    JdbcMatchingStorage adapter = JdbcMatchingStorage.custom().dataSource(new PGSimpleDataSource()).migrate(false).build();
    assertThat(p.getSchema()).isEqualTo(adapter.schema()).isEqualTo(JdbcMatchingStorage.DEFAULT_SCHEMA);
    assertThat(p.getTablePrefix()).isEqualTo(adapter.tablePrefix());
    assertThat(p.getStatementTimeout()).isEqualTo(adapter.statementTimeout())
        .isEqualTo(JdbcMatchingStorage.DEFAULT_STATEMENT_TIMEOUT);
    assertThat(p.getLockTimeout()).isEqualTo(adapter.lockTimeout()).isEqualTo(JdbcMatchingStorage.DEFAULT_LOCK_TIMEOUT);
    assertThat(p.getIdleInTransactionTimeout()).isEqualTo(adapter.idleInTransactionTimeout())
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
    assertThat(p.isMigrate()).isTrue();
    assertThatThrownBy(() -> JdbcMatchingStorage.custom().dataSource(unreachable).build())
        .as("the adapter migrates by default");
    assertThat(connections).as("the adapter migrates by default").hasPositiveValue();
  }
}
