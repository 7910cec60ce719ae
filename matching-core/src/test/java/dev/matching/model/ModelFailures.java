package dev.matching.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions for the validation contract: bad values fail with a message naming field and value. */
final class ModelFailures {

  private ModelFailures() {}

  /** Asserts that {@code construction} fails with an IllegalArgumentException with exactly {@code message}. */
  static void failsWith(ThrowingCallable construction, String message) {
    assertThatThrownBy(construction)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  /**
   * Asserts that {@code construction} fails with an IllegalArgumentException whose message starts
   * with {@code field + ": "} and contains {@code value}.
   */
  static void failsNaming(ThrowingCallable construction, String field, String value) {
    assertThatThrownBy(construction)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ": ")
        .hasMessageContaining(value);
  }
}
