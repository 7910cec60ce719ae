package dev.matching.testing;

import dev.matching.model.GeoPoint;
import dev.matching.sample.MarketShape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random {@link MarketShape}s for property tests, reaching every extreme: metro shares 0 to 1
 * around Tokyo, Osaka, Sapporo or anywhere in Japan, travel limits of 1 to 150 km (fixed or
 * spread), remote jobs 0 to 50%, workers without home 0 to 50%, jobs stripped of requirements
 * 0 to 100%, duplicate jobs and workers 0 to 80%, and any split of the shift patterns. Each
 * share is its bounds a third of the time, so the extremes come up often.
 */
public final class RandomShapes {

  private RandomShapes() {}

  /** Any shape within the ranges above. */
  public static Arbitrary<MarketShape> shapes() {
    return Builders.withBuilder(MarketShape::custom)
        .use(share(1)).in(MarketShape.Builder::metroJobShare)
        .use(share(1)).in(MarketShape.Builder::metroHomeShare)
        .use(centers()).in(MarketShape.Builder::metroCenter)
        .use(between(MarketShape.MIN_SPREAD_KM, 50)).in(MarketShape.Builder::metroSpreadKm)
        .use(travel()).in((b, t) -> b.medianTravelKm(t.get1()).travelKmLogSigma(t.get2())
            .minTravelKm(t.get3()).maxTravelKm(t.get4()))
        .use(share(0.5)).in(MarketShape.Builder::remoteJobShare)
        .use(share(0.5)).in(MarketShape.Builder::noHomeShare)
        .use(share(1)).in(MarketShape.Builder::noRequirementShare)
        .use(share(0.8)).in(MarketShape.Builder::duplicateJobShare)
        .use(share(0.8)).in(MarketShape.Builder::duplicateWorkerShare)
        .use(patterns()).in((b, p) -> b.unscheduledJobShare(p.get1()).spotJobShare(p.get2())
            .weekendsOnlyJobShare(p.get3()))
        .build(MarketShape.Builder::build);
  }

  /** 0, {@code max}, or anything between. */
  private static Arbitrary<Double> share(double max) {
    return between(0, max);
  }

  private static Arbitrary<Double> between(double min, double max) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(min)),
        Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(4, Arbitraries.doubles().between(min, max)));
  }

  private static Arbitrary<GeoPoint> centers() {
    return Arbitraries.oneOf(
        Arbitraries.just(MarketShape.CENTRAL_TOKYO),
        Arbitraries.just(GeoPoint.of(34.7025, 135.4959)), // Umeda, Osaka
        Arbitraries.just(GeoPoint.of(43.0618, 141.3545)), // Sapporo
        Combinators.combine(Arbitraries.doubles().between(26, 44), Arbitraries.doubles().between(128, 145))
            .as(GeoPoint::of));
  }

  /** Median, log-sigma, min and max travel km, min at most max, all within [1, 150]. */
  private static Arbitrary<Tuple.Tuple4<Double, Double, Double, Double>> travel() {
    Arbitrary<Double> km = between(1, 150);
    Arbitrary<Double> sigma = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0.0)), Tuple.of(3, Arbitraries.doubles().between(0, 1.5)));
    return Combinators.combine(km, sigma, km, km)
        .as((median, s, a, b) -> Tuple.of(median, s, Math.min(a, b), Math.max(a, b)));
  }

  /** Unscheduled, spot and weekends-only shares adding up to at most 1. */
  private static Arbitrary<Tuple.Tuple3<Double, Double, Double>> patterns() {
    return Combinators.combine(share(0.3), share(1), share(1)).as((unscheduled, spot, weekends) -> {
      double room = 1 - unscheduled;
      if (spot + weekends <= room) {
        return Tuple.of(unscheduled, spot, weekends);
      }
      double scale = room / (spot + weekends);
      return Tuple.of(unscheduled, spot * scale, weekends * scale);
    });
  }
}
