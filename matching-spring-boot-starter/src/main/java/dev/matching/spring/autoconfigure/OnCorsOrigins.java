package dev.matching.spring.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code matching.web.cors.allowed-origins} names at least one origin (list or comma-separated). */
class OnCorsOrigins extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    List<String> origins = Binder.get(context.getEnvironment())
        .bind("matching.web.cors.allowed-origins", Bindable.listOf(String.class)).orElse(List.of());
    return origins.stream().anyMatch(origin -> !origin.isBlank())
        ? ConditionOutcome.match("matching.web.cors.allowed-origins is set")
        : ConditionOutcome.noMatch("matching.web.cors.allowed-origins is empty");
  }
}
