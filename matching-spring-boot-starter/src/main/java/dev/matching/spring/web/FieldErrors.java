package dev.matching.spring.web;

import dev.matching.model.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects every field error of one request while it is converted to domain values, so the
 * answer lists them all instead of the first. Not thread-safe; one per request.
 *
 * <p>The domain refuses a value with an {@link InvalidArgumentException} naming the Java field,
 * possibly dotted or indexed, as in {@code shift.end} or {@code requiredSkills[x].minLevel}; any
 * other {@link IllegalArgumentException} is recorded against the whole value with its message.
 * {@link #attempt(String, Map, Supplier)} maps that Java
 * field to the JSON name through an explicit table, with bracketed values written {@code []}
 * in its keys and {@code {}} in its values: {@code "skills[]" -> "skills.{}"} turns
 * {@code skills[レジ]} into {@code skills.レジ}.
 *
 * <p>Errors found while binding the JSON come first; a later error at the same path or below
 * one of them is dropped (a value that did not bind is null, and "is required" would be wrong).
 */
final class FieldErrors {
  private static final Pattern BRACKETS = Pattern.compile("\\[([^\\]]*)\\]");
  private final List<FieldError> errors = new ArrayList<>();
  private final List<String> unbound = new ArrayList<>();

  FieldErrors() {}

  /** Starts with the errors of binding the JSON body. */
  FieldErrors(List<FieldError> bindingErrors) {
    errors.addAll(bindingErrors);
    bindingErrors.forEach(e -> unbound.add(e.field()));
  }

  /** Records a problem with {@code field}, unless it is at or below a field that did not bind. */
  void add(String field, String message) {
    for (String u : unbound) {
      if (field.equals(u) || field.startsWith(u + ".") || field.startsWith(u + "[") || u.equals("body")) {
        return;
      }
    }
    errors.add(new FieldError(field, message));
  }

  /**
   * The value {@code build} makes, or null after recording its {@link IllegalArgumentException}
   * under {@code path} joined with the JSON name {@code names} gives the domain field (the path
   * itself when the field is not in the table).
   */
  <T> @Nullable T attempt(String path, Map<String, String> names, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidArgumentException e) {
      String json = jsonName(e.field(), names);
      String problem = jsonNames(e.problem(), path, names);
      if (json == null || json.isEmpty()) {
        add(path.isEmpty() ? "body" : path, problem);
      } else {
        add(path.isEmpty() ? json : path + "." + json, problem);
      }
      return null;
    } catch (IllegalArgumentException e) {
      add(path.isEmpty() ? "body" : path, e.getMessage() == null ? "is invalid" : e.getMessage());
      return null;
    }
  }

  /**
   * {@code problem} with the other domain fields it mentions ({@code "must be at least
   * pay.minYen (1300)"}) written as JSON paths ({@code pay.min}).
   */
  static String jsonNames(String problem, String path, Map<String, String> names) {
    String out = problem;
    for (Map.Entry<String, String> e : names.entrySet()) {
      if (e.getKey().contains(".") && !e.getKey().contains("[") && out.contains(e.getKey())) {
        out = out.replace(e.getKey(), path.isEmpty() ? e.getValue() : path + "." + e.getValue());
      }
    }
    return out;
  }

  /** The JSON name {@code names} gives the domain field {@code field}, or null when it has none. */
  static @Nullable String jsonName(String field, Map<String, String> names) {
    Matcher brackets = BRACKETS.matcher(field);
    String key = brackets.replaceAll("[]");
    String json = names.get(key);
    if (json == null) {
      return null;
    }
    brackets.reset();
    return json.contains("{}") && brackets.find() ? json.replace("{}", brackets.group(1)) : json;
  }

  /**
   * The value {@code build} makes, or null after recording its {@link IllegalArgumentException}
   * under {@code path}.
   */
  <T> @Nullable T attempt(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidArgumentException e) {
      String field = e.field();
      add(join(path, snake(field.substring(field.lastIndexOf('.') + 1))), e.problem());
      return null;
    } catch (IllegalArgumentException e) {
      add(path.isEmpty() ? "body" : path, e.getMessage() == null ? "is invalid" : e.getMessage());
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
