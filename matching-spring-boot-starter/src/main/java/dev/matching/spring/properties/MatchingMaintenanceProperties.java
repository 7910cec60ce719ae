package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Maintenance mode, under {@code matching.maintenance.*}: reads keep working, writes get 503,
 * readiness refuses traffic. Bound by {@code MatchingOpsAutoConfiguration}; the defaults are the
 * starter's own. An immutable record, bound through its constructor, so safe to share between
 * threads.
 *
 * @param enabled Whether the service starts in maintenance mode.
 * @param retryAfter Retry-After sent with the 503 answers to writes during maintenance.
 */
@ConfigurationProperties(prefix = "matching.maintenance")
public record MatchingMaintenanceProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("5m") Duration retryAfter) {}
