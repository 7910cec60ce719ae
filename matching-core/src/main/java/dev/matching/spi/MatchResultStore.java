package dev.matching.spi;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Stored output of the matching batch: ranked lists per subject, grouped in generations.
 *
 * <p>A batch run writes a new generation partition by partition ({@link #write}), then makes it
 * visible in one step ({@link #publish}). Readers ({@link #find}) only ever see the published
 * generation, so they never see a half-written run. Writing the same subjects of the same
 * generation again replaces them, so a retried partition is harmless (idempotent).
 *
 * <p>The two directions are independent: each has its own generations and published
 * generation, and the same subject id may have a list in both.
 *
 * <p>Bad arguments (null, a generation below 1, a subject id that is not a valid id, a
 * {@code limit} below 1 or above {@link PageLimit#MAX}) fail with an
 * {@link IllegalArgumentException} naming the parameter; nothing is written then.
 * {@link PageLimit} and {@link SpiArguments} make the generation and limit checks for
 * implementations.
 *
 * <p>Implementations are thread-safe.
 */
public interface MatchResultStore {

  /**
   * Stores the lists of one partition of {@code generation} in one atomic step (all or none).
   * Any generation may be written, the published one included (a partition retried after the
   * publish); an empty map writes nothing.
   *
   * @param direction which side was ranked
   * @param generation the generation being written, at least 1
   * @param computedAt when the lists were computed
   * @param listsBySubject subject id to its ranked matches, best first; an empty list of matches
   *     is stored as such (it reads as present and empty, not absent)
   */
  void write(Direction direction, long generation, Instant computedAt, Map<String, List<Match>> listsBySubject);

  /**
   * Stores the lists of one batch partition in one atomic step, fenced by the lease of its
   * writer: the write {@code MatchingBatch} makes. (The unfenced {@link #write} is for tools,
   * imports and tests.)
   *
   * <p>The store keeps, per direction, generation and {@code writer.partition()}, the highest
   * fencing token ({@link PartitionLease#token()}) that has written it. Checked atomically with
   * the write:
   * <ul>
   *   <li>a lower token is refused with {@link LeaseLostException} and nothing is written, so a
   *       node that was paused past its lease cannot overwrite the lists of the node that took the
   *       partition over, before or after the generation was published;
   *   <li>a higher token first deletes every list that lower tokens stored for that partition of
   *       that generation, then stores its lists: lists of subjects the new writer no longer ranks
   *       (deactivated or deleted meanwhile) do not survive;
   *   <li>the same token again stores its lists beside (or over) its earlier ones: a retried
   *       write is harmless.
   * </ul>
   * An empty map stores no list but still records the token and deletes lower tokens' lists. The
   * tokens of a generation are deleted with it ({@link #deleteGenerationsBefore}).
   *
   * @throws LeaseLostException when a higher token has written the partition
   */
  void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> listsBySubject);

  /**
   * Makes {@code generation} the one readers see for {@code direction}, atomically. Lists of
   * that generation never written read as absent. Any generation may be published, an older
   * one included (a rollback).
   */
  void publish(Direction direction, long generation);

  /**
   * Publishes {@code generation} for {@code direction} only if nothing or an older generation is
   * published, checked atomically with the publish; returns whether it published. Generations
   * grow with every batch run, so a node that was paused before publishing an old run can never
   * replace a newer published generation.
   */
  boolean publishIfNewer(Direction direction, long generation);

  /** The published generation for {@code direction}, or empty before the first publish. */
  OptionalLong publishedGeneration(Direction direction);

  /** The published list of {@code subjectId}, or empty. */
  Optional<MatchList> find(Direction direction, String subjectId);

  /**
   * Deletes every list of {@code direction} whose generation is below {@code generation}
   * (never the published one), with those generations' partition tokens; returns how many lists
   * were deleted.
   */
  long deleteGenerationsBefore(Direction direction, long generation);

  /**
   * Personal-data erasure of {@code id}, in every generation and both directions: deletes every
   * stored list that has {@code id} as its subject, and removes {@code id} from the matches of
   * every other list (the remaining matches keep their order, {@code computedAt} and
   * generation). Returns how many lists were deleted or changed; 0 when {@code id} appears
   * nowhere.
   */
  long erase(String id);

  /**
   * Retention: deletes every stored list, of both directions and every generation, whose
   * {@code computedAt} is strictly before {@code cutoff}; returns how many lists were deleted.
   *
   * <p>The published generation is <em>not</em> spared: a list older than the cutoff is stale
   * data the operator no longer wants, whatever its generation. The published generation number
   * stays as it is; its deleted lists read as absent ({@link #find} is empty) until a later batch
   * publishes fresh ones.
   */
  long deleteComputedBefore(Instant cutoff);

  /**
   * The generations of {@code direction} that hold at least one stored list, ascending; the
   * published generation is listed only when it holds a list. For integrity checks and tools.
   */
  List<Long> generations(Direction direction);

  /**
   * Up to {@code limit} stored lists of {@code generation} (published or not) of
   * {@code direction}, with subject ids strictly greater than {@code afterSubjectId} (all when
   * null), in ascending subject id order ({@link String#compareTo}): keyset pagination for
   * integrity checks and tools, not for the request path. {@code afterSubjectId} need not be a
   * stored subject.
   */
  List<MatchList> list(Direction direction, long generation, @Nullable String afterSubjectId, int limit);
}
