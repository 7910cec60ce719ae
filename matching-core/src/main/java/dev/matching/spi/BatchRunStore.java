package dev.matching.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Durable batch runs and their partitions, with leases that let any number of nodes share the
 * work of one run.
 *
 * <p>At most one run of a type is active (queued or running) at a time. A partition is claimed
 * under a lease with a fencing token; a lease that is not renewed by its expiry may be claimed
 * by another node. Completing a partition is conditional on still holding its lease, so each
 * partition is completed exactly once.
 *
 * <p>Implementations are thread-safe and safe to share between processes where the backing
 * store is shared. Time is always passed in, never read from a clock, so tests control it.
 */
public interface BatchRunStore {

  /**
   * Creates a queued run with pending partitions.
   *
   * @throws BatchConflictException when a run of the same type is queued or running
   */
  BatchRun create(NewBatchRun request, Instant now);

  /** The run, or empty. */
  Optional<BatchRun> find(String runId);

  /** Runs newest first, of {@code type} (all types when null), at most {@code limit}. */
  List<BatchRun> list(@Nullable String type, int limit);

  /** The queued or running run of {@code type}, or empty. */
  Optional<BatchRun> active(String type);

  /**
   * Claims a pending partition, or a running one whose lease expired before {@code now}, for
   * {@code nodeId} until {@code now + leaseFor}; the run moves to running. Empty when nothing is
   * left to claim or the run is not active.
   */
  Optional<PartitionLease> claim(String runId, String nodeId, Instant now, Duration leaseFor);

  /**
   * Extends a lease to {@code now + leaseFor}.
   *
   * @throws LeaseLostException when the lease is no longer held
   */
  PartitionLease heartbeat(PartitionLease lease, Instant now, Duration leaseFor);

  /**
   * Marks the partition done with {@code items} processed; when it was the last open partition
   * the run becomes succeeded (or failed if any partition failed).
   *
   * @throws LeaseLostException when the lease is no longer held; nothing is written
   */
  BatchRun complete(PartitionLease lease, long items, Instant now);

  /**
   * Marks the partition failed with {@code reason}; when it was the last open partition the run
   * becomes failed.
   *
   * @throws LeaseLostException when the lease is no longer held; nothing is written
   */
  BatchRun fail(PartitionLease lease, String reason, long items, Instant now);

  /** Gives a held lease back (graceful shutdown): the partition is pending again. No-op if lost. */
  void release(PartitionLease lease);

  /** Every partition of the run, by index; empty for an unknown run. */
  List<PartitionStatus> partitions(String runId);

  /**
   * Moves an active run to a final state (cancelled, or failed with {@code error}); open
   * partitions stop being claimable. Returns the run unchanged if it already finished.
   */
  BatchRun finish(String runId, BatchState state, @Nullable String error, Instant now);

  /**
   * Makes a failed or cancelled run queued again: failed and unfinished partitions become
   * pending, done partitions stay done (the run resumes from its checkpoints).
   *
   * @throws BatchConflictException when another run of the same type is active
   * @throws IllegalArgumentException when the run is unknown, or succeeded or active
   */
  BatchRun retry(String runId, Instant now);

  /** Deletes finished runs (and their partitions) that finished before {@code cutoff}. */
  long deleteFinishedBefore(Instant cutoff);
}
