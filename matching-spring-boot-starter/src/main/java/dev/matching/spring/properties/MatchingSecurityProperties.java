package dev.matching.spring.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API-key authentication, role checks and per-key rate limits of the REST API, under
 * {@code matching.security.*}. Bound by {@code MatchingSecurityAutoConfiguration}.
 */
@ConfigurationProperties(prefix = "matching.security")
public class MatchingSecurityProperties {
  /** Whether every /api request needs an API key ({@code Authorization: Bearer <key>}). */
  private boolean enabled = false;
  /** The accepted keys, each stored as a hash with its role. */
  private List<Key> keys = new ArrayList<>();
  /** Requests per minute allowed to one key, by role (client, operator, admin); 0 means unlimited. */
  private Map<String, Integer> requestsPerMinute = new LinkedHashMap<>(
      Map.of("client", 600, "operator", 1200, "admin", 1200));
  /**
   * Failed authentications (malformed or unknown keys) allowed per minute from one remote
   * address; past it, requests from that address that present a key get 429. 0 turns the
   * throttle off.
   */
  private int failedAuthenticationsPerMinute = 10;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<Key> getKeys() {
    return keys;
  }

  public void setKeys(List<Key> keys) {
    this.keys = keys;
  }

  public Map<String, Integer> getRequestsPerMinute() {
    return requestsPerMinute;
  }

  public void setRequestsPerMinute(Map<String, Integer> requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  public int getFailedAuthenticationsPerMinute() {
    return failedAuthenticationsPerMinute;
  }

  public void setFailedAuthenticationsPerMinute(int failedAuthenticationsPerMinute) {
    this.failedAuthenticationsPerMinute = failedAuthenticationsPerMinute;
  }

  /** One API key: its hash, never the key itself. */
  public static class Key {
    /** Name of the key in logs and audit records (who is calling). */
    private @Nullable String name;
    /** {@code sha256:<64 hex digits>} of the key. */
    private @Nullable String hash;
    /** admin, operator or client. */
    private @Nullable String role;
    /** The employer a client key acts for; required for client keys. */
    private @Nullable String employerId;

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable String getHash() {
      return hash;
    }

    public void setHash(@Nullable String hash) {
      this.hash = hash;
    }

    public @Nullable String getRole() {
      return role;
    }

    public void setRole(@Nullable String role) {
      this.role = role;
    }

    public @Nullable String getEmployerId() {
      return employerId;
    }

    public void setEmployerId(@Nullable String employerId) {
      this.employerId = employerId;
    }
  }
}
