package dev.matching.spi.memory;

import dev.matching.model.Checks;

/** Argument checks shared by the in-memory stores. */
final class Limits {

  /** Largest page a {@code list} or {@code changesSince} call may ask for. */
  static final int MAX_LIMIT = 10_000;

  private Limits() {}

  /** Fails unless {@code limit} is within {@code [1, MAX_LIMIT]}. */
  static int limit(int limit) {
    return Checks.intIn(limit, 1, MAX_LIMIT, "limit");
  }

  /** Fails unless {@code value} is at least {@code min}. */
  static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw Checks.fail(field, "must be at least " + min + ", was " + value);
    }
    return value;
  }
}
