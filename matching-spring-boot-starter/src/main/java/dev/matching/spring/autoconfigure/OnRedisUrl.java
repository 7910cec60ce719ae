package dev.matching.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code matching.redis.url} is set and not blank (profiles may set it empty). */
class OnRedisUrl extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String url = context.getEnvironment().getProperty("matching.redis.url", "");
    return url.isBlank()
        ? ConditionOutcome.noMatch("matching.redis.url is not set")
        : ConditionOutcome.match("matching.redis.url is set");
  }
}
