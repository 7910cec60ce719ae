package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-memory indexes, under {@code matching.index.*}. Bound by
 * {@code MatchingAutoConfiguration}. The availability window's default is core's
 * {@code WorkerIndex.DEFAULT_WINDOW} (checked by a test).
 */
@ConfigurationProperties(prefix = "matching.index")
public class MatchingIndexProperties {
  /** How far ahead worker availabilities are pre-expanded for fast pruning. */
  private Duration availabilityWindow = Duration.ofDays(62);
  /** How often the indexes apply changes other nodes wrote to the shared store; 0 disables. */
  private Duration refreshInterval = Duration.ofSeconds(1);

  public Duration getAvailabilityWindow() {
    return availabilityWindow;
  }

  public void setAvailabilityWindow(Duration availabilityWindow) {
    this.availabilityWindow = availabilityWindow;
  }

  public Duration getRefreshInterval() {
    return refreshInterval;
  }

  public void setRefreshInterval(Duration refreshInterval) {
    this.refreshInterval = refreshInterval;
  }
}
