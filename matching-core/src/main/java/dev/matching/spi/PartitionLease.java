package dev.matching.spi;

import dev.matching.model.internal.Checks;
import java.time.Instant;

/**
 * A node's claim on one partition of a run until {@code expiresAt}. Immutable.
 *
 * <p>{@code token} is a fencing token: it grows every time the partition is claimed, and the
 * store refuses heartbeats and completions carrying an older token, so a node that lost its
 * lease (paused, partitioned away) cannot overwrite the work of the node that took over.
 *
 * @param runId the run
 * @param partition partition index, from 0
 * @param spec the partition's specification, as given at creation
 * @param nodeId the claiming node
 * @param token fencing token, at least 1
 * @param expiresAt when the lease lapses without a heartbeat
 */
public record PartitionLease(String runId, int partition, String spec, String nodeId, long token, Instant expiresAt) {
  /** Validates. */
  public PartitionLease {
    Checks.id(runId, "runId");
    if (!(partition >= 0)) {
      throw Checks.fail("partition",
          "must not be negative, was " + partition);
    }
    Checks.required(spec, "spec");
    Checks.id(nodeId, "nodeId");
    if (!(token >= 1)) {
      throw Checks.fail("token",
          "must be at least 1, was " + token);
    }
    Checks.required(expiresAt, "expiresAt");
  }
}
