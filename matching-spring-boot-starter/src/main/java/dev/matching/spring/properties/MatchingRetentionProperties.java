package dev.matching.spring.properties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention of stored data, under {@code matching.retention.*}. An age of 0 keeps that kind
 * forever. The run is idempotent, so scheduling it on every node is harmless. Bound by
 * {@code MatchingLifecycleAutoConfiguration}. The default ages are core's
 * {@code RetentionPolicy.ofDefaults()} (checked by a test).
 */
@ConfigurationProperties(prefix = "matching.retention")
public class MatchingRetentionProperties {
  /** Whether the retention task runs daily on this node (it can always be run by the admin endpoint). */
  private boolean enabled = false;
  /** Local time of the daily retention run. */
  private LocalTime time = LocalTime.of(4, 0);
  /** Zone the retention time is read in. */
  private ZoneId zone = ZoneId.of("Asia/Tokyo");
  /** Age after which finished batch runs are deleted (0: never). */
  private Duration batchRuns = Duration.ofDays(365);
  /** Age after which stored match lists are deleted, the published generation's included (0: never). */
  private Duration matchResults = Duration.ofDays(30);
  /** Inactivity (time since the last write) after which a worker's personal data is erased (0: never). */
  private Duration inactiveWorkers = Duration.ofDays(1095);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public LocalTime getTime() {
    return time;
  }

  public void setTime(LocalTime time) {
    this.time = time;
  }

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public Duration getBatchRuns() {
    return batchRuns;
  }

  public void setBatchRuns(Duration batchRuns) {
    this.batchRuns = batchRuns;
  }

  public Duration getMatchResults() {
    return matchResults;
  }

  public void setMatchResults(Duration matchResults) {
    this.matchResults = matchResults;
  }

  public Duration getInactiveWorkers() {
    return inactiveWorkers;
  }

  public void setInactiveWorkers(Duration inactiveWorkers) {
    this.inactiveWorkers = inactiveWorkers;
  }
}
