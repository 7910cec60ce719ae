package dev.matching.query;

/** Which side is ranked: jobs for a worker, or workers for a job. */
public enum Direction {
  /** Rank jobs for one worker. */
  JOBS_FOR_WORKER,
  /** Rank workers for one job. */
  WORKERS_FOR_JOB
}
