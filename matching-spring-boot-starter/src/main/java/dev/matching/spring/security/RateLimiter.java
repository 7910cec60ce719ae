package dev.matching.spring.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key request rate limits (Bucket4j token buckets held in memory, one per key, so each node
 * limits on its own): a key may make its role's number of requests per minute, refilled
 * gradually. Thread-safe.
 */
public final class RateLimiter {
  private final Map<ApiRole, Integer> perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Limits of each role in requests per minute; a missing role or 0 means unlimited. */
  public RateLimiter(Map<ApiRole, Integer> requestsPerMinute) {
    this.perMinute = new EnumMap<>(ApiRole.class);
    this.perMinute.putAll(requestsPerMinute);
  }

  /**
   * Takes one request from {@code principal}'s allowance: empty when allowed, otherwise the
   * seconds (at least 1) until the next request will be.
   */
  public OptionalLong tryAcquire(ApiPrincipal principal) {
    int limit = perMinute.getOrDefault(principal.role(), 0);
    if (limit <= 0) {
      return OptionalLong.empty();
    }
    Bucket bucket = buckets.computeIfAbsent(principal.name(), name -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
