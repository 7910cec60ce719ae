package dev.matching.spring.autoconfigure;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code matching.storage.type} is {@code memory}. */
class OnStorageNotMemory extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String type = context.getEnvironment().getProperty("matching.storage.type", "auto");
    return "memory".equals(type.trim().toLowerCase(Locale.ROOT))
        ? ConditionOutcome.noMatch("matching.storage.type is memory")
        : ConditionOutcome.match("matching.storage.type is " + type);
  }
}
