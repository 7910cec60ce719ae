package dev.matching.spring.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down key guessing: each remote address may fail authentication (a malformed or unknown
 * key) a number of times per minute, refilled gradually (a Bucket4j token bucket per address,
 * in memory, so each node counts on its own). Once an address has used up its failures, every
 * request from it that presents a key is refused with 429 before the key is looked at, so a
 * guess can no longer be told from a hit. At most {@code maxAddresses} addresses are tracked;
 * fully refilled ones are forgotten first. Thread-safe.
 */
public final class FailedAuthenticationThrottle {
  private final int perMinute;
  private final int maxAddresses;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * A throttle allowing {@code failuresPerMinute} failures per address (0: no throttling),
   * tracking at most {@code maxAddresses} addresses.
   */
  public FailedAuthenticationThrottle(int failuresPerMinute, int maxAddresses) {
    if (failuresPerMinute < 0 || maxAddresses < 1) {
      throw new IllegalArgumentException("failuresPerMinute must be >= 0 and maxAddresses >= 1");
    }
    this.perMinute = failuresPerMinute;
    this.maxAddresses = maxAddresses;
  }

  /** Empty when {@code address} may try a key; otherwise the seconds (at least 1) until it may. */
  public OptionalLong retryAfter(String address) {
    Bucket bucket = perMinute == 0 ? null : buckets.get(address);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return OptionalLong.empty();
    }
    long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  /** Counts one failed authentication of {@code address}. */
  public void recordFailure(String address) {
    if (perMinute == 0) {
      return;
    }
    if (buckets.size() >= maxAddresses) {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
      if (buckets.size() >= maxAddresses && !buckets.containsKey(address)) {
        return;
      }
    }
    buckets.computeIfAbsent(address, a -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build()).tryConsume(1);
  }
}
