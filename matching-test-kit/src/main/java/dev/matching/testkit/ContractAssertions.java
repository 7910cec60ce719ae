package dev.matching.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions shared by the contracts. */
final class ContractAssertions {

  private ContractAssertions() {}

  /** Fails unless {@code call} throws an {@link IllegalArgumentException} naming {@code field}. */
  static void assertIllegalArgument(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
  }
}
