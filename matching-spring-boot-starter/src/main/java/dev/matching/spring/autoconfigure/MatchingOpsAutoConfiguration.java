package dev.matching.spring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.ops.AdminController;
import dev.matching.spring.ops.AuditFilter;
import dev.matching.spring.ops.DataLifecycle;
import dev.matching.spring.ops.DatabasePool;
import dev.matching.spring.ops.HealthController;
import dev.matching.spring.ops.HikariDatabasePool;
import dev.matching.spring.ops.LifecycleController;
import dev.matching.spring.ops.MaintenanceAwareReadinessIndicator;
import dev.matching.spring.ops.MaintenanceFilter;
import dev.matching.spring.ops.MaintenanceMode;
import dev.matching.spring.properties.MatchingMaintenanceProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Operations of the service in a servlet web application: maintenance mode
 * ({@code matching.maintenance.*}), the public {@code GET /health}, AUDIT events of every API
 * write, and, with security on, the admin endpoints (maintenance switch, system information,
 * personal-data erasure, retention run, integrity check). The admin endpoints are never served without security.
 * Binds {@code matching.maintenance.*}.
 */
@AutoConfiguration(after = {MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class,
    MatchingSecurityAutoConfiguration.class, MatchingLifecycleAutoConfiguration.class},
    afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration"},
    beforeName = "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "matching.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MatchingMaintenanceProperties.class)
public class MatchingOpsAutoConfiguration {

  /** Maintenance mode, on at start with {@code matching.maintenance.enabled}. */
  @Bean
  @ConditionalOnMissingBean
  public MaintenanceMode matchingMaintenanceMode(MatchingMaintenanceProperties config, ApplicationEventPublisher events,
      Clock clock) {
    if (config.retryAfter().isNegative() || config.retryAfter().isZero()) {
      throw new InvalidConfigurationPropertyValueException("matching.maintenance.retry-after", config.retryAfter(),
          "must be positive");
    }
    return new MaintenanceMode(config.enabled(), config.retryAfter(), events, clock);
  }

  /** 503 for API writes during maintenance. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingMaintenanceFilter")
  public FilterRegistrationBean<MaintenanceFilter> matchingMaintenanceFilter(MaintenanceMode maintenance) {
    return FilterRegistrations.onTheApi(new MaintenanceFilter(maintenance), MatchingWebAutoConfiguration.ORDER_MAINTENANCE);
  }

  /** AUDIT events of API writes. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingAuditFilter")
  public FilterRegistrationBean<AuditFilter> matchingAuditFilter() {
    return FilterRegistrations.onTheApi(new AuditFilter(), MatchingWebAutoConfiguration.ORDER_AUDIT);
  }

  /** {@code GET /health}. */
  @Bean
  @ConditionalOnMissingBean
  public HealthController matchingHealthController(MaintenanceMode maintenance,
      ObjectProvider<ApplicationAvailability> availability) {
    return new HealthController(maintenance, availability.getIfAvailable());
  }

  /** The admin endpoints, only behind API-key security. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "matching.security.enabled")
  public AdminController matchingAdminController(MatchingEngine engine, MatchResultStore results,
      MaintenanceMode maintenance, ObjectProvider<MatchingBatch> batch, ObjectProvider<DatabasePool> databasePool,
      Clock clock) {
    return new AdminController(engine, results, maintenance, batch.getIfAvailable(), databasePool.getIfAvailable(),
        clock);
  }

  /** The data lifecycle admin endpoints (retention run, integrity check), only behind API-key security. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "matching.security.enabled")
  @ConditionalOnBean(DataLifecycle.class)
  public LifecycleController matchingLifecycleController(DataLifecycle lifecycle) {
    return new LifecycleController(lifecycle);
  }

  /** The readiness probe refuses traffic during maintenance (replaces Boot's readinessState indicator). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ReadinessStateHealthIndicator.class)
  @ConditionalOnBean(ApplicationAvailability.class)
  static class MaintenanceReadiness {
    @Bean
    @ConditionalOnMissingBean(name = "readinessStateHealthIndicator")
    ReadinessStateHealthIndicator readinessStateHealthIndicator(ApplicationAvailability availability,
        MaintenanceMode maintenance) {
      return new MaintenanceAwareReadinessIndicator(availability, maintenance);
    }
  }

  /** Pool figures of a HikariCP data source for the system information. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HikariDataSource.class)
  @ConditionalOnBean(DataSource.class)
  static class HikariPool {
    @Bean
    @ConditionalOnMissingBean
    DatabasePool matchingDatabasePool(DataSource dataSource) {
      return new HikariDatabasePool(dataSource);
    }
  }
}
