package dev.matching.query;

import dev.matching.model.internal.Checks;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a ranking, best first, and the cursor of the next page. Immutable.
 *
 * @param matches the matches of this page, score descending then id ascending
 * @param next the cursor of the next page, or null when this is the last page
 */
public record MatchPage(List<Match> matches, @Nullable Cursor next) {
  /** Validates and copies. */
  public MatchPage {
    matches = Checks.listOf(matches, "matches");
  }

  /** The encoded cursor of the next page, or empty on the last page. */
  public Optional<String> nextCursor() {
    return next == null ? Optional.empty() : Optional.of(next.encode());
  }
}
