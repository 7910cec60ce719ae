package dev.matching.model;

import dev.matching.model.internal.Checks;

/**
 * Skill levels run from {@link #MIN} (beginner) to {@link #MAX} (expert).
 */
public final class SkillLevel {
  /** Lowest level. */
  public static final int MIN = 1;
  /** Highest level. */
  public static final int MAX = 5;

  private SkillLevel() {}

  /** Validates a level, naming {@code field} in the error. */
  public static int check(int level, String field) {
    return Checks.intIn(level, MIN, MAX, field);
  }
}
