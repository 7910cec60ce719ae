package dev.matching.benchmarks;

import dev.matching.sample.MarketShape;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The named market shapes the benchmarks measure (issue #20): the sample market and the shapes
 * on which the index was measured slower, each a {@link MarketShape} that changes the sample
 * only where its name says. A JMH parameter ({@code -p shape=DENSE_METRO,TIE_HEAVY}); every
 * benchmark defaults to {@link #SAMPLE}, so invocations without it measure what they always did.
 *
 * <p>Travel limits keep the sample's log-normal spread (log-sigma 0.45) around the median the
 * shape names, clamped to [3 km, twice the median].
 */
public enum MarketShapes {

  /** The sample market: {@link MarketShape#ofDefaults()}. */
  SAMPLE(MarketShape.ofDefaults()),

  /**
   * Dense metro: 80% of the located jobs and of the worker homes around central Tokyo (a
   * Gaussian of 10 km around Tokyo Station, homes 15 km), travel limits around 30 km (at most 60).
   */
  DENSE_METRO(MarketShape.custom()
      .metroShare(0.8).metroCenter(MarketShape.CENTRAL_TOKYO).metroSpreadKm(10)
      .medianTravelKm(30).maxTravelKm(60)
      .build()),

  /**
   * Wide reach: travel limits around 100 km (at most 200), and 70% of jobs without a required
   * skill (3% of the jobs stripped of their requirements on top of the sample's 69% that have
   * none).
   */
  WIDE_REACH(MarketShape.custom()
      .medianTravelKm(100).maxTravelKm(200)
      .noRequirementShare(0.03)
      .build()),

  /** Remote-heavy: 20% remote jobs and 15% of workers without a home (the sample: 2% and 2%). */
  REMOTE_HEAVY(MarketShape.custom()
      .remoteJobShare(0.20).noHomeShare(0.15)
      .build()),

  /**
   * Tie-heavy: half the jobs and half the workers exact copies of earlier ones (all but the id),
   * travel limits around 20 km (at most 40).
   */
  TIE_HEAVY(MarketShape.custom()
      .duplicateShare(0.5)
      .medianTravelKm(20).maxTravelKm(40)
      .build());

  private final MarketShape shape;

  MarketShapes(MarketShape shape) {
    this.shape = shape;
  }

  /** The shape the sample generator is given. */
  public MarketShape shape() {
    return shape;
  }

  /**
   * The shape called {@code name} (case-insensitive), failing with an
   * {@link IllegalArgumentException} that lists the names.
   */
  public static MarketShapes named(String name) {
    for (MarketShapes s : values()) {
      if (s.name().equalsIgnoreCase(name.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("shape: unknown \"" + name + "\", expected one of "
        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
