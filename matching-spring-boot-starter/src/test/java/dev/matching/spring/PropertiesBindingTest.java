package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.MatchingEngine;
import dev.matching.spring.autoconfigure.MatchingAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingBatchAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingJdbcAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingLifecycleAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingOpsAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingRedisAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingSecurityAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingWebAutoConfiguration;
import dev.matching.spring.properties.MatchingBatchProperties;
import dev.matching.spring.properties.MatchingIndexProperties;
import dev.matching.spring.properties.MatchingIntegrityProperties;
import dev.matching.spring.properties.MatchingJdbcProperties;
import dev.matching.spring.properties.MatchingMaintenanceProperties;
import dev.matching.spring.properties.MatchingPolicyProperties;
import dev.matching.spring.properties.MatchingQueryProperties;
import dev.matching.spring.properties.MatchingRedisProperties;
import dev.matching.spring.properties.MatchingRetentionProperties;
import dev.matching.spring.properties.MatchingSecurityProperties;
import dev.matching.spring.properties.MatchingStorageProperties;
import dev.matching.spring.properties.MatchingStorageProperties.StorageType;
import dev.matching.spring.properties.MatchingTaskProperties;
import dev.matching.spring.properties.MatchingWebProperties;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/**
 * The {@code matching.*} properties, one class per prefix: every key binds to the class of its
 * prefix under the names, relaxed forms and defaults it always had; each class is bound by the
 * auto-configuration of its concern; and a bad value stops startup with the message it had when
 * a single {@code MatchingProperties} held every property, also when its concern is off.
 */
class PropertiesBindingTest {
  private static final String HASH = "sha256:" + "a".repeat(64);
  private static final AutoConfigurations ALL = AutoConfigurations.of(MatchingRedisAutoConfiguration.class,
      MatchingJdbcAutoConfiguration.class, MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class,
      MatchingLifecycleAutoConfiguration.class, MatchingSecurityAutoConfiguration.class,
      MatchingWebAutoConfiguration.class, MatchingOpsAutoConfiguration.class, SecurityAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class);

  /** Every properties class, bound without any auto-configuration. */
  @EnableConfigurationProperties({MatchingTaskProperties.class, MatchingPolicyProperties.class,
      MatchingIndexProperties.class, MatchingQueryProperties.class, MatchingStorageProperties.class,
      MatchingBatchProperties.class, MatchingWebProperties.class, MatchingJdbcProperties.class,
      MatchingRedisProperties.class, MatchingSecurityProperties.class, MatchingMaintenanceProperties.class,
      MatchingRetentionProperties.class, MatchingIntegrityProperties.class})
  static class AllProperties {}

  private final ApplicationContextRunner binding = new ApplicationContextRunner().withUserConfiguration(AllProperties.class);
  private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL)
      .withPropertyValues("matching.batch.schedule-enabled=false");
  private final ApplicationContextRunner plain = new ApplicationContextRunner().withConfiguration(ALL)
      .withPropertyValues("matching.batch.schedule-enabled=false");
  private final ApplicationContextRunner jdbc = plain.withBean(DataSource.class, PGSimpleDataSource::new)
      .withBean(MatchingEngine.class, () -> MatchingEngine.builder().build())
      .withPropertyValues("matching.jdbc.migrate=false");

  @Test
  void everyKeyBindsToTheClassOfItsPrefix() {
    binding.withPropertyValues("matching.task=integrity-check",
        "matching.policy.preset=nearby", "matching.policy.distance-weight=0.1", "matching.policy.skills-weight=0.2",
        "matching.policy.schedule-weight=0.3", "matching.policy.pay-weight=0.4", "matching.policy.distance-offset-km=2",
        "matching.policy.distance-scale-km=20", "matching.policy.distance-decay=0.4", "matching.policy.pay-scale-yen=200",
        "matching.policy.pay-decay=0.3", "matching.policy.min-schedule-coverage=0.6",
        "matching.index.availability-window=30d", "matching.index.refresh-interval=5s",
        "matching.query.default-limit=10", "matching.query.max-limit=200", "matching.storage.type=memory",
        "matching.batch.enabled=false", "matching.batch.schedule-enabled=false", "matching.batch.schedule-time=02:30",
        "matching.batch.schedule-zone=UTC", "matching.batch.top-n=7", "matching.batch.partitions=8",
        "matching.batch.lease-duration=2m", "matching.batch.heartbeat-interval=20s", "matching.batch.poll-interval=3s",
        "matching.batch.threads=2", "matching.batch.node-id=node-a",
        "matching.web.enabled=false", "matching.web.max-bulk-records=500", "matching.web.max-body-size=2MB",
        "matching.web.reject-unknown-properties=false", "matching.web.recommendations-live-fallback=false",
        "matching.web.cursor-secret=0123456789abcdef", "matching.web.cors.allowed-origins=https://a.example,https://b.example",
        "matching.jdbc.schema=tenant_a", "matching.jdbc.table-prefix=m_", "matching.jdbc.migrate=false",
        "matching.jdbc.statement-timeout=5s", "matching.jdbc.lock-timeout=4s", "matching.jdbc.idle-in-transaction-timeout=3s",
        "matching.redis.url=redis://cache:6379/1", "matching.redis.key-prefix=mx", "matching.redis.command-timeout=500ms",
        "matching.redis.result-ttl=1d", "matching.redis.index-sync=false",
        "matching.security.enabled=true", "matching.security.keys[0].name=ops", "matching.security.keys[0].hash=" + HASH,
        "matching.security.keys[0].role=client", "matching.security.keys[0].employer-id=acme",
        "matching.security.requests-per-minute.client=5", "matching.security.failed-authentications-per-minute=3",
        "matching.maintenance.enabled=true", "matching.maintenance.retry-after=30s",
        "matching.retention.enabled=true", "matching.retention.time=05:15", "matching.retention.zone=Europe/Paris",
        "matching.retention.batch-runs=10d", "matching.retention.match-results=2d", "matching.retention.inactive-workers=100d",
        "matching.integrity.sample-size=5", "matching.integrity.stalled-after=30m").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MatchingTaskProperties.class).task()).isEqualTo("integrity-check");

          MatchingPolicyProperties policy = context.getBean(MatchingPolicyProperties.class);
          assertThat(policy.preset()).isEqualTo("nearby");
          assertThat(List.of(policy.distanceWeight(), policy.skillsWeight(), policy.scheduleWeight(),
              policy.payWeight(), policy.distanceOffsetKm(), policy.distanceScaleKm(), policy.distanceDecay(),
              policy.payScaleYen(), policy.payDecay(), policy.minScheduleCoverage()))
              .containsExactly(0.1, 0.2, 0.3, 0.4, 2.0, 20.0, 0.4, 200.0, 0.3, 0.6);

          MatchingIndexProperties index = context.getBean(MatchingIndexProperties.class);
          assertThat(index.availabilityWindow()).isEqualTo(Duration.ofDays(30));
          assertThat(index.refreshInterval()).isEqualTo(Duration.ofSeconds(5));
          MatchingQueryProperties query = context.getBean(MatchingQueryProperties.class);
          assertThat(List.of(query.defaultLimit(), query.maxLimit())).containsExactly(10, 200);
          assertThat(context.getBean(MatchingStorageProperties.class).type()).isEqualTo(StorageType.MEMORY);

          MatchingBatchProperties batch = context.getBean(MatchingBatchProperties.class);
          assertThat(List.of(batch.enabled(), batch.scheduleEnabled())).containsOnly(false);
          assertThat(batch.scheduleTime()).isEqualTo(LocalTime.of(2, 30));
          assertThat(batch.scheduleZone()).isEqualTo(ZoneId.of("UTC"));
          assertThat(List.of(batch.topN(), batch.partitions(), batch.threads())).containsExactly(7, 8, 2);
          assertThat(List.of(batch.leaseDuration(), batch.heartbeatInterval(), batch.pollInterval()))
              .containsExactly(Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(3));
          assertThat(batch.nodeId()).isEqualTo("node-a");

          MatchingWebProperties webProperties = context.getBean(MatchingWebProperties.class);
          assertThat(List.of(webProperties.enabled(), webProperties.rejectUnknownProperties(),
              webProperties.recommendationsLiveFallback())).containsOnly(false);
          assertThat(webProperties.maxBulkRecords()).isEqualTo(500);
          assertThat(webProperties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
          assertThat(webProperties.cursorSecret()).isEqualTo("0123456789abcdef");
          assertThat(webProperties.cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example");

          MatchingJdbcProperties jdbcProperties = context.getBean(MatchingJdbcProperties.class);
          assertThat(List.of(jdbcProperties.schema(), jdbcProperties.tablePrefix())).containsExactly("tenant_a", "m_");
          assertThat(jdbcProperties.migrate()).isFalse();
          assertThat(List.of(jdbcProperties.statementTimeout(), jdbcProperties.lockTimeout(),
              jdbcProperties.idleInTransactionTimeout()))
              .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(3));

          MatchingRedisProperties redis = context.getBean(MatchingRedisProperties.class);
          assertThat(List.of(redis.url(), redis.keyPrefix())).containsExactly("redis://cache:6379/1", "mx");
          assertThat(List.of(redis.commandTimeout(), redis.resultTtl()))
              .containsExactly(Duration.ofMillis(500), Duration.ofDays(1));
          assertThat(redis.indexSync()).isFalse();

          MatchingSecurityProperties security = context.getBean(MatchingSecurityProperties.class);
          assertThat(security.enabled()).isTrue();
          assertThat(security.keys()).singleElement().satisfies(key -> assertThat(List.of(key.name(),
              key.hash(), key.role(), key.employerId())).containsExactly("ops", HASH, "client", "acme"));
          assertThat(security.requestsPerMinute()).as("a key set merges into the defaults")
              .containsExactlyInAnyOrderEntriesOf(Map.of("client", 5, "operator", 1200, "admin", 1200));
          assertThat(security.failedAuthenticationsPerMinute()).isEqualTo(3);

          MatchingMaintenanceProperties maintenance = context.getBean(MatchingMaintenanceProperties.class);
          assertThat(maintenance.enabled()).isTrue();
          assertThat(maintenance.retryAfter()).isEqualTo(Duration.ofSeconds(30));

          MatchingRetentionProperties retention = context.getBean(MatchingRetentionProperties.class);
          assertThat(retention.enabled()).isTrue();
          assertThat(retention.time()).isEqualTo(LocalTime.of(5, 15));
          assertThat(retention.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
          assertThat(List.of(retention.batchRuns(), retention.matchResults(), retention.inactiveWorkers()))
              .containsExactly(Duration.ofDays(10), Duration.ofDays(2), Duration.ofDays(100));

          MatchingIntegrityProperties integrity = context.getBean(MatchingIntegrityProperties.class);
          assertThat(integrity.sampleSize()).isEqualTo(5);
          assertThat(integrity.stalledAfter()).isEqualTo(Duration.ofMinutes(30));
        });
  }

  /** The defaults of docs/service.md; those shared with core are checked against core by CoreDefaultsTest. */
  @Test
  void unsetKeysHaveTheDocumentedDefaults() {
    binding.run(context -> {
      assertThat(context.getBean(MatchingTaskProperties.class).task()).isNull();
      assertThat(context.getBean(MatchingPolicyProperties.class).preset()).isEqualTo("balanced");
      MatchingIndexProperties index = context.getBean(MatchingIndexProperties.class);
      assertThat(index.availabilityWindow()).isEqualTo(Duration.ofDays(62));
      assertThat(index.refreshInterval()).isEqualTo(Duration.ofSeconds(1));
      MatchingQueryProperties query = context.getBean(MatchingQueryProperties.class);
      assertThat(List.of(query.defaultLimit(), query.maxLimit())).containsExactly(20, 100);
      assertThat(context.getBean(MatchingStorageProperties.class).type()).isEqualTo(StorageType.AUTO);

      MatchingBatchProperties batch = context.getBean(MatchingBatchProperties.class);
      assertThat(List.of(batch.enabled(), batch.scheduleEnabled())).containsOnly(true);
      assertThat(batch.scheduleTime()).isEqualTo(LocalTime.of(3, 0));
      assertThat(batch.scheduleZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
      assertThat(List.of(batch.topN(), batch.partitions(), batch.threads())).containsExactly(50, 32, 1);
      assertThat(List.of(batch.leaseDuration(), batch.heartbeatInterval(), batch.pollInterval()))
          .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(2));
      assertThat(batch.nodeId()).isNull();

      MatchingWebProperties webProperties = context.getBean(MatchingWebProperties.class);
      assertThat(List.of(webProperties.enabled(), webProperties.rejectUnknownProperties(),
          webProperties.recommendationsLiveFallback())).containsOnly(true);
      assertThat(webProperties.maxBulkRecords()).isEqualTo(10_000);
      assertThat(webProperties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(10));
      assertThat(webProperties.cursorSecret()).isNull();
      assertThat(webProperties.cors().allowedOrigins()).isEmpty();

      MatchingJdbcProperties jdbcProperties = context.getBean(MatchingJdbcProperties.class);
      assertThat(List.of(jdbcProperties.schema(), jdbcProperties.tablePrefix())).containsExactly("matching", "");
      assertThat(jdbcProperties.migrate()).isTrue();
      assertThat(List.of(jdbcProperties.statementTimeout(), jdbcProperties.lockTimeout(),
          jdbcProperties.idleInTransactionTimeout()))
          .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(10));

      MatchingRedisProperties redis = context.getBean(MatchingRedisProperties.class);
      assertThat(redis.url()).isNull();
      assertThat(redis.keyPrefix()).isEqualTo("matching");
      assertThat(List.of(redis.commandTimeout(), redis.resultTtl()))
          .containsExactly(Duration.ofSeconds(2), Duration.ofDays(3));
      assertThat(redis.indexSync()).isTrue();

      MatchingSecurityProperties security = context.getBean(MatchingSecurityProperties.class);
      assertThat(security.enabled()).isFalse();
      assertThat(security.keys()).isEmpty();
      assertThat(security.requestsPerMinute())
          .containsExactlyInAnyOrderEntriesOf(Map.of("client", 600, "operator", 1200, "admin", 1200));
      assertThat(security.failedAuthenticationsPerMinute()).isEqualTo(10);

      MatchingMaintenanceProperties maintenance = context.getBean(MatchingMaintenanceProperties.class);
      assertThat(maintenance.enabled()).isFalse();
      assertThat(maintenance.retryAfter()).isEqualTo(Duration.ofMinutes(5));

      MatchingRetentionProperties retention = context.getBean(MatchingRetentionProperties.class);
      assertThat(retention.enabled()).isFalse();
      assertThat(retention.time()).isEqualTo(LocalTime.of(4, 0));
      assertThat(retention.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
      assertThat(List.of(retention.batchRuns(), retention.matchResults(), retention.inactiveWorkers()))
          .containsExactly(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(1095));

      MatchingIntegrityProperties integrity = context.getBean(MatchingIntegrityProperties.class);
      assertThat(integrity.sampleSize()).isEqualTo(20);
      assertThat(integrity.stalledAfter()).isEqualTo(Duration.ofHours(1));
    });
  }

  /** The records hold unmodifiable copies: a bound value cannot be changed afterwards. */
  @Test
  void boundCollectionsCannotBeChanged() {
    binding.withPropertyValues("matching.security.keys[0].hash=" + HASH, "matching.security.requests-per-minute.client=5",
        "matching.web.cors.allowed-origins=https://a.example").run(context -> {
          MatchingSecurityProperties security = context.getBean(MatchingSecurityProperties.class);
          assertThatThrownBy(() -> security.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
          assertThatThrownBy(() -> security.requestsPerMinute().put("client", 0))
              .isInstanceOf(UnsupportedOperationException.class);
          assertThatThrownBy(() -> context.getBean(MatchingWebProperties.class).cors().allowedOrigins().clear())
              .isInstanceOf(UnsupportedOperationException.class);
        });
    List<String> origins = new ArrayList<>(List.of("https://a.example"));
    MatchingWebProperties.Cors cors = new MatchingWebProperties.Cors(origins);
    origins.clear();
    assertThat(cors.allowedOrigins()).as("a copy").containsExactly("https://a.example");
    assertThat(new MatchingSecurityProperties(false, List.of(), Map.of("admin", 7), 10).requestsPerMinute())
        .as("constructed, too, a limit set merges into the defaults")
        .containsExactlyInAnyOrderEntriesOf(Map.of("client", 600, "operator", 1200, "admin", 7));
  }

  @Test
  void relaxedNamesBindAsBefore() {
    binding.withPropertyValues("matching.batch.topN=7", "matching.batch.heartbeat_interval=20s",
        "matching.web.cors.allowed-origins[0]=https://a.example", "matching.storage.type=JDBC",
        "matching.security.keys[0].employerId=acme").run(context -> {
          assertThat(context.getBean(MatchingBatchProperties.class).topN()).isEqualTo(7);
          assertThat(context.getBean(MatchingBatchProperties.class).heartbeatInterval())
              .isEqualTo(Duration.ofSeconds(20));
          assertThat(context.getBean(MatchingWebProperties.class).cors().allowedOrigins())
              .containsExactly("https://a.example");
          assertThat(context.getBean(MatchingStorageProperties.class).type()).isEqualTo(StorageType.JDBC);
          assertThat(context.getBean(MatchingSecurityProperties.class).keys().get(0).employerId())
              .isEqualTo("acme");
        });
  }

  @Test
  void eachAutoConfigurationBindsThePrefixesOfItsConcern() {
    List<Class<?>> core = List.of(MatchingPolicyProperties.class, MatchingIndexProperties.class,
        MatchingStorageProperties.class, MatchingBatchProperties.class, MatchingRetentionProperties.class,
        MatchingIntegrityProperties.class, MatchingTaskProperties.class);
    List<Class<?>> webOnly = List.of(MatchingWebProperties.class, MatchingQueryProperties.class,
        MatchingSecurityProperties.class, MatchingMaintenanceProperties.class);
    web.run(context -> {
      assertThat(context).hasNotFailed();
      core.forEach(type -> assertThat(context).hasSingleBean(type));
      webOnly.forEach(type -> assertThat(context).hasSingleBean(type));
      assertThat(context).doesNotHaveBean(MatchingJdbcProperties.class).doesNotHaveBean(MatchingRedisProperties.class);
    });
    plain.run(context -> {
      assertThat(context).hasNotFailed();
      core.forEach(type -> assertThat(context).hasSingleBean(type));
      webOnly.forEach(type -> assertThat(context).doesNotHaveBean(type));
    });
    plain.withPropertyValues("matching.batch.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MatchingBatchProperties.class));
    jdbc.withPropertyValues("matching.batch.enabled=false", "matching.jdbc.schema=tenant_a").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(MatchingJdbcProperties.class).schema()).isEqualTo("tenant_a");
      assertThat(context.getBean(MatchingBatchProperties.class).enabled())
          .as("the JDBC auto-configuration reads the batch's lease").isFalse();
    });
    // Lazily, so that the connection to Redis is not made: only the properties are asked for.
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MatchingRedisAutoConfiguration.class))
        .withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
        .withPropertyValues("matching.redis.url=redis://cache:6379").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MatchingRedisProperties.class).url()).isEqualTo("redis://cache:6379");
        });
  }

  /** The messages below are what the single MatchingProperties class gave for the same settings. */
  @Test
  void badValuesStopStartupWithTheMessagesTheyHadBefore() {
    assertFailure(web, "matching.policy.distance-weight=abc", "Failed to bind properties under "
        + "'matching.policy.distance-weight' to java.lang.Double (NumberFormatException: For input string: \"abc\")");
    assertFailure(web, "matching.policy.preset=cheapest", "Property matching.policy.preset with value 'cheapest' is "
        + "invalid: must be one of [balanced, nearby, pay_first, schedule_first, skills_first]");
    assertFailure(web, "matching.policy.pay-decay=2",
        "Property matching.policy.pay-* with value '100.0/2.0' is invalid: pay.decay: must be within [0, 1], was 2.0");
    assertFailure(web, "matching.index.availability-window=0s", "Property matching.index.availability-window with "
        + "value 'PT0S' is invalid: window: must be within (0, 3660 days], was PT0S");
    assertFailure(web, "matching.index.refresh-interval=soon", "Failed to bind properties under "
        + "'matching.index.refresh-interval' to java.time.Duration (IllegalArgumentException: 'soon' is not a valid duration)");
    assertFailure(web, "matching.query.default-limit=0", "Property matching.query.default-limit with value '0' is "
        + "invalid: must be within [1, matching.query.max-limit (100)]");
    assertFailure(web, "matching.storage.type=jdbc", "Property matching.storage.type with value 'jdbc' is invalid: "
        + "needs matching-jdbc on the class path and a DataSource bean; neither store was configured");
    assertFailure(web, "matching.batch.top-n=0",
        "Property matching.batch.top-n with value 'null' is invalid: topN: must be within [1, 1000], was 0");
    assertFailure(web, "matching.batch.heartbeat-interval=50s", "Property matching.batch.heartbeat-interval with "
        + "value 'null' is invalid: heartbeatInterval: must be at most half of leaseDuration (PT1M), was PT50S");
    assertFailure(web, "matching.batch.schedule-zone=Mars/Olympus", "Failed to bind properties under "
        + "'matching.batch.schedule-zone' to java.time.ZoneId (ZoneRulesException: Unknown time-zone ID: Mars/Olympus)");
    assertFailure(web, "matching.web.max-body-size=huge", "Failed to bind properties under 'matching.web.max-body-size'"
        + " to org.springframework.util.unit.DataSize (IllegalStateException: 'huge' does not match data size pattern)");
    assertFailure(web, "matching.web.cursor-secret=short", "Property matching.web.cursor-secret with value "
        + "'(hidden)' is invalid: must be at least 16 characters, was 5");
    assertFailure(web, "matching.security.failed-authentications-per-minute=-1", "Property "
        + "matching.security.failed-authentications-per-minute with value '-1' is invalid: must be 0 (no throttling) or more");
    assertFailure(web.withPropertyValues("matching.security.enabled=true", "matching.security.keys[0].role=admin"),
        "matching.security.keys[0].hash=bad", "Property matching.security.keys[0].hash with value '(hidden)' is "
        + "invalid: must be sha256:<64 lower-case hex digits> (see ApiKeyTool or the runbook)");
    assertFailure(web, "matching.maintenance.retry-after=0s",
        "Property matching.maintenance.retry-after with value 'PT0S' is invalid: must be positive");
    assertFailure(web, "matching.retention.batch-runs=-1d", "Property matching.retention.batch-runs with value 'null' "
        + "is invalid: batchRuns: must not be negative (0 keeps forever), was PT-24H");
    assertFailure(web, "matching.retention.time=25:00", "Failed to bind properties under 'matching.retention.time' to "
        + "java.time.LocalTime (DateTimeParseException: Text '25:00' could not be parsed at index 5)");
    assertFailure(web, "matching.integrity.sample-size=0", "Property matching.integrity.sample-size with value 'null' "
        + "is invalid: sampleSize: must be within [1, 1000], was 0");
    assertFailure(jdbc.withPropertyValues("matching.batch.lease-duration=20s"), "matching.jdbc.lock-timeout=20s",
        "Property matching.jdbc.lock-timeout with value 'PT20S' is invalid: must be above 0 and shorter than "
        + "matching.batch.lease-duration (PT20S) while the batch is on");
    assertFailure(jdbc, "matching.jdbc.table-prefix=Bad-Prefix", "Property matching.jdbc.table-prefix with value "
        + "'null' is invalid: tablePrefix: must be lower-case letters, digits and underscores, not starting with a "
        + "digit, was \"Bad-Prefix\"");
    ApplicationContextRunner redis = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MatchingRedisAutoConfiguration.class))
        .withPropertyValues("matching.redis.url=redis://127.0.0.1:1");
    assertFailure(redis, "matching.redis.command-timeout=0s",
        "Property matching.redis with value 'matching' is invalid: commandTimeout: must be at least 1 ms, was PT0S");
    assertFailure(redis, "matching.redis.url=::nope",
        "Property matching.redis.url with value '::nope' is invalid: Expected scheme name at index 0: ::nope");
  }

  /** A malformed value stops startup even where the concern that reads it is off, as with a single class. */
  @Test
  void malformedValuesOfConcernsThatAreOffStillStopStartup() {
    assertFailure(web, "matching.web.enabled=maybe", "Failed to bind properties under 'matching.web.enabled' to "
        + "boolean (IllegalArgumentException: Invalid boolean value 'maybe')");
    assertFailure(plain, "matching.batch.enabled=ture", "Failed to bind properties under 'matching.batch.enabled' to "
        + "boolean (IllegalArgumentException: Invalid boolean value 'ture')");
    ApplicationContextRunner noBatch = plain.withPropertyValues("matching.batch.enabled=false");
    assertFailure(noBatch, "matching.batch.top-n=many", "Failed to bind properties under 'matching.batch.top-n' to "
        + "int (NumberFormatException: For input string: \"many\")");
    assertFailure(noBatch, "matching.web.max-bulk-records=many", "Failed to bind properties under "
        + "'matching.web.max-bulk-records' to int (NumberFormatException: For input string: \"many\")");
    assertFailure(noBatch, "matching.security.failed-authentications-per-minute=x", "Failed to bind properties under "
        + "'matching.security.failed-authentications-per-minute' to int (NumberFormatException: For input string: \"x\")");
    assertFailure(noBatch, "matching.maintenance.retry-after=x", "Failed to bind properties under "
        + "'matching.maintenance.retry-after' to java.time.Duration (IllegalArgumentException: 'x' is not a valid duration)");
    assertFailure(noBatch, "matching.query.max-limit=x", "Failed to bind properties under 'matching.query.max-limit' "
        + "to int (NumberFormatException: For input string: \"x\")");
    assertFailure(noBatch, "matching.jdbc.lock-timeout=x", "Failed to bind properties under "
        + "'matching.jdbc.lock-timeout' to java.time.Duration (IllegalArgumentException: 'x' is not a valid duration)");
    assertFailure(noBatch, "matching.redis.command-timeout=x", "Failed to bind properties under "
        + "'matching.redis.command-timeout' to java.time.Duration (IllegalArgumentException: 'x' is not a valid duration)");
  }

  /**
   * The message of the first {@link InvalidConfigurationPropertyValueException} in the startup
   * failure, or of the {@link BindException} with its root cause in brackets.
   */
  private static void assertFailure(AbstractApplicationContextRunner<?, ?, ?> runner, String setting, String expected) {
    runner.withPropertyValues(setting).run(context -> {
      assertThat(context).as(setting).hasFailed();
      String found = null;
      for (Throwable t = context.getStartupFailure(); t != null && found == null; t = t.getCause()) {
        if (t instanceof InvalidConfigurationPropertyValueException e) {
          found = e.getMessage();
        } else if (t instanceof BindException e) {
          Throwable root = e;
          while (root.getCause() != null) {
            root = root.getCause();
          }
          found = e.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
      }
      assertThat(found).as(setting).isEqualTo(expected);
    });
  }
}
