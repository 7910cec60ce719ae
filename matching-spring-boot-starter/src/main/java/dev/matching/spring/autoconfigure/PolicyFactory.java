package dev.matching.spring.autoconfigure;

import dev.matching.scoring.DistanceDecay;
import dev.matching.scoring.Factor;
import dev.matching.scoring.PayDecay;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.spring.properties.MatchingPolicyProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Builds the default {@link ScoringPolicy} from {@code matching.policy.*}. */
final class PolicyFactory {
  private static final String PREFIX = "matching.policy.";

  private PolicyFactory() {}

  static ScoringPolicy from(MatchingPolicyProperties p) {
    ScoringPolicy preset = ScoringPolicy.findPreset(p.getPreset()).orElseThrow(() ->
        new InvalidConfigurationPropertyValueException(PREFIX + "preset", p.getPreset(),
            "must be one of " + ScoringPolicy.presets().keySet()));
    ScoringPolicy.Builder b = preset.toBuilder();
    weight(b, Factor.DISTANCE, p.getDistanceWeight());
    weight(b, Factor.SKILLS, p.getSkillsWeight());
    weight(b, Factor.SCHEDULE, p.getScheduleWeight());
    weight(b, Factor.PAY, p.getPayWeight());
    DistanceDecay d = preset.distanceDecay();
    if (p.getDistanceOffsetKm() != null || p.getDistanceScaleKm() != null || p.getDistanceDecay() != null) {
      double offset = or(p.getDistanceOffsetKm(), d.offsetKm());
      double scale = or(p.getDistanceScaleKm(), d.scaleKm());
      double decay = or(p.getDistanceDecay(), d.decay());
      b.distanceDecay(PropertyChecks.build(PREFIX + "distance-*", offset + "/" + scale + "/" + decay,
          () -> new DistanceDecay(offset, scale, decay)));
    }
    PayDecay pd = preset.payDecay();
    if (p.getPayScaleYen() != null || p.getPayDecay() != null) {
      double scale = or(p.getPayScaleYen(), pd.scaleYen());
      double decay = or(p.getPayDecay(), pd.decay());
      b.payDecay(PropertyChecks.build(PREFIX + "pay-*", scale + "/" + decay, () -> new PayDecay(scale, decay)));
    }
    if (p.getMinScheduleCoverage() != null) {
      b.minScheduleCoverage(p.getMinScheduleCoverage());
    }
    return PropertyChecks.checked(PREFIX, field -> PREFIX + (field.equals("minScheduleCoverage") ? "min-schedule-coverage"
        : field.startsWith("weights.") ? field.substring("weights.".length()) + "-weight"
        : field.equals("weights") ? "*-weight" : "preset"), b::build);
  }

  private static void weight(ScoringPolicy.Builder b, Factor f, @Nullable Double value) {
    if (value != null) {
      b.weight(f, value);
    }
  }

  private static double or(@Nullable Double value, double fallback) {
    return value == null ? fallback : value;
  }
}
