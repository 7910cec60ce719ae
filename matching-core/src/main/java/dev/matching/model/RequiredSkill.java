package dev.matching.model;

import dev.matching.model.internal.Checks;

/**
 * A skill a job requires, with the minimum level; a worker without it is excluded.
 * Immutable and thread-safe.
 *
 * @param skill skill code, for example {@code "接客"}
 * @param minLevel the minimum level, 1 to 5
 */
public record RequiredSkill(String skill, int minLevel) {
  /** Validates the code and level. */
  public RequiredSkill {
    Checks.id(skill, "requiredSkills.skill");
    SkillLevel.check(minLevel, "requiredSkills[" + skill + "].minLevel");
  }

  /** Shorthand constructor. */
  public static RequiredSkill of(String skill, int minLevel) {
    return new RequiredSkill(skill, minLevel);
  }
}
