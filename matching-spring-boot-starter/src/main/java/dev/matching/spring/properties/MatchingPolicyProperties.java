package dev.matching.spring.properties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default scoring policy, under {@code matching.policy.*}: a preset, optionally adjusted.
 * Every adjustment left unset (null) is the preset's own value. Bound by
 * {@code MatchingAutoConfiguration}. The default preset is core's default policy
 * ({@code ScoringPolicy.BALANCED}; checked by a test). An immutable record, bound through its
 * constructor, so safe to share between threads.
 *
 * @param preset Preset the default policy starts from: balanced, nearby, pay_first, schedule_first or
 *     skills_first.
 * @param distanceWeight Relative weight of the distance factor; the preset's when unset.
 * @param skillsWeight Relative weight of the skills factor; the preset's when unset.
 * @param scheduleWeight Relative weight of the schedule factor; the preset's when unset.
 * @param payWeight Relative weight of the pay factor; the preset's when unset.
 * @param distanceOffsetKm Distance at which the distance score starts to decay, in km; the preset's when unset.
 * @param distanceScaleKm Distance beyond the offset at which the distance score equals the decay, in km.
 * @param distanceDecay Distance score at offset + scale, in (0, 1).
 * @param payScaleYen Shortfall below the desired pay at which the pay score equals the decay, in JPY/h.
 * @param payDecay Pay score at a shortfall of the scale, in (0, 1).
 * @param minScheduleCoverage Minimum share of a job's shift time the worker must be available for, in [0, 1].
 */
@ConfigurationProperties(prefix = "matching.policy")
public record MatchingPolicyProperties(
    @DefaultValue("balanced") String preset,
    @Nullable Double distanceWeight,
    @Nullable Double skillsWeight,
    @Nullable Double scheduleWeight,
    @Nullable Double payWeight,
    @Nullable Double distanceOffsetKm,
    @Nullable Double distanceScaleKm,
    @Nullable Double distanceDecay,
    @Nullable Double payScaleYen,
    @Nullable Double payDecay,
    @Nullable Double minScheduleCoverage) {}
