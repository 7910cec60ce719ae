package dev.matching.model;

import dev.matching.model.internal.Checks;

/**
 * A skill a job would like, at a level, with a relative weight. Immutable and thread-safe.
 *
 * @param skill skill code
 * @param level the level the job would like, 1 to 5; a worker at or above it gets full credit
 * @param weight relative weight, greater than 0 and at most 100
 */
public record PreferredSkill(String skill, int level, double weight) {
  /** Validates the code, level and weight. */
  public PreferredSkill {
    Checks.id(skill, "preferredSkills.skill");
    SkillLevel.check(level, "preferredSkills[" + skill + "].level");
    Checks.finiteIn(weight, 0, 100, "preferredSkills[" + skill + "].weight");
    if (!(weight > 0)) {
      throw Checks.fail("preferredSkills[" + skill + "].weight",
          "must be greater than 0, was " + weight);
    }
  }

  /** Shorthand constructor. */
  public static PreferredSkill of(String skill, int level, double weight) {
    return new PreferredSkill(skill, level, weight);
  }
}
