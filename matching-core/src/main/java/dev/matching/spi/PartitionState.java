package dev.matching.spi;

/** Life cycle of one partition of a batch run. */
public enum PartitionState {
  /** Waiting to be claimed (again). */
  PENDING,
  /** Claimed under a lease. */
  RUNNING,
  /** Results and checkpoint committed. */
  DONE,
  /** Failed with a recorded reason; a retry of the run makes it pending again. */
  FAILED
}
