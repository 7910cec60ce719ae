package dev.matching.model.internal;

import dev.matching.model.InvalidArgumentException;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by the matching modules. Every failure is an
 * {@link InvalidArgumentException} naming the field, whose message also names the offending
 * value, for example {@code "latitude: must be within [-90, 90], was 91.0"}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {

  /** Longest identifier accepted for jobs, workers, employers and skills. */
  public static final int MAX_ID_LENGTH = 128;

  private Checks() {}

  /** Fails unless {@code condition} holds; the message is {@code field + ": " + problem}. */
  public static void check(boolean condition, String field, String problem) {
    if (!condition) {
      throw fail(field, problem);
    }
  }

  /**
   * The exception for a bad {@code field}: {@code field + ": " + problem}. Callers write
   * {@code if (!ok) throw Checks.fail(...)} so the message is only built on failure.
   */
  public static InvalidArgumentException fail(String field, String problem) {
    return new InvalidArgumentException(field, problem);
  }

  /** Returns {@code value} or fails with "field: is required" when it is null. */
  public static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw fail(field, "is required");
    }
    return value;
  }

  /**
   * Validates text every store can hold: no NUL character (U+0000) and no unpaired UTF-16
   * surrogate, which PostgreSQL refuses or UTF-8 cannot encode (stored as {@code ?}).
   * Returns {@code value}; null passes (use {@link #required} for presence).
   */
  public static @Nullable String text(@Nullable String value, String field) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        throw fail(field, "must not contain the NUL character (U+0000) at index " + i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw fail(field, "must not contain an unpaired surrogate (U+" + String.format("%04X", (int) c)
            + ") at index " + i);
      }
    }
    return value;
  }

  /**
   * Validates an identifier: not blank, at most {@value #MAX_ID_LENGTH} characters, no control
   * characters, no unpaired surrogates, no leading or trailing white space.
   */
  public static String id(@Nullable String value, String field) {
    required(value, field);
    if (value.isBlank()) {
      throw fail(field, "must not be blank, was " + quote(value));
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw fail(field, "must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
    }
    if (!value.strip().equals(value)) {
      throw fail(field, "must not start or end with white space, was " + quote(value));
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw fail(field, "must not contain control characters, was " + quote(value));
      }
    }
    text(value, field);
    return value;
  }

  /** Fails unless {@code value} is a finite number within {@code [min, max]}. */
  public static double finiteIn(double value, double min, double max, String field) {
    if (!Double.isFinite(value)) {
      throw fail(field, "must be a finite number, was " + value);
    }
    if (value < min || value > max) {
      throw fail(field, "must be within [" + fmt(min) + ", " + fmt(max) + "], was " + value);
    }
    return value;
  }

  /** Fails unless {@code value} is within {@code [min, max]}. */
  public static int intIn(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw fail(field, "must be within [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /** Returns an unmodifiable copy of {@code values}, failing if it or any element is null. */
  public static <T> java.util.List<T> listOf(@Nullable Collection<? extends T> values, String field) {
    required(values, field);
    int i = 0;
    for (T v : values) {
      if (v == null) {
        throw fail(field + "[" + i + "]", "is required");
      }
      i++;
    }
    return java.util.List.copyOf(values);
  }

  /** {@code s} in double quotes, as messages quote a refused text. */
  public static String quote(String s) {
    return '"' + s + '"';
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  static boolean same(@Nullable Object a, @Nullable Object b) {
    return Objects.equals(a, b);
  }
}
