package dev.matching.spring.properties;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The REST API, under {@code matching.web.*} (cross-origin access under
 * {@code matching.web.cors.*}). Bound by {@code MatchingWebAutoConfiguration}.
 */
@ConfigurationProperties(prefix = "matching.web")
public class MatchingWebProperties {
  /** Whether the REST API is served (in a web application). */
  private boolean enabled = true;
  /** Most records one bulk import request may carry. */
  private int maxBulkRecords = 10_000;
  /** Largest request body accepted; larger ones are answered with 413. */
  private DataSize maxBodySize = DataSize.ofMegabytes(10);
  /** Whether JSON bodies with properties the API does not know are rejected (400). */
  private boolean rejectUnknownProperties = true;
  /**
   * Whether stored recommendations are ranked live when the result store fails (Redis down):
   * the service degrades instead of answering 503.
   */
  private boolean recommendationsLiveFallback = true;
  /** Cross-origin access to the API. */
  private final Cors cors = new Cors();
  /**
   * Secret (at least 16 characters, the same on every node) from which the key sealing paging
   * cursors is derived. When unset, a random key per process: cursors then do not survive a
   * restart and are not accepted by other nodes.
   */
  private @Nullable String cursorSecret;

  public @Nullable String getCursorSecret() {
    return cursorSecret;
  }

  public void setCursorSecret(@Nullable String cursorSecret) {
    this.cursorSecret = cursorSecret;
  }

  public boolean isRecommendationsLiveFallback() {
    return recommendationsLiveFallback;
  }

  public void setRecommendationsLiveFallback(boolean recommendationsLiveFallback) {
    this.recommendationsLiveFallback = recommendationsLiveFallback;
  }

  public Cors getCors() {
    return cors;
  }

  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  public boolean isRejectUnknownProperties() {
    return rejectUnknownProperties;
  }

  public void setRejectUnknownProperties(boolean rejectUnknownProperties) {
    this.rejectUnknownProperties = rejectUnknownProperties;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getMaxBulkRecords() {
    return maxBulkRecords;
  }

  public void setMaxBulkRecords(int maxBulkRecords) {
    this.maxBulkRecords = maxBulkRecords;
  }

  /** Cross-origin resource sharing for browsers calling /api from other origins. */
  public static class Cors {
    /** Origins allowed to call the API from a browser (e.g. https://app.example.com); none when empty. */
    private List<String> allowedOrigins = new ArrayList<>();

    public List<String> getAllowedOrigins() {
      return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
      this.allowedOrigins = allowedOrigins;
    }
  }
}
