package dev.matching.redis;

/** Which entity store a {@link ChangeEvent} comes from. */
public enum EntityKind {
  /** The job store. */
  JOB,
  /** The worker store. */
  WORKER
}
