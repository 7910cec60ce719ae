package dev.matching.spring.properties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-key authentication, role checks and per-key rate limits of the REST API, under
 * {@code matching.security.*}. Bound by {@code MatchingSecurityAutoConfiguration}, which checks
 * the keys and limits ({@code ApiKeysFactory}); the defaults are the starter's own. An immutable
 * record, bound through its constructor, so safe to share between threads: the lists and maps it
 * holds are unmodifiable copies.
 *
 * @param enabled Whether every /api request needs an API key ({@code Authorization: Bearer <key>}).
 * @param keys The accepted keys, each stored as a hash with its role.
 * @param requestsPerMinute Requests per minute allowed to one key, by role (client, operator, admin); 0 means
 *     unlimited.
 * @param failedAuthenticationsPerMinute Failed authentications (malformed or unknown keys) allowed per minute
 *     from one remote address; past it, requests from that address that present a key get 429. 0 turns the
 *     throttle off.
 */
@ConfigurationProperties(prefix = "matching.security")
public record MatchingSecurityProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue List<Key> keys,
    @DefaultValue Map<String, Integer> requestsPerMinute,
    @DefaultValue("10") int failedAuthenticationsPerMinute) {

  /**
   * The requests per minute of a role whose {@code requests-per-minute} is not set: 600 for
   * client keys, 1200 for operator and admin keys.
   */
  public static final Map<String, Integer> DEFAULT_REQUESTS_PER_MINUTE = Map.of(
      "client", 600, "operator", 1200, "admin", 1200);

  /**
   * Copies the keys, and merges the rate limits that are set into
   * {@link #DEFAULT_REQUESTS_PER_MINUTE} (setting one role's limit keeps the other roles'
   * defaults, as binding into a map always did).
   */
  public MatchingSecurityProperties {
    keys = Collections.unmodifiableList(new ArrayList<>(keys));
    Map<String, Integer> limits = new LinkedHashMap<>(DEFAULT_REQUESTS_PER_MINUTE);
    limits.putAll(requestsPerMinute);
    requestsPerMinute = Collections.unmodifiableMap(limits);
  }

  /**
   * One API key: its hash, never the key itself. Checked when the keys are built
   * ({@code ApiKeysFactory}), which names the first bad property.
   *
   * @param name Name of the key in logs and audit records (who is calling).
   * @param hash {@code sha256:<64 hex digits>} of the key.
   * @param role admin, operator or client.
   * @param employerId The employer a client key acts for; required for client keys.
   */
  public record Key(@Nullable String name, @Nullable String hash, @Nullable String role,
      @Nullable String employerId) {}
}
