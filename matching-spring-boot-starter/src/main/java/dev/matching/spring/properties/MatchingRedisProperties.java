package dev.matching.spring.properties;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis for the batch's stored results, through matching-redis, under {@code matching.redis.*}.
 * Bound by {@code MatchingRedisAutoConfiguration}. The defaults of the key prefix, command
 * timeout and result TTL are matching-redis's {@code RedisMatchingConfig.ofDefaults()} (checked by
 * a test). An immutable record, bound through its constructor, so safe to share between threads.
 *
 * @param url Redis URL such as redis://127.0.0.1:6379/0; Redis is not used when unset.
 * @param keyPrefix Prefix of every key.
 * @param commandTimeout Longest wait for any Redis command; calls fail fast with a StorageException after it.
 * @param resultTtl How long a superseded or unpublished result generation is kept.
 * @param indexSync Whether writes are announced to other nodes through Redis so their indexes refresh at once.
 */
@ConfigurationProperties(prefix = "matching.redis")
public record MatchingRedisProperties(
    @Nullable String url,
    @DefaultValue("matching") String keyPrefix,
    @DefaultValue("2s") Duration commandTimeout,
    @DefaultValue("3d") Duration resultTtl,
    @DefaultValue("true") boolean indexSync) {}
