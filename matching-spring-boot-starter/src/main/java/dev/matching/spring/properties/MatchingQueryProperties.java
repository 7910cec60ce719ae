package dev.matching.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Query limits of the REST API, under {@code matching.query.*}. Bound by {@code MatchingWebAutoConfiguration}. */
@ConfigurationProperties(prefix = "matching.query")
public class MatchingQueryProperties {
  /** Page size when a request names none. */
  private int defaultLimit = 20;
  /** Largest page size a request may ask for (at most 1000). */
  private int maxLimit = 100;

  public int getDefaultLimit() {
    return defaultLimit;
  }

  public void setDefaultLimit(int defaultLimit) {
    this.defaultLimit = defaultLimit;
  }

  public int getMaxLimit() {
    return maxLimit;
  }

  public void setMaxLimit(int maxLimit) {
    this.maxLimit = maxLimit;
  }
}
