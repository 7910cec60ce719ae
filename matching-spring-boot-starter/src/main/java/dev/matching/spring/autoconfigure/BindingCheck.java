package dev.matching.spring.autoconfigure;

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
import dev.matching.spring.properties.MatchingTaskProperties;
import dev.matching.spring.properties.MatchingWebProperties;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;

/**
 * Binds every {@code matching.*} prefix once at startup, also those whose auto-configuration is
 * off (the web layer, security, the batch, JDBC, Redis), and discards the result. Each properties
 * bean is bound by the auto-configuration of its concern, so without this a malformed value of a
 * concern that is off would go unnoticed, and a misspelt {@code matching.web.enabled} or
 * {@code matching.batch.enabled} would switch its concern off quietly; with it, such a value stops
 * the application with the same {@link BindException} as when one class held every property.
 */
final class BindingCheck {
  /** Every properties class of the starter. */
  static final List<Class<?>> TYPES = List.of(MatchingTaskProperties.class, MatchingPolicyProperties.class,
      MatchingIndexProperties.class, MatchingQueryProperties.class, MatchingStorageProperties.class,
      MatchingBatchProperties.class, MatchingWebProperties.class, MatchingJdbcProperties.class,
      MatchingRedisProperties.class, MatchingSecurityProperties.class, MatchingMaintenanceProperties.class,
      MatchingRetentionProperties.class, MatchingIntegrityProperties.class);

  private BindingCheck() {}

  /** @throws BindException for the first value that does not bind */
  static void bindAll(Environment environment) {
    Binder binder = Binder.get(environment);
    for (Class<?> type : TYPES) {
      String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
      binder.bind(prefix, Bindable.of(type));
    }
  }
}
