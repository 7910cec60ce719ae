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

  /** {@code tablePrefix} to {@code table-prefix}: a core field name as a property name. */
  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  static <T> T build(String property, @Nullable Object value, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
    }
  }
}
