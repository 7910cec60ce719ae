package dev.matching.scoring;

import dev.matching.model.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How pairs are scored: factor weights, per-factor floors, decay parameters, the minimum
 * schedule coverage and the missing-data rule of each factor. Immutable and thread-safe; use
 * {@link #ofDefaults()}, a named {@link #preset(String)}, or {@link #custom()}.
 *
 * <p>The total score of an eligible pair is the weighted mean of the factor scores, in
 * [0, 1]:
 *
 * <pre>
 *   total = sum over factors f of  (weight_f / sum of weights) * score_f
 * </pre>
 *
 * <p>Each term is that factor's <em>contribution</em>; contributions add up to the total.
 * A pair is excluded (with a {@link Rejection}) when a factor scores below its floor, among the
 * other hard constraints listed in {@link RejectionReason}.
 */
public final class ScoringPolicy {

  /** Name of the default preset. */
  public static final String BALANCED = "balanced";
  /** Preset that favours short commutes. */
  public static final String NEARBY = "nearby";
  /** Preset that favours well-paid jobs. */
  public static final String PAY_FIRST = "pay_first";
  /** Preset that favours jobs that fit the worker's availability. */
  public static final String SCHEDULE_FIRST = "schedule_first";
  /** Preset that favours jobs that use the worker's skills. */
  public static final String SKILLS_FIRST = "skills_first";

  private static final ScoringPolicy DEFAULTS = new Builder().build();
  private static final Map<String, ScoringPolicy> PRESETS = presets0();

  private final String name;
  private final double[] weights;
  private final double[] normalized;
  private final double[] floors;
  private final MissingData[] missing;
  private final DistanceDecay distanceDecay;
  private final PayDecay payDecay;
  /** {@code Math.log} of the two decays, computed once. */
  private final double lnDistanceDecay;
  private final double lnPayDecay;
  /** {@link #payScore} for shortfalls of 0 to {@code PAY_TABLE - 1} yen, computed once. */
  private final double[] payByShortfall;
  private static final int PAY_TABLE = 2048;
  private final double minScheduleCoverage;

  private ScoringPolicy(Builder b) {
    this.name = Checks.id(b.name, "name");
    double sum = 0;
    for (Factor f : Factor.all()) {
      Checks.finiteIn(b.weights[f.ordinal()], 0, 1000, "weights." + f.key());
      sum += b.weights[f.ordinal()];
    }
    Checks.check(sum > 0, "weights", "must not all be 0");
    this.weights = b.weights.clone();
    this.normalized = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      normalized[i] = weights[i] / sum;
    }
    for (Factor f : Factor.all()) {
      Checks.finiteIn(b.floors[f.ordinal()], 0, 1, "floors." + f.key());
      Checks.required(b.missing[f.ordinal()], "missingData." + f.key());
    }
    this.floors = b.floors.clone();
    this.missing = b.missing.clone();
    this.distanceDecay = Checks.required(b.distanceDecay, "distanceDecay");
    this.payDecay = Checks.required(b.payDecay, "payDecay");
    this.lnDistanceDecay = Math.log(distanceDecay.decay());
    this.lnPayDecay = Math.log(payDecay.decay());
    this.payByShortfall = new double[PAY_TABLE];
    for (int shortfall = 0; shortfall < PAY_TABLE; shortfall++) {
      payByShortfall[shortfall] = payDecayScore(shortfall);
    }
    this.minScheduleCoverage = Checks.finiteIn(b.minScheduleCoverage, 0, 1, "minScheduleCoverage");
  }

  /**
   * The default policy ({@value #BALANCED}): weights distance 0.35, skills 0.25, schedule 0.25,
   * pay 0.15; no floors; {@link DistanceDecay#ofDefaults()}, {@link PayDecay#ofDefaults()};
   * minimum schedule coverage 0.25; missing distance or schedule scores 0.5, missing skills
   * (nothing preferred) or pay (no desired pay) scores 1.
   */
  public static ScoringPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    System.arraycopy(weights, 0, b.weights, 0, weights.length);
    System.arraycopy(floors, 0, b.floors, 0, floors.length);
    System.arraycopy(missing, 0, b.missing, 0, missing.length);
    b.distanceDecay = distanceDecay;
    b.payDecay = payDecay;
    b.minScheduleCoverage = minScheduleCoverage;
    return b;
  }

  /**
   * The named presets: {@value #BALANCED}, {@value #NEARBY}, {@value #PAY_FIRST},
   * {@value #SCHEDULE_FIRST}, {@value #SKILLS_FIRST}. They differ only in weights.
   */
  public static Map<String, ScoringPolicy> presets() {
    return PRESETS;
  }

  /**
   * The preset of that name.
   *
   * @throws IllegalArgumentException naming the known presets when there is none
   */
  public static ScoringPolicy preset(String name) {
    ScoringPolicy p = PRESETS.get(name);
    if (p == null) {
      throw Checks.fail("preset", "unknown \"" + name + "\", expected one of " + PRESETS.keySet());
    }
    return p;
  }

  /** The preset of that name, or empty. */
  public static Optional<ScoringPolicy> findPreset(String name) {
    return Optional.ofNullable(PRESETS.get(name));
  }

  private static Map<String, ScoringPolicy> presets0() {
    Map<String, ScoringPolicy> m = new LinkedHashMap<>();
    m.put(BALANCED, DEFAULTS);
    m.put(NEARBY, custom().name(NEARBY).weights(0.6, 0.15, 0.15, 0.1).build());
    m.put(PAY_FIRST, custom().name(PAY_FIRST).weights(0.25, 0.15, 0.2, 0.4).build());
    m.put(SCHEDULE_FIRST, custom().name(SCHEDULE_FIRST).weights(0.25, 0.15, 0.5, 0.1).build());
    m.put(SKILLS_FIRST, custom().name(SKILLS_FIRST).weights(0.25, 0.45, 0.2, 0.1).build());
    return Collections.unmodifiableMap(m);
  }

  /** The policy's name (the preset name, or what the builder set). */
  public String name() {
    return name;
  }

  /** The weight of {@code factor} as configured. */
  public double weight(Factor factor) {
    return weights[factor.ordinal()];
  }

  /** The weight of {@code factor} divided by the sum of weights: its share of the total. */
  public double normalizedWeight(Factor factor) {
    return normalized[factor.ordinal()];
  }

  /** The floor of {@code factor}: a lower score excludes the pair. */
  public double floor(Factor factor) {
    return floors[factor.ordinal()];
  }

  /** The missing-data rule of {@code factor}. */
  public MissingData missingData(Factor factor) {
    return missing[factor.ordinal()];
  }

  /** The distance decay. */
  public DistanceDecay distanceDecay() {
    return distanceDecay;
  }

  /** The pay decay. */
  public PayDecay payDecay() {
    return payDecay;
  }

  /**
   * {@code distanceDecay().score(km)}, the same to the last bit, without recomputing the
   * decay's logarithm.
   */
  public double distanceScore(double km) {
    double t = Math.max(0.0, km - distanceDecay.offsetKm()) / distanceDecay.scaleKm();
    return Math.exp(lnDistanceDecay * (t * t));
  }

  /**
   * {@code payDecay().score(payYen, desiredYen)}, the same to the last bit, from a table computed
   * once for shortfalls under 2,048 yen (the decay's own formula beyond).
   */
  public double payScore(int payYen, int desiredYen) {
    int shortfall = desiredYen - payYen;
    if (shortfall <= 0) {
      return 1.0;
    }
    return shortfall < PAY_TABLE ? payByShortfall[shortfall] : payDecayScore(shortfall);
  }

  private double payDecayScore(int shortfall) {
    if (shortfall <= 0) {
      return 1.0;
    }
    double t = shortfall / payDecay.scaleYen();
    return Math.exp(lnPayDecay * (t * t));
  }

  /** Share of a job's shift time the worker must be available for, in [0, 1]. */
  public double minScheduleCoverage() {
    return minScheduleCoverage;
  }

  /**
   * The total of four factor scores: the sum of their contributions, in the order distance,
   * skills, schedule, pay, capped at 1 against rounding. The single place totals are computed,
   * so an upper bound of each factor gives an upper bound of the total.
   */
  public double total(double distance, double skills, double schedule, double pay) {
    double t = normalized[0] * distance + normalized[1] * skills + normalized[2] * schedule + normalized[3] * pay;
    return Math.min(1.0, t);
  }

  /** The contribution of one factor score to the total. */
  public double contribution(Factor factor, double score) {
    return normalized[factor.ordinal()] * score;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScoringPolicy)) {
      return false;
    }
    ScoringPolicy p = (ScoringPolicy) o;
    return name.equals(p.name) && java.util.Arrays.equals(weights, p.weights) && java.util.Arrays.equals(floors, p.floors)
        && java.util.Arrays.equals(missing, p.missing) && distanceDecay.equals(p.distanceDecay)
        && payDecay.equals(p.payDecay) && minScheduleCoverage == p.minScheduleCoverage;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, java.util.Arrays.hashCode(weights), java.util.Arrays.hashCode(floors),
        java.util.Arrays.hashCode(missing), distanceDecay, payDecay, minScheduleCoverage);
  }

  @Override
  public String toString() {
    Map<String, Object> m = new LinkedHashMap<>();
    EnumMap<Factor, Double> w = new EnumMap<>(Factor.class);
    for (Factor f : Factor.all()) {
      w.put(f, weights[f.ordinal()]);
    }
    m.put("weights", w);
    m.put("distanceDecay", distanceDecay);
    m.put("payDecay", payDecay);
    m.put("minScheduleCoverage", minScheduleCoverage);
    return "ScoringPolicy[" + name + ", " + m + "]";
  }

  /** Mutable builder of {@link ScoringPolicy}; not thread-safe. {@link #build()} validates. */
  public static final class Builder {
    private String name = BALANCED;
    private final double[] weights = {0.35, 0.25, 0.25, 0.15};
    private final double[] floors = new double[4];
    private final MissingData[] missing = {
        MissingData.score(0.5), MissingData.score(1.0), MissingData.score(0.5), MissingData.score(1.0)
    };
    private DistanceDecay distanceDecay = DistanceDecay.ofDefaults();
    private PayDecay payDecay = PayDecay.ofDefaults();
    private double minScheduleCoverage = 0.25;

    private Builder() {}

    /** Names the policy (shown in explanations); defaults to {@value #BALANCED}... of the base. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets one factor's weight (at least 0; they need not add up to 1). */
    public Builder weight(Factor factor, double weight) {
      weights[Checks.required(factor, "factor").ordinal()] = weight;
      return this;
    }

    /** Sets the four weights in the order distance, skills, schedule, pay. */
    public Builder weights(double distance, double skills, double schedule, double pay) {
      weights[0] = distance;
      weights[1] = skills;
      weights[2] = schedule;
      weights[3] = pay;
      return this;
    }

    /** Sets one factor's floor in [0, 1]: pairs scoring below it on that factor are excluded. */
    public Builder floor(Factor factor, double floor) {
      floors[Checks.required(factor, "factor").ordinal()] = floor;
      return this;
    }

    /** Sets one factor's missing-data rule. */
    public Builder missingData(Factor factor, MissingData rule) {
      missing[Checks.required(factor, "factor").ordinal()] = rule;
      return this;
    }

    /** Sets the distance decay. */
    public Builder distanceDecay(DistanceDecay decay) {
      this.distanceDecay = decay;
      return this;
    }

    /** Sets the pay decay. */
    public Builder payDecay(PayDecay decay) {
      this.payDecay = decay;
      return this;
    }

    /** Sets the minimum schedule coverage in [0, 1]; 0 disables the constraint. */
    public Builder minScheduleCoverage(double coverage) {
      this.minScheduleCoverage = coverage;
      return this;
    }

    /** Validates and builds; fails with an {@link IllegalArgumentException} naming the property. */
    public ScoringPolicy build() {
      return new ScoringPolicy(this);
    }
  }
}
