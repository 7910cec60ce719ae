package dev.matching.spring.security;

import dev.matching.spring.properties.MatchingSecurityProperties;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds {@link ApiKeys} and the rate limits from {@code matching.security.*}, failing startup
 * with the name of the first bad property.
 */
public final class ApiKeysFactory {
  private static final String KEYS = "matching.security.keys";

  private ApiKeysFactory() {}

  /** The configured keys, validated: well-formed unique hashes, known roles, an employer for every client key. */
  public static ApiKeys keys(MatchingSecurityProperties security) {
    List<ApiKeys.Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    List<MatchingSecurityProperties.Key> configured = security.keys();
    for (int i = 0; i < configured.size(); i++) {
      MatchingSecurityProperties.Key key = configured.get(i);
      String prefix = KEYS + "[" + i + "].";
      String hash = key.hash() == null ? "" : key.hash().strip();
      if (!ApiKeys.isWellFormedHash(hash)) {
        throw new InvalidConfigurationPropertyValueException(prefix + "hash", hash.isEmpty() ? "(unset)" : "(hidden)",
            "must be sha256:<64 lower-case hex digits> (see ApiKeyTool or the runbook)");
      }
      if (!hashes.add(hash)) {
        throw new InvalidConfigurationPropertyValueException(prefix + "hash", "(hidden)", "is configured twice");
      }
      ApiRole role = role(prefix + "role", key.role());
      String name = key.name() == null || key.name().isBlank() ? role.label() + "-" + i : key.name().strip();
      if (!names.add(name)) {
        throw new InvalidConfigurationPropertyValueException(prefix + "name", name, "is used by another key");
      }
      String employer = key.employerId() == null || key.employerId().isBlank() ? null : key.employerId().strip();
      if (role == ApiRole.CLIENT && employer == null) {
        throw new InvalidConfigurationPropertyValueException(prefix + "employer-id", "(unset)",
            "is required for a client key");
      }
      entries.add(new ApiKeys.Entry(ApiKeys.digestOf(hash), new ApiPrincipal(name, role,
          role == ApiRole.CLIENT ? employer : null)));
    }
    return new ApiKeys(entries);
  }

  /** Requests per minute by role from {@code matching.security.requests-per-minute}. */
  public static Map<ApiRole, Integer> rateLimits(MatchingSecurityProperties security) {
    Map<ApiRole, Integer> limits = new EnumMap<>(ApiRole.class);
    security.requestsPerMinute().forEach((label, limit) -> {
      String property = "matching.security.requests-per-minute." + label;
      if (limit == null || limit < 0) {
        throw new InvalidConfigurationPropertyValueException(property, limit, "must be 0 (unlimited) or more");
      }
      limits.put(role(property, label), limit);
    });
    return limits;
  }

  private static ApiRole role(String property, @Nullable String label) {
    if (label == null || label.isBlank()) {
      throw new InvalidConfigurationPropertyValueException(property, "(unset)", "must be admin, operator or client");
    }
    try {
      return ApiRole.of(label);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationPropertyValueException(property, label, "must be admin, operator or client");
    }
  }
}
