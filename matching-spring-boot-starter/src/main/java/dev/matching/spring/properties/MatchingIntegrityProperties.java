package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The data integrity check, under {@code matching.integrity.*}. Bound by
 * {@code MatchingLifecycleAutoConfiguration}. The defaults are core's
 * {@code IntegrityCheckConfig.ofDefaults()} (checked by a test).
 */
@ConfigurationProperties(prefix = "matching.integrity")
public class MatchingIntegrityProperties {
  /** How many ids each finding of the report lists as its sample (the count is always complete). */
  private int sampleSize = 20;
  /** How long an active batch run may go without a live partition lease before it is reported as stalled. */
  private Duration stalledAfter = Duration.ofHours(1);

  public int getSampleSize() {
    return sampleSize;
  }

  public void setSampleSize(int sampleSize) {
    this.sampleSize = sampleSize;
  }

  public Duration getStalledAfter() {
    return stalledAfter;
  }

  public void setStalledAfter(Duration stalledAfter) {
    this.stalledAfter = stalledAfter;
  }
}
