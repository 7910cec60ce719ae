package dev.matching.spring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects every field error of one request while it is converted to domain values, so the
 * answer lists them all instead of the first. Not thread-safe; one per request.
 *
 * <p>The domain's {@link IllegalArgumentException}s read {@code "field: problem"} (the field
 * possibly dotted or indexed, as in {@code shift.end} or {@code requiredSkills[x].minLevel}); its last segment, in snake_case, is appended to the
 * JSON path of the value being built.
 */
final class FieldErrors {
  private static final Pattern DOMAIN_MESSAGE = Pattern.compile("^([A-Za-z][A-Za-z0-9.]*(?:\\[[^\\]]*\\][A-Za-z0-9.]*)*): (.*)$", Pattern.DOTALL);
  private final List<FieldError> errors = new ArrayList<>();

  /** Records a problem with {@code field}. */
  void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /**
   * The value {@code build} makes, or null after recording its {@link IllegalArgumentException}
   * under {@code path}.
   */
  <T> @Nullable T attempt(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "is invalid" : e.getMessage();
      Matcher m = DOMAIN_MESSAGE.matcher(message);
      if (m.matches()) {
        String field = m.group(1);
        add(join(path, snake(field.substring(field.lastIndexOf('.') + 1))), m.group(2));
      } else {
        add(path.isEmpty() ? "body" : path, message);
      }
      return null;
    }
  }

  /** Records that a required field is missing; returns null. */
  <T> @Nullable T required(String path, @Nullable T value) {
    if (value == null) {
      add(path, "is required");
    }
    return value;
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws {@link InvalidRequestException} with every error recorded, if any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  static String join(String path, String field) {
    if (path.isEmpty()) {
      return field;
    }
    return path.endsWith(field) ? path : path + "." + field;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
