package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Maintenance mode, under {@code matching.maintenance.*}: reads keep working, writes get 503,
 * readiness refuses traffic. Bound by {@code MatchingOpsAutoConfiguration}.
 */
@ConfigurationProperties(prefix = "matching.maintenance")
public class MatchingMaintenanceProperties {
  /** Whether the service starts in maintenance mode. */
  private boolean enabled = false;
  /** Retry-After sent with the 503 answers to writes during maintenance. */
  private Duration retryAfter = Duration.ofMinutes(5);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Duration getRetryAfter() {
    return retryAfter;
  }

  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }
}
