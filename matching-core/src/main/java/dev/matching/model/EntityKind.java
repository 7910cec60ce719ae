package dev.matching.model;

import java.util.Locale;

/**
 * The two kinds of entity the engine matches and stores: {@link Job}s and {@link Worker}s. Used
 * wherever code must say which one it means (write notifications, change events, "not found"
 * errors, metrics tags) instead of a string a typo could turn into the other kind.
 */
public enum EntityKind {
  /** Jobs: the job store and the job index. */
  JOB,
  /** Workers: the worker store and the worker index. */
  WORKER;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case English word for this kind, {@code job} or {@code worker}, as in messages and URLs. */
  public String label() {
    return label;
  }
}
