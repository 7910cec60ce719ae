package dev.matching.spi;

import dev.matching.model.internal.Checks;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The durable record of one batch run and its progress. Immutable snapshot.
 *
 * @param id run id
 * @param type batch type
 * @param parameters run options
 * @param state current state
 * @param partitions number of partitions
 * @param partitionsDone partitions done
 * @param partitionsFailed partitions failed
 * @param itemsDone items (workers or jobs) processed by done partitions
 * @param itemsFailed items in failed partitions
 * @param triggeredBy who asked for the run
 * @param createdAt creation time
 * @param startedAt when the first partition was claimed, or null
 * @param finishedAt when the run reached a final state, or null
 * @param error summary of what failed, or null
 */
public record BatchRun(
    String id,
    String type,
    Map<String, String> parameters,
    BatchState state,
    int partitions,
    int partitionsDone,
    int partitionsFailed,
    long itemsDone,
    long itemsFailed,
    String triggeredBy,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String error) {

  /** Validates and copies. */
  public BatchRun {
    Checks.id(id, "id");
    Checks.id(type, "type");
    parameters = Map.copyOf(Checks.required(parameters, "parameters"));
    Checks.required(state, "state");
    if (!(partitions >= 1)) {
      throw Checks.fail("partitions",
          "must be at least 1, was " + partitions);
    }
    Checks.intIn(partitionsDone, 0, partitions, "partitionsDone");
    Checks.intIn(partitionsFailed, 0, partitions - partitionsDone, "partitionsFailed");
    if (!(itemsDone >= 0)) {
      throw Checks.fail("itemsDone",
          "must not be negative, was " + itemsDone);
    }
    if (!(itemsFailed >= 0)) {
      throw Checks.fail("itemsFailed",
          "must not be negative, was " + itemsFailed);
    }
    Checks.required(triggeredBy, "triggeredBy");
    Checks.required(createdAt, "createdAt");
  }
}
