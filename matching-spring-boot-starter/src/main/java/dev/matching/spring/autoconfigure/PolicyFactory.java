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
    ScoringPolicy preset = ScoringPolicy.findPreset(p.preset()).orElseThrow(() ->
        new InvalidConfigurationPropertyValueException(PREFIX + "preset", p.preset(),
            "must be one of " + ScoringPolicy.presets().keySet()));
    ScoringPolicy.Builder b = preset.toBuilder();
    weight(b, Factor.DISTANCE, p.distanceWeight());
    weight(b, Factor.SKILLS, p.skillsWeight());
    weight(b, Factor.SCHEDULE, p.scheduleWeight());
    weight(b, Factor.PAY, p.payWeight());
    DistanceDecay d = preset.distanceDecay();
    if (p.distanceOffsetKm() != null || p.distanceScaleKm() != null || p.distanceDecay() != null) {
      double offset = or(p.distanceOffsetKm(), d.offsetKm());
      double scale = or(p.distanceScaleKm(), d.scaleKm());
      double decay = or(p.distanceDecay(), d.decay());
      b.distanceDecay(PropertyChecks.build(PREFIX + "distance-*", offset + "/" + scale + "/" + decay,
          () -> new DistanceDecay(offset, scale, decay)));
    }
    PayDecay pd = preset.payDecay();
    if (p.payScaleYen() != null || p.payDecay() != null) {
      double scale = or(p.payScaleYen(), pd.scaleYen());
      double decay = or(p.payDecay(), pd.decay());
      b.payDecay(PropertyChecks.build(PREFIX + "pay-*", scale + "/" + decay, () -> new PayDecay(scale, decay)));
    }
    if (p.minScheduleCoverage() != null) {
      b.minScheduleCoverage(p.minScheduleCoverage());
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
