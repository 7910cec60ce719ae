package dev.matching.spring.autoconfigure;

import dev.matching.model.InvalidArgumentException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the core's refusals of a configured value into Boot's
 * {@link InvalidConfigurationPropertyValueException}, so startup fails with a report naming the
 * property, its value and the reason. The property is known up front ({@link #build}), or read from
 * the {@link InvalidArgumentException#field()} of a core configuration builder ({@link #checked}).
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

  /**
   * Builds a core configuration whose refusal names a field of it: the property is {@code prefix}
   * followed by the field in kebab case ({@code leaseDuration} under {@code matching.batch.} is
   * {@code matching.batch.lease-duration}).
   */
  static <T> T checked(String prefix, Supplier<T> build) {
    return checked(prefix, field -> prefix + kebab(field), build);
  }

  /** As {@link #checked(String, Supplier)}, with {@code property} naming the property of a refused field. */
  static <T> T checked(String prefix, Function<String, String> property, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidArgumentException e) {
      throw new InvalidConfigurationPropertyValueException(property.apply(e.field()), null, e.getMessage());
    } catch (IllegalArgumentException e) {
      String group = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
      throw new InvalidConfigurationPropertyValueException(group, null, String.valueOf(e.getMessage()));
    }
  }
}
