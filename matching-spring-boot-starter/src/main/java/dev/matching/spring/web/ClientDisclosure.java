package dev.matching.spring.web;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.PayPreference;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.Factor;
import dev.matching.scoring.FactorExplanation;
import dev.matching.scoring.Rejection;
import dev.matching.scoring.RejectionReason;
import dev.matching.scoring.Scorer;
import dev.matching.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a client (an employer's API key) may learn about a worker. Everything a client is shown
 * about a worker is computed from the worker's <em>coarse profile</em> ({@link #coarsen}): the
 * home replaced by the centre of its grid cell of about {@value #CELL_KM} km, the travel limit
 * rounded to whole kilometres and the desired pay rounded up to a multiple of
 * {@value #PAY_STEP_YEN} JPY; the other data is unchanged. Because the coarse profile is the
 * input, not the output, rounding, and because everything shown is a function of it, no sequence
 * of queries (moving one's own job, changing its pay) tells apart two workers whose coarse
 * profiles are equal. Explanation texts are rewritten without the travel limit and the pay
 * wish, and the distance is shown in whole kilometres. Stateless and thread-safe.
 */
public final class ClientDisclosure {
  /** Side of the grid cells homes are coarsened to, in kilometres. */
  public static final double CELL_KM = 1.0;
  /** Desired pay is rounded up to a multiple of this, in yen per hour. */
  public static final int PAY_STEP_YEN = 100;
  private static final double KM_PER_DEGREE = Math.PI * GeoPoint.EARTH_RADIUS_KM / 180;
  private static final double LAT_STEP = CELL_KM / KM_PER_DEGREE;

  /** The disclosure rules; they have no state. */
  public ClientDisclosure() {}

  /**
   * The centre of the grid cell holding {@code home}: rows of {@value #CELL_KM} km of latitude
   * from the south pole, each cut into cells of {@value #CELL_KM} km of longitude at the row's
   * centre, from the antimeridian. Every point of a cell has the same centre.
   */
  public static GeoPoint cellCentre(GeoPoint home) {
    long row = (long) Math.floor((home.latitude() + 90) / LAT_STEP);
    double lat = Math.min(90, -90 + (row + 0.5) * LAT_STEP);
    double cos = Math.cos(Math.toRadians(lat));
    double lngStep = cos * 360 > LAT_STEP ? Math.min(360, LAT_STEP / cos) : 360;
    long col = (long) Math.floor((home.longitude() + 180) / lngStep);
    double lng = Math.min(180, -180 + (col + 0.5) * lngStep);
    return GeoPoint.of(lat, lng);
  }

  /**
   * The coarse profile of {@code worker}: home at its {@link #cellCentre}, travel limit rounded to
   * whole kilometres (at least 1), desired pay rounded up to a multiple of {@value #PAY_STEP_YEN}
   * JPY; everything else as is.
   */
  public Worker coarsen(Worker worker) {
    Worker.Builder b = worker.toBuilder()
        .maxTravelKm(Math.min(Worker.MAX_TRAVEL_KM, Math.max(1, Math.round(worker.maxTravelKm()))));
    if (worker.home() != null) {
      b.home(cellCentre(worker.home()));
    }
    PayPreference pay = worker.desiredPay();
    if (pay != null) {
      long up = ((long) pay.minHourlyYen() + PAY_STEP_YEN - 1) / PAY_STEP_YEN * PAY_STEP_YEN;
      b.desiredPay(new PayPreference((int) Math.min(Pay.MAX_HOURLY_YEN, up), pay.hard()));
    }
    return b.build();
  }

  /** The explanation a client gets of {@code worker} and {@code job}: of the coarse profile, reworded. */
  public Explanation explain(Worker worker, Job job, ScoringPolicy policy) {
    return reword(Scorer.of(policy).explain(coarsen(worker), job));
  }

  /**
   * The match a client is shown for {@code worker} ranked for {@code job}: the id of
   * {@code match}, with the total and factor scores of the worker's coarse profile.
   */
  public Match match(Match match, Worker worker, Job job, ScoringPolicy policy) {
    Explanation e = Scorer.of(policy).explain(coarsen(worker), job);
    return new Match(match.id(), e.total(), e.scores());
  }

  /**
   * {@code e} with the distance in whole kilometres and no travel limit or pay wish in any text.
   * Scores, weights, contributions and the total are kept as they are.
   */
  Explanation reword(Explanation e) {
    List<FactorExplanation> factors = new ArrayList<>(e.factors().size());
    for (FactorExplanation f : e.factors()) {
      factors.add(reword(f));
    }
    List<Rejection> rejections = new ArrayList<>(e.rejections().size());
    for (Rejection r : e.rejections()) {
      rejections.add(reword(r, e));
    }
    return new Explanation(e.workerId(), e.jobId(), e.policy(), e.eligible(), e.total(), factors, rejections);
  }

  private static FactorExplanation reword(FactorExplanation f) {
    if (f.missing()) {
      return f; // "the worker's home is unknown" and the like: no numbers of the worker
    }
    if (f.factor() == Factor.DISTANCE && !f.detail().equals("remote job")) {
      long km = Math.round(f.raw());
      return new FactorExplanation(f.factor(), km, f.unit(), fmt("about %d km from home", km), false, f.score(),
          f.weight(), f.contribution());
    }
    if (f.factor() == Factor.PAY) {
      String kind = f.detail().contains("a floor of") ? "floor" : "wish";
      return new FactorExplanation(f.factor(), f.raw(), f.unit(),
          fmt("%d JPY/h against the worker's pay %s", (long) f.raw(), kind), false, f.score(), f.weight(),
          f.contribution());
    }
    return f;
  }

  private static Rejection reword(Rejection r, Explanation e) {
    if (r.reason() == RejectionReason.TOO_FAR) {
      return new Rejection(r.reason(), r.factor(),
          fmt("about %d km is beyond the worker's travel limit", Math.round(e.factor(Factor.DISTANCE).raw())));
    }
    if (r.reason() == RejectionReason.PAY_BELOW_FLOOR) {
      return new Rejection(r.reason(), r.factor(),
          fmt("%d JPY/h is below the worker's pay floor", (long) e.factor(Factor.PAY).raw()));
    }
    return r;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
