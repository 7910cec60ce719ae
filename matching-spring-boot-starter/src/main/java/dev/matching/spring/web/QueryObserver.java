package dev.matching.spring.web;

import dev.matching.query.Direction;
import dev.matching.query.MatchPage;
import java.util.function.Supplier;

/**
 * Wraps every ranking the API runs, for metrics (the starter registers a Micrometer one when
 * Micrometer is present). Implementations are thread-safe.
 */
@FunctionalInterface
public interface QueryObserver {
  /** Observes nothing. */
  QueryObserver NONE = (direction, query) -> query.get();

  /** Runs {@code query}, observing how long it takes and what it returns. */
  MatchPage observe(Direction direction, Supplier<MatchPage> query);
}
