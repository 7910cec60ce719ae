package dev.matching.spi;

import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
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
 * <p>A lease is <em>expired</em> at {@code now} when {@code expiresAt <= now}. A lease is
 * <em>held</em> while its run is active and its partition is running under the lease's token.
 * An expired lease is therefore still held until another node claims the partition (which
 * raises the token), the partition is completed, failed or released, or the run finishes;
 * {@link #heartbeat}, {@link #complete} and {@link #fail} succeed on a held lease and throw
 * {@link LeaseLostException}, writing nothing, on any other.
 *
 * <p>A failed partition does not stop the run: the other partitions go on, and the run becomes
 * failed when the last open partition is done or failed. Its {@link BatchRun#error()} then
 * contains the reason of the lowest-index failed partition.
 *
 * <p>Bad arguments (null, a lease duration that is not positive, negative items, a
 * {@code limit} below 1 or above {@link PageLimit#MAX}) fail with an
 * {@link IllegalArgumentException} naming the parameter; nothing is written then.
 * {@link PageLimit} and {@link SpiArguments} make these checks for implementations.
 *
 * <p>Implementations are thread-safe and safe to share between processes where the backing
 * store is shared. Time is always passed in, never read from a clock, so tests control it.
 */
public interface BatchRunStore {

  /**
   * Creates a queued run with pending partitions (token 0, no attempts), created at
   * {@code now}. Run ids are unique within the store and never reused.
   *
   * @throws BatchConflictException when a run of the same type is queued or running
   */
  BatchRun create(NewBatchRun request, Instant now);

  /** The run, or empty. */
  Optional<BatchRun> find(String runId);

  /**
   * Runs newest first, of {@code type} (all types when null), at most {@code limit}, from 1 to
   * {@link PageLimit#MAX}. Newest first means by {@code createdAt} descending, runs created at
   * the same instant latest created first.
   */
  List<BatchRun> list(@Nullable String type, int limit);

  /** The queued or running run of {@code type}, or empty. */
  Optional<BatchRun> active(String type);

  /**
   * Claims the lowest-index partition that is pending, or running under an expired lease, for
   * {@code nodeId} until {@code now + leaseFor}, with a fencing token one above the partition's
   * previous one; the run moves to running and its {@code startedAt} is set if it was not.
   * Empty when nothing is left to claim or the run is unknown or not active.
   */
  Optional<PartitionLease> claim(String runId, String nodeId, Instant now, Duration leaseFor);

  /**
   * Extends a held lease to {@code now + leaseFor}, even when it has expired but nobody claimed
   * the partition since.
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

  /**
   * Gives a held lease back (graceful shutdown): the partition is pending again and keeps its
   * token, so the next claim gets a higher one. No-op if lost.
   */
  void release(PartitionLease lease);

  /** Every partition of the run, by index; empty for an unknown run. */
  List<PartitionStatus> partitions(String runId);

  /**
   * Moves an active run to a final state (cancelled, or failed with {@code error}); open
   * partitions stop being claimable: running ones become pending again and their leases are
   * lost. Returns the run unchanged if it already finished.
   *
   * @throws IllegalArgumentException when the run is unknown, or {@code state} is neither
   *     {@link BatchState#CANCELLED} nor {@link BatchState#FAILED}
   */
  BatchRun finish(String runId, BatchState state, @Nullable String error, Instant now);

  /**
   * Makes a failed or cancelled run queued again: failed and unfinished partitions become
   * pending, done partitions stay done (the run resumes from its checkpoints). The run keeps
   * its done counts; its failed counts, {@code startedAt}, {@code finishedAt} and
   * {@code error} are cleared. Partitions keep their tokens and attempts.
   *
   * @throws BatchConflictException when another run of the same type is active
   * @throws IllegalArgumentException when the run is unknown, or succeeded or active
   */
  BatchRun retry(String runId, Instant now);

  /**
   * Deletes finished runs (and their partitions) that finished strictly before {@code cutoff};
   * returns how many runs were deleted. Active runs are never deleted.
   */
  long deleteFinishedBefore(Instant cutoff);
}
