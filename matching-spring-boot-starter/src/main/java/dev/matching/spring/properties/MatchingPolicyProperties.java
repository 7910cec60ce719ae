package dev.matching.spring.properties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default scoring policy, under {@code matching.policy.*}: a preset, optionally adjusted.
 * Every adjustment left unset is the preset's own value. Bound by
 * {@code MatchingAutoConfiguration}. The default preset is core's default policy
 * ({@code ScoringPolicy.BALANCED}; checked by a test).
 */
@ConfigurationProperties(prefix = "matching.policy")
public class MatchingPolicyProperties {
  /**
   * Preset the default policy starts from: balanced, nearby, pay_first, schedule_first or
   * skills_first.
   */
  private String preset = "balanced";
  /** Relative weight of the distance factor; the preset's when unset. */
  private @Nullable Double distanceWeight;
  /** Relative weight of the skills factor; the preset's when unset. */
  private @Nullable Double skillsWeight;
  /** Relative weight of the schedule factor; the preset's when unset. */
  private @Nullable Double scheduleWeight;
  /** Relative weight of the pay factor; the preset's when unset. */
  private @Nullable Double payWeight;
  /** Distance at which the distance score starts to decay, in km; the preset's when unset. */
  private @Nullable Double distanceOffsetKm;
  /** Distance beyond the offset at which the distance score equals the decay, in km. */
  private @Nullable Double distanceScaleKm;
  /** Distance score at offset + scale, in (0, 1). */
  private @Nullable Double distanceDecay;
  /** Shortfall below the desired pay at which the pay score equals the decay, in JPY/h. */
  private @Nullable Double payScaleYen;
  /** Pay score at a shortfall of the scale, in (0, 1). */
  private @Nullable Double payDecay;
  /** Minimum share of a job's shift time the worker must be available for, in [0, 1]. */
  private @Nullable Double minScheduleCoverage;

  public String getPreset() {
    return preset;
  }

  public void setPreset(String preset) {
    this.preset = preset;
  }

  public @Nullable Double getDistanceWeight() {
    return distanceWeight;
  }

  public void setDistanceWeight(@Nullable Double distanceWeight) {
    this.distanceWeight = distanceWeight;
  }

  public @Nullable Double getSkillsWeight() {
    return skillsWeight;
  }

  public void setSkillsWeight(@Nullable Double skillsWeight) {
    this.skillsWeight = skillsWeight;
  }

  public @Nullable Double getScheduleWeight() {
    return scheduleWeight;
  }

  public void setScheduleWeight(@Nullable Double scheduleWeight) {
    this.scheduleWeight = scheduleWeight;
  }

  public @Nullable Double getPayWeight() {
    return payWeight;
  }

  public void setPayWeight(@Nullable Double payWeight) {
    this.payWeight = payWeight;
  }

  public @Nullable Double getDistanceOffsetKm() {
    return distanceOffsetKm;
  }

  public void setDistanceOffsetKm(@Nullable Double distanceOffsetKm) {
    this.distanceOffsetKm = distanceOffsetKm;
  }

  public @Nullable Double getDistanceScaleKm() {
    return distanceScaleKm;
  }

  public void setDistanceScaleKm(@Nullable Double distanceScaleKm) {
    this.distanceScaleKm = distanceScaleKm;
  }

  public @Nullable Double getDistanceDecay() {
    return distanceDecay;
  }

  public void setDistanceDecay(@Nullable Double distanceDecay) {
    this.distanceDecay = distanceDecay;
  }

  public @Nullable Double getPayScaleYen() {
    return payScaleYen;
  }

  public void setPayScaleYen(@Nullable Double payScaleYen) {
    this.payScaleYen = payScaleYen;
  }

  public @Nullable Double getPayDecay() {
    return payDecay;
  }

  public void setPayDecay(@Nullable Double payDecay) {
    this.payDecay = payDecay;
  }

  public @Nullable Double getMinScheduleCoverage() {
    return minScheduleCoverage;
  }

  public void setMinScheduleCoverage(@Nullable Double minScheduleCoverage) {
    this.minScheduleCoverage = minScheduleCoverage;
  }
}
