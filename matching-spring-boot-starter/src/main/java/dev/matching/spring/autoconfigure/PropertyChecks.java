package dev.matching.spring.autoconfigure;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the core's {@link IllegalArgumentException}s about a configured value into Boot's
 * {@link InvalidConfigurationPropertyValueException}, so startup fails with a report naming the
 * property, its value and the reason.
 */
final class PropertyChecks {
  private PropertyChecks() {}

  static <T> T build(String property, @Nullable Object value, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
    }
  }
}
