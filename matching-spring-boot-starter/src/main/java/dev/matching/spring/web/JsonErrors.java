package dev.matching.spring.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Describes why a JSON body could not be read, naming the JSON path of the culprit, in this API's
 * own words: from the kind of Jackson failure and the expected type, never Jackson's message (which
 * names Java classes and library internals).
 */
final class JsonErrors {
  private JsonErrors() {}

  /** The field error of an unreadable body. */
  static List<FieldError> describe(HttpMessageNotReadableException ex) {
    JacksonException jackson = null;
    for (Throwable t = ex; t != null && jackson == null; t = t.getCause()) {
      if (t instanceof JacksonException j) {
        jackson = j;
      }
    }
    if (jackson == null) {
      return List.of(new FieldError("body", "is required and must be a JSON document"));
    }
    return List.of(describe(jackson, null, path(jackson)));
  }

  /**
   * The field error of {@code e} at {@code path} (relative to the body, empty for the body
   * itself); {@code expected} is the type being read when the caller knows it.
   */
  static FieldError describe(JacksonException e, @Nullable Class<?> expected, String path) {
    String field = path.isEmpty() ? "body" : path;
    if (e instanceof StreamConstraintsException) {
      String original = String.valueOf(e.getOriginalMessage());
      return new FieldError(field, original.contains("depth") ? "nesting is too deep" : "is too large");
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return new FieldError(field, unknownProperty(u.getKnownPropertyIds()));
    }
    if (e instanceof InputCoercionException c) {
      Class<?> target = expected != null ? expected : c.getTargetType();
      return new FieldError(field, expected(target) + range(target));
    }
    if (e instanceof MismatchedInputException m) {
      Class<?> target = expected != null ? expected : m.getTargetType();
      return new FieldError(field, target == null ? "has the wrong type" : expected(target));
    }
    if (e instanceof StreamReadException) {
      TokenStreamLocation at = e.getLocation();
      return new FieldError("body", at == null || at.getLineNr() < 1 ? "is not valid JSON"
          : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
    return new FieldError(field, expected == null ? "could not be read" : expected(expected));
  }

  /** The message of a property the target does not have. */
  static String unknownProperty(@Nullable Collection<?> known) {
    return known == null || known.isEmpty() ? "is not a known property"
        : "is not a known property (known: " + known.stream().map(String::valueOf).sorted()
            .collect(Collectors.joining(", ")) + ")";
  }

  /** What a value of {@code type} must look like in JSON. */
  static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class || type == BigInteger.class) {
      return "must be an integer";
    }
    if (type == Double.class || type == double.class || type == Float.class || type == float.class
        || type == BigDecimal.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be a boolean (true or false)";
    }
    if (type == String.class || type == char.class || type == Character.class) {
      return "must be a string";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
          .collect(Collectors.joining(", "));
    }
    if (type == LocalDateTime.class) {
      return "must be a date-time such as 2030-01-05T10:00:00";
    }
    if (type == LocalTime.class) {
      return "must be a time such as 09:00";
    }
    if (type == LocalDate.class) {
      return "must be a date such as 2030-01-05";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "must be a date-time with offset such as 2030-01-05T10:00:00+09:00";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
      return "must be a JSON object";
    }
    return "has the wrong type";
  }

  private static String range(@Nullable Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return " within [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]";
    }
    if (type == Long.class || type == long.class) {
      return " within [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
    }
    return "";
  }

  /** The JSON path of {@code e}: {@code shifts[0].end}; empty for the body itself. */
  static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
