package dev.matching.redis;

import java.time.Duration;

/**
 * A held lease from {@link RedisLeases}. Immutable and thread-safe.
 *
 * <p>{@link #fencingToken()} grows with every acquisition of the same name: pass it to the
 * protected resource with every write, and let the resource refuse a token lower than the highest
 * it has seen. That, not the lease alone, is what stops a holder that was paused past its expiry
 * from overwriting the work of the next holder.
 */
public final class Lease {

  private final String name;
  private final String owner;
  private final long fencingToken;
  private final long validUntilNanos;

  Lease(String name, String owner, long fencingToken, long validUntilNanos) {
    this.name = name;
    this.owner = owner;
    this.fencingToken = fencingToken;
    this.validUntilNanos = validUntilNanos;
  }

  /** The lease name. */
  public String name() {
    return name;
  }

  /** The random value that identifies this holder in Redis. */
  public String owner() {
    return owner;
  }

  /** The fencing token of this acquisition; larger than every earlier one of the same name. */
  public long fencingToken() {
    return fencingToken;
  }

  /**
   * A conservative local estimate of the time left: the TTL counted from before the request was
   * sent, on this process's monotonic clock; zero when it has passed. Redis may drop the lease
   * slightly later, never earlier, unless the two clocks run at different rates.
   */
  public Duration remaining() {
    long left = validUntilNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Whether {@link #remaining()} is zero. */
  public boolean isExpired() {
    return validUntilNanos - System.nanoTime() <= 0;
  }

  /** The same lease, valid until {@code validUntilNanos} ({@link System#nanoTime()} based). */
  Lease renewedUntil(long validUntilNanos) {
    return new Lease(name, owner, fencingToken, validUntilNanos);
  }

  @Override
  public String toString() {
    return "Lease[name=" + name + ", fencingToken=" + fencingToken + ", remaining=" + remaining() + "]";
  }
}
