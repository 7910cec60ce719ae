package dev.matching.query;

import dev.matching.model.internal.Checks;
import dev.matching.scoring.ScoringPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One ranking request: how many results, where to continue from, how to score and which
 * candidates to consider. Immutable and thread-safe.
 *
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor continue after this position, or null for the first page
 * @param policy the scoring policy, or null for the engine's default
 * @param filter which candidates to consider
 */
public record MatchQuery(int limit, @Nullable Cursor cursor, @Nullable ScoringPolicy policy, MatchFilter filter) {

  /** Largest page size. */
  public static final int MAX_LIMIT = 1000;

  /** Validates. */
  public MatchQuery {
    Checks.intIn(limit, 1, MAX_LIMIT, "limit");
    Checks.required(filter, "filter");
  }

  /** The first page of the top {@code limit}, default policy, no filter. */
  public static MatchQuery top(int limit) {
    return new MatchQuery(limit, null, null, MatchFilter.none());
  }

  /** A copy continuing after {@code cursor}. */
  public MatchQuery after(@Nullable Cursor cursor) {
    return new MatchQuery(limit, cursor, policy, filter);
  }

  /** A copy continuing after an encoded cursor (null for the first page). */
  public MatchQuery after(@Nullable String encodedCursor) {
    return after(encodedCursor == null ? null : Cursor.decode(encodedCursor));
  }

  /** A copy scored with {@code policy}. */
  public MatchQuery withPolicy(@Nullable ScoringPolicy policy) {
    return new MatchQuery(limit, cursor, policy, filter);
  }

  /** A copy with {@code filter}. */
  public MatchQuery withFilter(MatchFilter filter) {
    return new MatchQuery(limit, cursor, policy, filter);
  }
}
