package dev.matching.scoring;

import dev.matching.model.internal.Checks;

/**
 * Gaussian decay of the distance score, as Elasticsearch's {@code gauss} decay function with
 * its origin at the worker's home. Immutable and thread-safe.
 *
 * <pre>
 *   t     = max(0, km - offsetKm) / scaleKm
 *   score = exp(ln(decay) * t^2)        // = decay^(t^2)
 * </pre>
 *
 * <p>So the score is 1 up to {@code offsetKm}, exactly {@code decay} at
 * {@code offsetKm + scaleKm}, and falls towards 0 beyond. It never increases with distance.
 *
 * @param offsetKm distance in kilometres that still scores 1, at least 0
 * @param scaleKm distance beyond the offset at which the score is {@code decay}, greater than 0
 * @param decay the score at {@code offsetKm + scaleKm}, within (0, 1)
 */
public record DistanceDecay(double offsetKm, double scaleKm, double decay) {

  /** Validates the parameters. */
  public DistanceDecay {
    Checks.finiteIn(offsetKm, 0, 20_000, "distance.offsetKm");
    Checks.finiteIn(scaleKm, 0, 20_000, "distance.scaleKm");
    if (!(scaleKm > 0)) {
      throw Checks.fail("distance.scaleKm",
          "must be greater than 0, was " + scaleKm);
    }
    Checks.finiteIn(decay, 0, 1, "distance.decay");
    if (!(decay > 0 && decay < 1)) {
      throw Checks.fail("distance.decay",
          "must be within (0, 1), was " + decay);
    }
  }

  /** 1 km offset, 10 km scale, decay 0.5: a job 11 km away scores 0.5. */
  public static DistanceDecay ofDefaults() {
    return new DistanceDecay(1, 10, 0.5);
  }

  /** The score of a distance in kilometres. */
  public double score(double km) {
    double t = Math.max(0.0, km - offsetKm) / scaleKm;
    return Math.exp(Math.log(decay) * (t * t));
  }
}
