package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.redis.RedisIndexSync;
import dev.matching.redis.RedisMatching;
import dev.matching.redis.RedisMatchingConfig;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.properties.MatchingRedisProperties;
import io.lettuce.core.RedisURI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Redis for the batch's stored results, through matching-redis, when it is on the class path
 * and {@code matching.redis.url} is set (not blank): lists are written per partition and published per
 * generation atomically, and every call fails fast after {@code matching.redis.command-timeout};
 * and index sync between nodes through change events. Binds {@code matching.redis.*}.
 */
@AutoConfiguration(before = {MatchingJdbcAutoConfiguration.class, MatchingAutoConfiguration.class})
@ConditionalOnClass(RedisMatching.class)
@Conditional(OnRedisUrl.class)
@EnableConfigurationProperties(MatchingRedisProperties.class)
public class MatchingRedisAutoConfiguration {

  /** The connection, closed with the application. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public RedisMatching matchingRedis(MatchingRedisProperties p) {
    RedisMatchingConfig config = PropertyChecks.build("matching.redis", p.keyPrefix(), () -> RedisMatchingConfig.custom()
        .keyPrefix(p.keyPrefix()).commandTimeout(p.commandTimeout()).resultTtl(p.resultTtl()).build());
    RedisURI uri = PropertyChecks.build("matching.redis.url", p.url(), () -> RedisURI.create(p.url()));
    return RedisMatching.connect(uri, config);
  }

  /**
   * Index sync between nodes through Redis change events: this node's writes wake the others,
   * which refresh from the shared store at once ({@code matching.redis.index-sync}, on by default).
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "matching.redis.index-sync", matchIfMissing = true)
  public RedisIndexSync matchingRedisIndexSync(RedisMatching redis, MatchingEngine engine) {
    return RedisIndexSync.start(engine, redis.changeEvents());
  }

  /** Batch results in Redis. */
  @Bean
  @ConditionalOnMissingBean
  public MatchResultStore matchingResultStore(RedisMatching redis) {
    return redis.resultStore();
  }
}
