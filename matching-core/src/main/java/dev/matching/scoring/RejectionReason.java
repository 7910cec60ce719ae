package dev.matching.scoring;

/** Why a (worker, job) pair is excluded. Machine-readable; stable names for APIs. */
public enum RejectionReason {
  /** The worker is not looking for work. */
  WORKER_INACTIVE,
  /** The job is closed. */
  JOB_CLOSED,
  /** The worker lacks a skill the job requires. */
  MISSING_REQUIRED_SKILL,
  /** The worker has a required skill below the required level. */
  SKILL_LEVEL_TOO_LOW,
  /** The job is farther than the worker travels. */
  TOO_FAR,
  /** The job pays less than the worker's hard pay floor. */
  PAY_BELOW_FLOOR,
  /** Too little of the job's shift time falls inside the worker's availability. */
  SCHEDULE_CONFLICT,
  /** A factor's data is unknown and the policy excludes such pairs. */
  MISSING_DATA,
  /** A factor scored below the policy's floor for it. */
  BELOW_FACTOR_FLOOR
}
