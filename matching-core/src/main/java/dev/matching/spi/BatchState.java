package dev.matching.spi;

/** Life cycle of a batch run. */
public enum BatchState {
  /** Created, no partition claimed yet. */
  QUEUED,
  /** At least one partition claimed. */
  RUNNING,
  /** Every partition done. */
  SUCCEEDED,
  /** Finished with at least one failed partition, or aborted by an error. */
  FAILED,
  /** Stopped on request. */
  CANCELLED;

  /** Whether a run in this state still has work to do (queued or running). */
  public boolean active() {
    return this == QUEUED || this == RUNNING;
  }
}
