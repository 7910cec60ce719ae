package dev.matching.sample;

import dev.matching.model.GeoPoint;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a {@link SampleMarket}: where jobs and homes lie, how far workers travel, how
 * many jobs are remote, how many workers have no home, how often jobs require a skill, how many
 * jobs and workers are exact duplicates of earlier ones, and how jobs' shifts are laid out.
 * Immutable and thread-safe; start from {@link #ofDefaults()} (the sample market as it always
 * was) or {@link #custom()}, and derive changed copies with {@link #toBuilder()}.
 *
 * <pre>{@code
 * MarketShape denseMetro = MarketShape.custom()
 *     .metroShare(0.8)                  // 80% of jobs and homes around central Tokyo
 *     .medianTravelKm(30).maxTravelKm(60)
 *     .build();
 * SampleMarket market = SampleMarket.generate(SampleMarketConfig.custom().shape(denseMetro).build());
 * }</pre>
 *
 * <p><b>The default shape is the sample market.</b> {@link #ofDefaults()} generates, for every
 * seed, size and horizon, exactly the jobs and workers the sample market generated before shapes
 * existed (a test pins them by digest).
 *
 * <p><b>Independent draws.</b> The metro placement, the forced absence of requirements and the
 * duplicates are decided by random streams of their own (per entity, derived from the seed), so
 * changing one of those parameters changes only the entities it selects: a job that is not
 * placed around the metro centre, not stripped of its requirements and not a duplicate is the
 * job of the same index in the market without that parameter, and raising a share only adds
 * entities to those it selects. The remote share, the share of workers without home, the travel
 * limits and the shift patterns are drawn where they always were, so changing them may change
 * any later draw of the entity.
 */
public final class MarketShape {

  /** Tokyo Station, the default metro centre: the middle of central Tokyo. */
  public static final GeoPoint CENTRAL_TOKYO = GeoPoint.of(35.6812, 139.7671);
  /** Smallest metro spread, in kilometres (as for the places of {@link JapanPlaces}). */
  public static final double MIN_SPREAD_KM = 0.1;
  /** Largest metro spread, in kilometres. */
  public static final double MAX_SPREAD_KM = 100;
  /** Largest log-sigma of the travel limits. */
  public static final double MAX_TRAVEL_KM_LOG_SIGMA = 3;
  /**
   * Homes around the metro centre spread this much wider than jobs, as homes spread wider than
   * jobs around every place of the sample: people live in the suburbs and commute.
   */
  public static final double HOME_SPREAD_FACTOR = 1.5;
  /** Tolerance of the check that the shift-pattern shares add up to at most 1. */
  private static final double SHARE_SUM_TOLERANCE = 1e-9;

  private static final MarketShape DEFAULTS = custom().build();

  private final double metroJobShare;
  private final double metroHomeShare;
  private final GeoPoint metroCenter;
  private final double metroSpreadKm;
  private final double medianTravelKm;
  private final double travelKmLogSigma;
  private final double minTravelKm;
  private final double maxTravelKm;
  private final double remoteJobShare;
  private final double noHomeShare;
  private final double noRequirementShare;
  private final double duplicateJobShare;
  private final double duplicateWorkerShare;
  private final double unscheduledJobShare;
  private final double spotJobShare;
  private final double weekendsOnlyJobShare;

  private MarketShape(Builder b) {
    this.metroJobShare = Checks.finiteIn(b.metroJobShare, 0, 1, "metroJobShare");
    this.metroHomeShare = Checks.finiteIn(b.metroHomeShare, 0, 1, "metroHomeShare");
    this.metroCenter = Checks.required(b.metroCenter, "metroCenter");
    this.metroSpreadKm = Checks.finiteIn(b.metroSpreadKm, MIN_SPREAD_KM, MAX_SPREAD_KM, "metroSpreadKm");
    this.medianTravelKm = positiveTravelKm(b.medianTravelKm, "medianTravelKm");
    this.travelKmLogSigma = Checks.finiteIn(b.travelKmLogSigma, 0, MAX_TRAVEL_KM_LOG_SIGMA, "travelKmLogSigma");
    this.minTravelKm = positiveTravelKm(b.minTravelKm, "minTravelKm");
    this.maxTravelKm = positiveTravelKm(b.maxTravelKm, "maxTravelKm");
    if (!(maxTravelKm >= minTravelKm)) {
      throw Checks.fail("maxTravelKm",
          "must be at least minTravelKm (" + minTravelKm + "), was " + maxTravelKm);
    }
    this.remoteJobShare = Checks.finiteIn(b.remoteJobShare, 0, 1, "remoteJobShare");
    this.noHomeShare = Checks.finiteIn(b.noHomeShare, 0, 1, "noHomeShare");
    this.noRequirementShare = Checks.finiteIn(b.noRequirementShare, 0, 1, "noRequirementShare");
    this.duplicateJobShare = Checks.finiteIn(b.duplicateJobShare, 0, 1, "duplicateJobShare");
    this.duplicateWorkerShare = Checks.finiteIn(b.duplicateWorkerShare, 0, 1, "duplicateWorkerShare");
    this.unscheduledJobShare = Checks.finiteIn(b.unscheduledJobShare, 0, 1, "unscheduledJobShare");
    this.spotJobShare = Checks.finiteIn(b.spotJobShare, 0, 1, "spotJobShare");
    this.weekendsOnlyJobShare = Checks.finiteIn(b.weekendsOnlyJobShare, 0, 1, "weekendsOnlyJobShare");
    double patterns = unscheduledJobShare + spotJobShare + weekendsOnlyJobShare;
    if (!(patterns <= 1 + SHARE_SUM_TOLERANCE)) {
      throw Checks.fail("weekendsOnlyJobShare",
          "unscheduledJobShare + spotJobShare + weekendsOnlyJobShare must be at most 1, was " + patterns);
    }
  }

  private static double positiveTravelKm(double km, String field) {
    Checks.finiteIn(km, 0, Worker.MAX_TRAVEL_KM, field);
    if (!(km > 0)) {
      throw Checks.fail(field, "must be greater than 0, was " + km);
    }
    return km;
  }

  /**
   * The sample market's shape: no metro concentration (jobs and homes around every place of
   * {@link JapanPlaces} in proportion to its weight), travel limits with median 9 km,
   * log-sigma 0.45, clamped to [3, 30] km, 2% remote jobs, 2% workers without home, no jobs
   * stripped of their requirements, no duplicates, and 1% of jobs without shifts, 20% spot,
   * 12% weekends only, the rest (67%) weekly.
   */
  public static MarketShape ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults of {@link #ofDefaults()}. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder pre-filled with this shape, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.metroJobShare = metroJobShare;
    b.metroHomeShare = metroHomeShare;
    b.metroCenter = metroCenter;
    b.metroSpreadKm = metroSpreadKm;
    b.medianTravelKm = medianTravelKm;
    b.travelKmLogSigma = travelKmLogSigma;
    b.minTravelKm = minTravelKm;
    b.maxTravelKm = maxTravelKm;
    b.remoteJobShare = remoteJobShare;
    b.noHomeShare = noHomeShare;
    b.noRequirementShare = noRequirementShare;
    b.duplicateJobShare = duplicateJobShare;
    b.duplicateWorkerShare = duplicateWorkerShare;
    b.unscheduledJobShare = unscheduledJobShare;
    b.spotJobShare = spotJobShare;
    b.weekendsOnlyJobShare = weekendsOnlyJobShare;
    return b;
  }

  /**
   * The share, within [0, 1], of the jobs with a location that lie around
   * {@link #metroCenter()} (a Gaussian scatter of {@link #metroSpreadKm()}) instead of around
   * the places of {@link JapanPlaces}; such a job takes the name and the prefecture (minimum
   * wage) of the place nearest to it. 0 in the sample.
   */
  public double metroJobShare() {
    return metroJobShare;
  }

  /**
   * The share, within [0, 1], of the workers whose home (when they have one) lies around
   * {@link #metroCenter()}, scattered {@value #HOME_SPREAD_FACTOR} times as wide as the metro
   * jobs; such a worker's desired pay follows the minimum wage of the place nearest to the home.
   * 0 in the sample.
   */
  public double metroHomeShare() {
    return metroHomeShare;
  }

  /** The centre of the metro area; {@link #CENTRAL_TOKYO} by default. */
  public GeoPoint metroCenter() {
    return metroCenter;
  }

  /**
   * The standard deviation, in kilometres, of the Gaussian scatter of metro jobs around
   * {@link #metroCenter()}, within [{@value #MIN_SPREAD_KM}, {@value #MAX_SPREAD_KM}]; 10 by
   * default.
   */
  public double metroSpreadKm() {
    return metroSpreadKm;
  }

  /**
   * The median of the workers' travel limits, in kilometres: a limit is
   * {@code rint(median * exp(logSigma * N(0, 1)))}, clamped to
   * [{@link #minTravelKm()}, {@link #maxTravelKm()}]. 9 in the sample.
   */
  public double medianTravelKm() {
    return medianTravelKm;
  }

  /**
   * The log-normal sigma of the travel limits, within [0, {@value #MAX_TRAVEL_KM_LOG_SIGMA}]
   * (0: every limit is the median, rounded and clamped); 0.45 in the sample.
   */
  public double travelKmLogSigma() {
    return travelKmLogSigma;
  }

  /** The shortest travel limit, in kilometres, greater than 0; 3 in the sample. */
  public double minTravelKm() {
    return minTravelKm;
  }

  /**
   * The longest travel limit, in kilometres, at least {@link #minTravelKm()} and at most
   * {@link Worker#MAX_TRAVEL_KM}; 30 in the sample.
   */
  public double maxTravelKm() {
    return maxTravelKm;
  }

  /** The share of remote jobs (no location), within [0, 1]; 0.02 in the sample. */
  public double remoteJobShare() {
    return remoteJobShare;
  }

  /** The share of workers without a home, within [0, 1]; 0.02 in the sample. */
  public double noHomeShare() {
    return noHomeShare;
  }

  /**
   * The share, within [0, 1], of jobs stripped of their required skills, on top of the jobs
   * whose category draws none (about 69% of the sample's jobs require no skill). The share of
   * jobs without a required skill is then about {@code s + (1 - s) * 0.69}. 0 in the sample.
   */
  public double noRequirementShare() {
    return noRequirementShare;
  }

  /**
   * The share, within [0, 1], of jobs that are exact duplicates of an earlier job (all fields
   * equal but the id), which makes ties: job {@code i > 0} copies, with this chance, job
   * {@code j} drawn uniformly from {@code [0, i)} (itself possibly a copy), so early jobs have
   * the most copies. 0 in the sample.
   */
  public double duplicateJobShare() {
    return duplicateJobShare;
  }

  /** As {@link #duplicateJobShare()}, for workers; 0 in the sample. */
  public double duplicateWorkerShare() {
    return duplicateWorkerShare;
  }

  /** The share of jobs without shifts (schedule to be agreed), within [0, 1]; 0.01 in the sample. */
  public double unscheduledJobShare() {
    return unscheduledJobShare;
  }

  /** The share of spot jobs (one to three dates), within [0, 1]; 0.20 in the sample. */
  public double spotJobShare() {
    return spotJobShare;
  }

  /** The share of jobs working every Saturday and Sunday only, within [0, 1]; 0.12 in the sample. */
  public double weekendsOnlyJobShare() {
    return weekendsOnlyJobShare;
  }

  /**
   * The share of jobs with a weekly pattern of days: what the unscheduled, spot and
   * weekends-only jobs leave, within [0, 1]; 0.67 in the sample.
   */
  public double weeklyJobShare() {
    return Math.max(0, 1 - (unscheduledJobShare + spotJobShare + weekendsOnlyJobShare));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MarketShape)) {
      return false;
    }
    MarketShape s = (MarketShape) o;
    return same(metroJobShare, s.metroJobShare) && same(metroHomeShare, s.metroHomeShare)
        && metroCenter.equals(s.metroCenter) && same(metroSpreadKm, s.metroSpreadKm)
        && same(medianTravelKm, s.medianTravelKm) && same(travelKmLogSigma, s.travelKmLogSigma)
        && same(minTravelKm, s.minTravelKm) && same(maxTravelKm, s.maxTravelKm)
        && same(remoteJobShare, s.remoteJobShare) && same(noHomeShare, s.noHomeShare)
        && same(noRequirementShare, s.noRequirementShare) && same(duplicateJobShare, s.duplicateJobShare)
        && same(duplicateWorkerShare, s.duplicateWorkerShare) && same(unscheduledJobShare, s.unscheduledJobShare)
        && same(spotJobShare, s.spotJobShare) && same(weekendsOnlyJobShare, s.weekendsOnlyJobShare);
  }

  private static boolean same(double a, double b) {
    return Double.compare(a, b) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(metroJobShare, metroHomeShare, metroCenter, metroSpreadKm, medianTravelKm, travelKmLogSigma,
        minTravelKm, maxTravelKm, remoteJobShare, noHomeShare, noRequirementShare, duplicateJobShare,
        duplicateWorkerShare, unscheduledJobShare, spotJobShare, weekendsOnlyJobShare);
  }

  @Override
  public String toString() {
    return "MarketShape[metroJobShare=" + metroJobShare + ", metroHomeShare=" + metroHomeShare
        + ", metroCenter=" + metroCenter.latitude() + "," + metroCenter.longitude()
        + ", metroSpreadKm=" + metroSpreadKm + ", medianTravelKm=" + medianTravelKm
        + ", travelKmLogSigma=" + travelKmLogSigma + ", minTravelKm=" + minTravelKm + ", maxTravelKm=" + maxTravelKm
        + ", remoteJobShare=" + remoteJobShare + ", noHomeShare=" + noHomeShare
        + ", noRequirementShare=" + noRequirementShare + ", duplicateJobShare=" + duplicateJobShare
        + ", duplicateWorkerShare=" + duplicateWorkerShare + ", unscheduledJobShare=" + unscheduledJobShare
        + ", spotJobShare=" + spotJobShare + ", weekendsOnlyJobShare=" + weekendsOnlyJobShare + "]";
  }

  /**
   * Mutable builder of {@link MarketShape}; not thread-safe. Starts from the sample's values
   * ({@link MarketShape#ofDefaults()}); {@link #build()} validates every field.
   */
  public static final class Builder {
    private double metroJobShare = 0;
    private double metroHomeShare = 0;
    private @Nullable GeoPoint metroCenter = CENTRAL_TOKYO;
    private double metroSpreadKm = 10;
    private double medianTravelKm = 9;
    private double travelKmLogSigma = 0.45;
    private double minTravelKm = 3;
    private double maxTravelKm = 30;
    private double remoteJobShare = 0.02;
    private double noHomeShare = 0.02;
    private double noRequirementShare = 0;
    private double duplicateJobShare = 0;
    private double duplicateWorkerShare = 0;
    private double unscheduledJobShare = 0.01;
    private double spotJobShare = 0.20;
    private double weekendsOnlyJobShare = 0.12;

    private Builder() {}

    /** Sets {@link MarketShape#metroJobShare()}, within [0, 1]; defaults to 0. */
    public Builder metroJobShare(double share) {
      this.metroJobShare = share;
      return this;
    }

    /** Sets {@link MarketShape#metroHomeShare()}, within [0, 1]; defaults to 0. */
    public Builder metroHomeShare(double share) {
      this.metroHomeShare = share;
      return this;
    }

    /** Sets both {@link #metroJobShare(double)} and {@link #metroHomeShare(double)} to {@code share}. */
    public Builder metroShare(double share) {
      return metroJobShare(share).metroHomeShare(share);
    }

    /** Sets {@link MarketShape#metroCenter()}; defaults to {@link MarketShape#CENTRAL_TOKYO}. */
    public Builder metroCenter(GeoPoint center) {
      this.metroCenter = center;
      return this;
    }

    /**
     * Sets {@link MarketShape#metroSpreadKm()}, within [{@value MarketShape#MIN_SPREAD_KM},
     * {@value MarketShape#MAX_SPREAD_KM}]; defaults to 10.
     */
    public Builder metroSpreadKm(double km) {
      this.metroSpreadKm = km;
      return this;
    }

    /** Sets {@link MarketShape#medianTravelKm()}, greater than 0; defaults to 9. */
    public Builder medianTravelKm(double km) {
      this.medianTravelKm = km;
      return this;
    }

    /**
     * Sets {@link MarketShape#travelKmLogSigma()}, within [0,
     * {@value MarketShape#MAX_TRAVEL_KM_LOG_SIGMA}]; defaults to 0.45.
     */
    public Builder travelKmLogSigma(double sigma) {
      this.travelKmLogSigma = sigma;
      return this;
    }

    /** Sets {@link MarketShape#minTravelKm()}, greater than 0; defaults to 3. */
    public Builder minTravelKm(double km) {
      this.minTravelKm = km;
      return this;
    }

    /**
     * Sets {@link MarketShape#maxTravelKm()}, at least the minimum and at most
     * {@link Worker#MAX_TRAVEL_KM}; defaults to 30.
     */
    public Builder maxTravelKm(double km) {
      this.maxTravelKm = km;
      return this;
    }

    /** Sets {@link MarketShape#remoteJobShare()}, within [0, 1]; defaults to 0.02. */
    public Builder remoteJobShare(double share) {
      this.remoteJobShare = share;
      return this;
    }

    /** Sets {@link MarketShape#noHomeShare()}, within [0, 1]; defaults to 0.02. */
    public Builder noHomeShare(double share) {
      this.noHomeShare = share;
      return this;
    }

    /** Sets {@link MarketShape#noRequirementShare()}, within [0, 1]; defaults to 0. */
    public Builder noRequirementShare(double share) {
      this.noRequirementShare = share;
      return this;
    }

    /** Sets {@link MarketShape#duplicateJobShare()}, within [0, 1]; defaults to 0. */
    public Builder duplicateJobShare(double share) {
      this.duplicateJobShare = share;
      return this;
    }

    /** Sets {@link MarketShape#duplicateWorkerShare()}, within [0, 1]; defaults to 0. */
    public Builder duplicateWorkerShare(double share) {
      this.duplicateWorkerShare = share;
      return this;
    }

    /** Sets both {@link #duplicateJobShare(double)} and {@link #duplicateWorkerShare(double)} to {@code share}. */
    public Builder duplicateShare(double share) {
      return duplicateJobShare(share).duplicateWorkerShare(share);
    }

    /** Sets {@link MarketShape#unscheduledJobShare()}, within [0, 1]; defaults to 0.01. */
    public Builder unscheduledJobShare(double share) {
      this.unscheduledJobShare = share;
      return this;
    }

    /** Sets {@link MarketShape#spotJobShare()}, within [0, 1]; defaults to 0.20. */
    public Builder spotJobShare(double share) {
      this.spotJobShare = share;
      return this;
    }

    /** Sets {@link MarketShape#weekendsOnlyJobShare()}, within [0, 1]; defaults to 0.12. */
    public Builder weekendsOnlyJobShare(double share) {
      this.weekendsOnlyJobShare = share;
      return this;
    }

    /**
     * Validates and builds; fails with an {@link dev.matching.model.InvalidArgumentException}
     * naming the field and value. The unscheduled, spot and weekends-only shares must add up to
     * at most 1 (the rest is weekly).
     */
    public MarketShape build() {
      return new MarketShape(this);
    }
  }
}
