package dev.matching.spi.support;

import dev.matching.model.internal.Checks;

/**
 * The page limit of the storage SPIs: {@code EntityStore.list} and {@code changesSince},
 * {@code BatchRunStore.list} and {@code MatchResultStore.list} take a {@code limit} from 1 to
 * {@value #MAX}, and refuse any other with an {@link IllegalArgumentException}. An adapter calls
 * {@link #check} first thing in those methods, so every adapter accepts and refuses the same
 * limits with the same message. Stateless and thread-safe.
 */
public final class PageLimit {

  /** The largest page a {@code list} or {@code changesSince} call may ask for. */
  public static final int MAX = 10_000;

  private PageLimit() {}

  /**
   * Returns {@code limit} when it is within {@code [1, MAX]}.
   *
   * @throws IllegalArgumentException otherwise: {@code "limit: must be within [1, 10000], was 0"}
   */
  public static int check(int limit) {
    return Checks.intIn(limit, 1, MAX, "limit");
  }
}
