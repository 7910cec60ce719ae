package dev.matching.sample;

import dev.matching.model.RequiredSkill;

/**
 * A skill a job category may require, and how often one of its jobs does.
 *
 * @param skill the requirement, shared by every job that has it
 * @param probability the share of the category's jobs that require it
 */
record Requirement(RequiredSkill skill, double probability) {

  static Requirement of(String skill, int minLevel, double probability) {
    return new Requirement(RequiredSkill.of(skill, minLevel), probability);
  }
}
