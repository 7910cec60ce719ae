package dev.matching.spring.properties;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis for the batch's stored results, through matching-redis, under {@code matching.redis.*}.
 * Bound by {@code MatchingRedisAutoConfiguration}. The defaults of the key prefix, command
 * timeout and result TTL are matching-redis's {@code RedisMatchingConfig.ofDefaults()} (checked by
 * a test).
 */
@ConfigurationProperties(prefix = "matching.redis")
public class MatchingRedisProperties {
  /** Redis URL such as redis://127.0.0.1:6379/0; Redis is not used when unset. */
  private @Nullable String url;
  /** Prefix of every key. */
  private String keyPrefix = "matching";
  /** Longest wait for any Redis command; calls fail fast with a StorageException after it. */
  private Duration commandTimeout = Duration.ofSeconds(2);
  /** How long a superseded or unpublished result generation is kept. */
  private Duration resultTtl = Duration.ofDays(3);
  /** Whether writes are announced to other nodes through Redis so their indexes refresh at once. */
  private boolean indexSync = true;

  public boolean isIndexSync() {
    return indexSync;
  }

  public void setIndexSync(boolean indexSync) {
    this.indexSync = indexSync;
  }

  public @Nullable String getUrl() {
    return url;
  }

  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  public Duration getCommandTimeout() {
    return commandTimeout;
  }

  public void setCommandTimeout(Duration commandTimeout) {
    this.commandTimeout = commandTimeout;
  }

  public Duration getResultTtl() {
    return resultTtl;
  }

  public void setResultTtl(Duration resultTtl) {
    this.resultTtl = resultTtl;
  }
}
