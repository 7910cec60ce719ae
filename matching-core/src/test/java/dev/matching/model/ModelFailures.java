package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Assertions for the validation contract: bad values fail with an {@link InvalidArgumentException}
 * whose {@code field()} names the field and whose message reads {@code field: problem}, the problem
 * naming the value.
 */
final class ModelFailures {

  private ModelFailures() {}

  /** Asserts that {@code construction} fails with an InvalidArgumentException with exactly {@code message}. */
  static void failsWith(ThrowingCallable construction, String message) {
    assertThatThrownBy(construction)
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage(message)
        .satisfies(e -> {
          InvalidArgumentException invalid = (InvalidArgumentException) e;
          assertThat(invalid.field() + ": " + invalid.problem()).isEqualTo(message);
        });
  }

  /**
   * Asserts that {@code construction} fails with an InvalidArgumentException naming {@code field}
   * whose problem contains {@code value}.
   */
  static void failsNaming(ThrowingCallable construction, String field, String value) {
    assertThatThrownBy(construction)
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith(field + ": ")
        .satisfies(e -> {
          InvalidArgumentException invalid = (InvalidArgumentException) e;
          assertThat(invalid.field()).isEqualTo(field);
          assertThat(invalid.problem()).contains(value);
        });
  }
}
