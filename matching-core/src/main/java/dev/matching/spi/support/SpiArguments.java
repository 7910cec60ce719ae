package dev.matching.spi.support;

import dev.matching.model.internal.Checks;
import dev.matching.spi.BatchState;
import dev.matching.spi.PartitionLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks the storage SPIs document, beyond null checks and the {@link PageLimit}:
 * the generations of a {@code MatchResultStore}, the lease durations, item counts and final
 * states of a {@code BatchRunStore}, the versions, sequences and batches of an
 * {@code EntityStore}. An adapter calls them before it touches its backing store, so nothing is
 * written when one fails, and every adapter refuses the same arguments with the same message.
 *
 * <p>Each check returns its argument, or throws an {@link IllegalArgumentException} (made by
 * {@link Checks}) whose message is {@code "name: problem"}, the name being the SPI's parameter
 * name. Lease fields need no check here: a {@code PartitionLease} validates its partition and
 * token itself. Stateless and thread-safe.
 */
public final class SpiArguments {
  private SpiArguments() {}

  /**
   * A result generation, at least 1.
   *
   * @throws IllegalArgumentException otherwise: {@code "generation: must be at least 1, was 0"}
   */
  public static long generation(long generation) {
    return atLeastOne(generation, "generation");
  }

  /**
   * A lease duration ({@code claim}, {@code heartbeat}): present and positive.
   *
   * @throws IllegalArgumentException otherwise: {@code "leaseFor: is required"},
   *     {@code "leaseFor: must be positive, was PT0S"}
   */
  public static Duration leaseFor(@Nullable Duration leaseFor) {
    Checks.required(leaseFor, "leaseFor");
    if (leaseFor.isNegative() || leaseFor.isZero()) {
      throw Checks.fail("leaseFor", "must be positive, was " + leaseFor);
    }
    return leaseFor;
  }

  /**
   * The arguments of {@code BatchRunStore.claim}, checked in the order of its signature: a run id,
   * a node id that {@code Checks.id} accepts, the time and a positive {@link #leaseFor lease duration}.
   *
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static void claim(@Nullable String runId, @Nullable String nodeId, @Nullable Instant now,
      @Nullable Duration leaseFor) {
    Checks.required(runId, "runId");
    Checks.id(nodeId, "nodeId");
    Checks.required(now, "now");
    leaseFor(leaseFor);
  }

  /**
   * The arguments of {@code BatchRunStore.heartbeat}: a lease, the time and a positive
   * {@link #leaseFor lease duration}.
   *
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static void heartbeat(@Nullable PartitionLease lease, @Nullable Instant now, @Nullable Duration leaseFor) {
    Checks.required(lease, "lease");
    Checks.required(now, "now");
    leaseFor(leaseFor);
  }

  /**
   * The arguments of {@code BatchRunStore.finish}: a run id, a {@link #finishState final state}
   * and the time.
   *
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static void finish(@Nullable String runId, @Nullable BatchState state, @Nullable Instant now) {
    Checks.required(runId, "runId");
    finishState(state);
    Checks.required(now, "now");
  }

  /**
   * The items a partition processed ({@code complete}, {@code fail}), not negative.
   *
   * @throws IllegalArgumentException otherwise: {@code "items: must not be negative, was -1"}
   */
  public static long items(long items) {
    return notNegative(items, "items");
  }

  /**
   * The state {@code BatchRunStore.finish} moves a run to: {@link BatchState#CANCELLED} or
   * {@link BatchState#FAILED}.
   *
   * @throws IllegalArgumentException otherwise: {@code "state: is required"},
   *     {@code "state: must be CANCELLED or FAILED, was SUCCEEDED"}
   */
  public static BatchState finishState(@Nullable BatchState state) {
    Checks.required(state, "state");
    if (state != BatchState.CANCELLED && state != BatchState.FAILED) {
      throw Checks.fail("state", "must be CANCELLED or FAILED, was " + state);
    }
    return state;
  }

  /**
   * The version a conditional upsert expects, not negative (0: only if absent).
   *
   * @throws IllegalArgumentException otherwise: {@code "expectedVersion: must not be negative, was -1"}
   */
  public static long expectedVersion(long expectedVersion) {
    return notNegative(expectedVersion, "expectedVersion");
  }

  /**
   * The version a conditional delete expects, at least 1 (an absent entity has none).
   *
   * @throws IllegalArgumentException otherwise: {@code "expectedVersion: must be at least 1, was 0"}
   */
  public static long expectedVersionToDelete(long expectedVersion) {
    return atLeastOne(expectedVersion, "expectedVersion");
  }

  /**
   * The sequence a change-log read starts after, not negative (0: from the start).
   *
   * @throws IllegalArgumentException otherwise: {@code "afterSequence: must not be negative, was -1"}
   */
  public static long afterSequence(long afterSequence) {
    return notNegative(afterSequence, "afterSequence");
  }

  /**
   * The ids of the entities of an {@code upsertAll} batch, in list order, each only once.
   *
   * @param entities the batch, already checked by {@link Checks#listOf} (no null element)
   * @param idOf the id of an entity
   * @throws IllegalArgumentException when an id appears twice:
   *     {@code "entities: lists id \"job-1\" more than once"}
   */
  public static <T> List<String> distinctIds(List<? extends T> entities, Function<? super T, String> idOf) {
    List<String> ids = new ArrayList<>(entities.size());
    Set<String> seen = new HashSet<>();
    for (T entity : entities) {
      String id = idOf.apply(entity);
      if (!seen.add(id)) {
        throw Checks.fail("entities", "lists id \"" + id + "\" more than once");
      }
      ids.add(id);
    }
    return ids;
  }

  private static long atLeastOne(long value, String field) {
    if (value < 1) {
      throw Checks.fail(field, "must be at least 1, was " + value);
    }
    return value;
  }

  private static long notNegative(long value, String field) {
    if (value < 0) {
      throw Checks.fail(field, "must not be negative, was " + value);
    }
    return value;
  }
}
