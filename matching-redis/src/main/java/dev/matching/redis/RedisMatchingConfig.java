package dev.matching.redis;

import dev.matching.model.internal.Checks;
import java.time.Duration;

/**
 * Settings of the Redis adapters. Immutable and thread-safe; build one with {@link #custom()},
 * for example {@code RedisMatchingConfig.custom().keyPrefix("matching").commandTimeout(Duration.ofSeconds(2)).build()}.
 *
 * @see RedisMatching
 */
public final class RedisMatchingConfig {

  private final String keyPrefix;
  private final Duration commandTimeout;
  private final Duration resultTtl;
  private final long eventStreamMaxLength;
  private final Duration eventCheckInterval;
  private final int eraseScanBatch;

  private RedisMatchingConfig(Builder builder) {
    this.keyPrefix = builder.keyPrefix;
    this.commandTimeout = builder.commandTimeout;
    this.resultTtl = builder.resultTtl;
    this.eventStreamMaxLength = builder.eventStreamMaxLength;
    this.eventCheckInterval = builder.eventCheckInterval;
    this.eraseScanBatch = builder.eraseScanBatch;
  }

  /** A builder holding the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** The defaults: prefix {@code matching}, 2 s command timeout, 3 days result TTL. */
  public static RedisMatchingConfig ofDefaults() {
    return custom().build();
  }

  /** Prefix of every key and channel, followed by {@code ':'}; default {@code matching}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Longest wait for one Redis command (a Lua script counts as one); past it the call fails with
   * a {@link dev.matching.spi.StorageException}. Default 2 s.
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * How long a generation of match lists that is not published stays in Redis after its last
   * write or after it stopped being the published one; the published generation never expires.
   * Default 3 days.
   */
  public Duration resultTtl() {
    return resultTtl;
  }

  /**
   * Approximate number of change events kept in the stream from which a subscriber that missed
   * Pub/Sub messages catches up; default 100,000.
   */
  public long eventStreamMaxLength() {
    return eventStreamMaxLength;
  }

  /**
   * How often an idle subscriber compares its last sequence with the server's, so a missed event
   * is noticed even when no later event arrives; default 5 s.
   */
  public Duration eventCheckInterval() {
    return eventCheckInterval;
  }

  /** Lists examined per Redis call while erasing an id; default 500. */
  public int eraseScanBatch() {
    return eraseScanBatch;
  }

  @Override
  public String toString() {
    return "RedisMatchingConfig[keyPrefix=" + keyPrefix + ", commandTimeout=" + commandTimeout
        + ", resultTtl=" + resultTtl + ", eventStreamMaxLength=" + eventStreamMaxLength
        + ", eventCheckInterval=" + eventCheckInterval + ", eraseScanBatch=" + eraseScanBatch + "]";
  }

  /** Mutable builder of {@link RedisMatchingConfig}; not thread-safe. */
  public static final class Builder {
    private String keyPrefix = "matching";
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Duration resultTtl = Duration.ofDays(3);
    private long eventStreamMaxLength = 100_000;
    private Duration eventCheckInterval = Duration.ofSeconds(5);
    private int eraseScanBatch = 500;

    private Builder() {}

    /** See {@link RedisMatchingConfig#keyPrefix()}; a valid id without {@code ':'} at its end. */
    public Builder keyPrefix(String keyPrefix) {
      Checks.id(keyPrefix, "keyPrefix");
      if (keyPrefix.endsWith(":")) {
        throw Checks.fail("keyPrefix", "must not end with ':', was " + keyPrefix);
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /** See {@link RedisMatchingConfig#commandTimeout()}; at least 1 ms. */
    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = positiveMillis(commandTimeout, "commandTimeout");
      return this;
    }

    /** See {@link RedisMatchingConfig#resultTtl()}; at least 1 s. */
    public Builder resultTtl(Duration resultTtl) {
      Checks.required(resultTtl, "resultTtl");
      if (resultTtl.compareTo(Duration.ofSeconds(1)) < 0) {
        throw Checks.fail("resultTtl", "must be at least 1 s, was " + resultTtl);
      }
      this.resultTtl = resultTtl;
      return this;
    }

    /** See {@link RedisMatchingConfig#eventStreamMaxLength()}; at least 1. */
    public Builder eventStreamMaxLength(long eventStreamMaxLength) {
      if (eventStreamMaxLength < 1) {
        throw Checks.fail("eventStreamMaxLength", "must be at least 1, was " + eventStreamMaxLength);
      }
      this.eventStreamMaxLength = eventStreamMaxLength;
      return this;
    }

    /** See {@link RedisMatchingConfig#eventCheckInterval()}; at least 1 ms. */
    public Builder eventCheckInterval(Duration eventCheckInterval) {
      this.eventCheckInterval = positiveMillis(eventCheckInterval, "eventCheckInterval");
      return this;
    }

    /** See {@link RedisMatchingConfig#eraseScanBatch()}; within [1, 100000]. */
    public Builder eraseScanBatch(int eraseScanBatch) {
      this.eraseScanBatch = Checks.intIn(eraseScanBatch, 1, 100_000, "eraseScanBatch");
      return this;
    }

    /** The immutable configuration. */
    public RedisMatchingConfig build() {
      return new RedisMatchingConfig(this);
    }

    private static Duration positiveMillis(Duration value, String field) {
      Checks.required(value, field);
      if (value.toMillis() < 1) {
        throw Checks.fail(field, "must be at least 1 ms, was " + value);
      }
      return value;
    }
  }
}
