/**
 * Redis adapters for matching, built on Lettuce: {@link dev.matching.redis.RedisMatchResultStore}
 * (published match lists), {@link dev.matching.redis.RedisChangeEvents} (index change events over
 * Pub/Sub with gap detection through a Stream). {@link dev.matching.redis.RedisMatching} opens both from one
 * {@link dev.matching.redis.RedisMatchingConfig}.
 *
 * <p>Every Redis command is bounded by {@link dev.matching.redis.RedisMatchingConfig#commandTimeout()};
 * a command that fails, times out or is rejected while disconnected surfaces as a
 * {@link dev.matching.spi.StorageException} with the Lettuce exception as its cause. Single Redis
 * instance (or a primary with replicas behind Sentinel) only: the Lua scripts touch keys they
 * compute, which Redis Cluster does not allow. The design is described in {@code docs/redis.md}.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.redis;

import org.jspecify.annotations.NullMarked;
