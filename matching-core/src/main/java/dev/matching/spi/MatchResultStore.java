package dev.matching.spi;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stored output of the matching batch: ranked lists per subject, grouped in generations.
 *
 * <p>A batch run writes a new generation partition by partition ({@link #write}), then makes it
 * visible in one step ({@link #publish}). Readers ({@link #find}) only ever see the published
 * generation, so they never see a half-written run. Writing the same subjects of the same
 * generation again replaces them, so a retried partition is harmless (idempotent).
 *
 * <p>Implementations are thread-safe.
 */
public interface MatchResultStore {

  /**
   * Stores the lists of one partition of {@code generation} in one atomic step (all or none).
   *
   * @param direction which side was ranked
   * @param generation the generation being written, at least 1
   * @param computedAt when the lists were computed
   * @param listsBySubject subject id to its ranked matches, best first
   */
  void write(Direction direction, long generation, Instant computedAt, Map<String, List<Match>> listsBySubject);

  /**
   * Makes {@code generation} the one readers see for {@code direction}, atomically. Lists of
   * that generation never written read as absent.
   */
  void publish(Direction direction, long generation);

  /** The published generation for {@code direction}, or empty before the first publish. */
  OptionalLong publishedGeneration(Direction direction);

  /** The published list of {@code subjectId}, or empty. */
  Optional<MatchList> find(Direction direction, String subjectId);

  /**
   * Deletes every list of {@code direction} whose generation is below {@code generation}
   * (never the published one); returns how many lists were deleted.
   */
  long deleteGenerationsBefore(Direction direction, long generation);

  /**
   * Deletes every stored list, in every generation and both directions, that has
   * {@code id} as its subject or among its matches (personal-data erasure). Returns how many
   * lists were deleted or changed.
   */
  long erase(String id);
}
