package dev.matching.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An argument was refused, with the name of the field and the problem kept apart so a caller
 * (a REST layer, a configuration binder) can say which field was wrong without parsing the
 * message. The message is {@code field + ": " + problem}, for example
 * {@code "latitude: must be within [-90, 90], was 91.0"}. Every argument check of the matching
 * modules throws this type. Immutable.
 */
public class InvalidArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  /**
   * @param field the refused field as the API names it, for example {@code pay.minYen} or
   *     {@code skills[2]}
   * @param problem what is wrong with it, for example {@code "is required"}
   */
  public InvalidArgumentException(String field, String problem) {
    this(field, problem, null);
  }

  /** As {@link #InvalidArgumentException(String, String)}, with the failure that revealed it. */
  public InvalidArgumentException(String field, String problem, @Nullable Throwable cause) {
    super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"), cause);
    this.field = field;
    this.problem = problem;
  }

  /** The refused field, for example {@code pay.minYen}. */
  public String field() {
    return field;
  }

  /** What is wrong with the field, without the field's name, for example {@code "is required"}. */
  public String problem() {
    return problem;
  }
}
