package dev.matching.spi;

import dev.matching.model.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The stored state of one partition. Immutable snapshot.
 *
 * @param runId the run
 * @param partition partition index, from 0
 * @param spec the partition's specification
 * @param state current state
 * @param owner node holding or last holding the lease, or null
 * @param token fencing token of the latest claim, 0 before the first
 * @param leaseExpiresAt lease end while running, or null
 * @param attempts how many times it was claimed
 * @param items items processed (done) or failed (failed)
 * @param error why it failed, or null
 */
public record PartitionStatus(
    String runId,
    int partition,
    String spec,
    PartitionState state,
    @Nullable String owner,
    long token,
    @Nullable Instant leaseExpiresAt,
    int attempts,
    long items,
    @Nullable String error) {
  /** Validates. */
  public PartitionStatus {
    Checks.id(runId, "runId");
    Checks.required(spec, "spec");
    Checks.required(state, "state");
  }
}
