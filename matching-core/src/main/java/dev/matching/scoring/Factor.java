package dev.matching.scoring;

/** The four things a (worker, job) pair is scored on. Each yields a score in [0, 1]. */
public enum Factor {
  /** Great-circle distance from the worker's home to the job, in kilometres. */
  DISTANCE,
  /** Level-aware, weighted coverage of the job's preferred skills. */
  SKILLS,
  /** Share of the job's shift time inside the worker's availability. */
  SCHEDULE,
  /** Hourly pay against the worker's desired minimum. */
  PAY;

  private static final Factor[] ALL = values();

  /** All factors in declaration order (a shared array: do not modify). */
  static Factor[] all() {
    return ALL;
  }

  /** The lower-case name used in properties, JSON and explanations. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
