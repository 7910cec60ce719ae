package dev.matching.scoring.internal;

import dev.matching.model.internal.Haversine;
import dev.matching.model.internal.Timeline;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.Factor;
import dev.matching.scoring.FactorExplanation;
import dev.matching.scoring.MissingData;
import dev.matching.scoring.Rejection;
import dev.matching.scoring.RejectionReason;
import dev.matching.scoring.Scorer;
import dev.matching.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one implementation of pair scoring. Every score in matching, whether from
 * {@link Scorer}, an index, a batch or an explanation, is computed by these functions from a
 * {@link WorkerProfile} and {@link JobColumns}, so a pair scores the same to the last bit in
 * either direction. Stateless and thread-safe.
 */
public final class Evaluator {

  /** Returned by {@link #evaluate} for a pair that violates a hard constraint. */
  public static final double EXCLUDED = -1.0;
  /**
   * Returned by {@link #evaluate} for a pair that cannot reach the requested minimum. Such a pair
   * may also violate a hard constraint that was not checked because the minimum was decided
   * first; callers that need the reasons use {@link #explain}.
   */
  public static final double BELOW_MINIMUM = -2.0;

  private Evaluator() {}

  /**
   * Scores job {@code j} of {@code jobs} for worker {@code w}, cheapest checks first.
   *
   * @param minTotal totals below it need not be computed exactly: returns
   *     {@link #BELOW_MINIMUM} as soon as an upper bound proves the total is lower
   * @param scheduleBound an upper bound of the schedule score known to the caller (1 if none)
   * @param out receives the four factor scores of an eligible pair, in {@link Factor} order
   * @return the total in [0, 1], {@link #EXCLUDED} or {@link #BELOW_MINIMUM}
   */
  public static double evaluate(
      ScoringPolicy p, WorkerProfile w, JobColumns jobs, int j, double minTotal, double scheduleBound, double[] out) {
    return evaluate(p, w, jobs, j, minTotal, 1.0, 1.0, scheduleBound, out);
  }

  /**
   * {@link #evaluate(ScoringPolicy, WorkerProfile, JobColumns, int, double, double, double[])}
   * with upper bounds of the distance and skills scores as well (an index knows them for a range
   * of pairs), so that more pairs below {@code minTotal} are dropped before their costly factors.
   * The bounds never change a score, only how soon a pair is found to be below the minimum.
   */
  public static double evaluate(ScoringPolicy p, WorkerProfile w, JobColumns jobs, int j, double minTotal,
      double distanceBound, double skillsBound, double scheduleBound, double[] out) {
    if (!w.active || (jobs.flags[j] & JobColumns.OPEN) == 0) {
      return EXCLUDED;
    }
    if ((jobs.requiredMask[j] & ~w.skillMask) != 0 || !requiredSkillsMet(w, jobs, j)) {
      return EXCLUDED;
    }
    // pay first: it needs no arithmetic beyond the decay, and a hard floor excludes outright
    double pay;
    if (w.payRule == WorkerProfile.NO_PAY) {
      MissingData m = p.missingData(Factor.PAY);
      if (m.excludes()) {
        return EXCLUDED;
      }
      pay = m.score();
    } else {
      if (w.payRule == WorkerProfile.HARD_PAY && jobs.payMin[j] < w.desiredPay) {
        return EXCLUDED;
      }
      pay = p.payScore(jobs.payMin[j], w.desiredPay);
    }
    if (pay < p.floor(Factor.PAY)) {
      return EXCLUDED;
    }
    boolean remote = (jobs.flags[j] & JobColumns.REMOTE) != 0;
    if (!remote && w.hasHome && Math.abs(jobs.lat[j] - w.lat) > w.maxLatDelta) {
      return EXCLUDED; // farther than the travel limit by latitude alone: no trigonometry needed
    }
    // Upper bounds first, the costly factors last: a pair whose total cannot reach the minimum
    // is dropped as soon as that shows (it may then also break a constraint not yet checked;
    // callers only need to know it is out). Skills before distance: skills rule out more pairs
    // and cost no trigonometry.
    if (p.total(distanceBound, skillsBound, scheduleBound, pay) < minTotal) {
      return BELOW_MINIMUM;
    }
    double s;
    if (jobs.preferredFrom(j) == jobs.skillOffset[j + 1]) {
      MissingData m = p.missingData(Factor.SKILLS);
      if (m.excludes()) {
        return EXCLUDED;
      }
      s = m.score();
    } else {
      s = skillScore(w, jobs, j);
    }
    if (s < p.floor(Factor.SKILLS)) {
      return EXCLUDED;
    }
    if (p.total(distanceBound, s, scheduleBound, pay) < minTotal) {
      return BELOW_MINIMUM;
    }
    double d;
    if (remote) {
      d = 1.0;
    } else if (!w.hasHome) {
      MissingData m = p.missingData(Factor.DISTANCE);
      if (m.excludes()) {
        return EXCLUDED;
      }
      d = m.score();
    } else {
      double km = Haversine.km(w.latRadians, w.sinLat, w.cosLat, w.lng, jobs.lat[j], jobs.lng[j]);
      if (km > w.maxTravelKm) {
        return EXCLUDED;
      }
      d = p.distanceScore(km);
    }
    if (d < p.floor(Factor.DISTANCE)) {
      return EXCLUDED;
    }
    if (p.total(d, s, scheduleBound, pay) < minTotal) {
      return BELOW_MINIMUM;
    }
    double c;
    int shifts = jobs.shiftOffset[j + 1] - jobs.shiftOffset[j];
    if (shifts == 0 || w.availability == null) {
      MissingData m = p.missingData(Factor.SCHEDULE);
      if (m.excludes()) {
        return EXCLUDED;
      }
      c = m.score();
    } else {
      c = coverage(w, jobs, j, p.minScheduleCoverage());
      if (c < p.minScheduleCoverage()) {
        return EXCLUDED;
      }
    }
    if (c < p.floor(Factor.SCHEDULE)) {
      return EXCLUDED;
    }
    double total = p.total(d, s, c, pay);
    if (total < minTotal) {
      return BELOW_MINIMUM;
    }
    out[0] = d;
    out[1] = s;
    out[2] = c;
    out[3] = pay;
    return total;
  }

  /** Whether the worker has every required skill of job {@code j} at its level. */
  static boolean requiredSkillsMet(WorkerProfile w, JobColumns jobs, int j) {
    int from = jobs.skillOffset[j];
    int to = from + jobs.requiredCount[j];
    for (int k = from; k < to; k++) {
      if (w.level(jobs.skillId[k]) < jobs.skillLevel[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The skills score: the weighted share of job {@code j}'s preferred skills the worker has,
   * each credited {@code min(1, level / wanted level)}:
   * {@code sum(weight_i * credit_i) / sum(weight_i)}. Requires at least one preferred skill.
   */
  static double skillScore(WorkerProfile w, JobColumns jobs, int j) {
    int from = jobs.preferredFrom(j);
    int to = jobs.skillOffset[j + 1];
    double acc = 0;
    double weights = 0; // summed in list order, as the weights were given
    byte[] index = jobs.weightIndex;
    double[] table = jobs.weightTable;
    double[] plain = jobs.skillWeight;
    for (int k = from; k < to; k++) {
      int have = w.level(jobs.skillId[k]);
      int want = jobs.skillLevel[k];
      double credit = have >= want ? 1.0 : (double) have / want;
      double weight = index != null ? table[index[k] & 0xff] : plain[k];
      acc += weight * credit;
      weights += weight;
    }
    return Math.min(1.0, acc / weights);
  }

  /**
   * The schedule coverage: seconds of job {@code j}'s shifts inside the worker's availability
   * divided by the shifts' total seconds, in [0, 1]. Requires shifts and an availability.
   *
   * @param minCoverage coverages below it need not be computed: returns a negative number as
   *     soon as the shifts left cannot reach it (0 always computes the coverage)
   */
  static double coverage(WorkerProfile w, JobColumns jobs, int j, double minCoverage) {
    int from = jobs.shiftOffset[j];
    int to = jobs.shiftOffset[j + 1];
    long base = JobColumns.BASE_EPOCH_SECOND;
    Timeline t = w.timelineCovering(base + jobs.shiftStart[from], base + maxEnd(jobs, from, to));
    long total = 0;
    for (int k = from; k < to; k++) {
      total += (long) jobs.shiftEnd[k] - jobs.shiftStart[k];
    }
    if (t == null) {
      return 0;
    }
    long inside = t.overlapSecondsOfSorted(jobs.shiftStart, jobs.shiftEnd, from, to, base,
        secondsFor(minCoverage, total));
    return inside < 0 ? -1 : Math.min(1.0, (double) inside / total);
  }

  /** The fewest seconds {@code x} with {@code x / total >= share} in double arithmetic (0 when share <= 0). */
  private static long secondsFor(double share, long total) {
    if (share <= 0) {
      return 0;
    }
    long x = Math.min(total + 1, (long) Math.ceil(share * total));
    while (x > 0 && (double) (x - 1) / total >= share) {
      x--;
    }
    while (x <= total && (double) x / total < share) {
      x++;
    }
    return x;
  }

  private static int maxEnd(JobColumns jobs, int from, int to) {
    int m = Integer.MIN_VALUE;
    for (int k = from; k < to; k++) {
      m = Math.max(m, jobs.shiftEnd[k]);
    }
    return m;
  }

  /**
   * Explains job {@code j} for worker {@code w}: every factor with its raw value, score, weight
   * and contribution, and every violated hard constraint. Uses the same functions as
   * {@link #evaluate}, so an eligible pair's total equals the total {@code evaluate} returns.
   */
  public static Explanation explain(ScoringPolicy p, WorkerProfile w, JobColumns jobs, int j) {
    List<Rejection> rejections = new ArrayList<>();
    if (!w.active) {
      rejections.add(new Rejection(RejectionReason.WORKER_INACTIVE, null, "the worker is not looking for work"));
    }
    if ((jobs.flags[j] & JobColumns.OPEN) == 0) {
      rejections.add(new Rejection(RejectionReason.JOB_CLOSED, null, "the job is closed"));
    }
    int from = jobs.skillOffset[j];
    for (int k = from; k < from + jobs.requiredCount[j]; k++) {
      String skill = jobs.job(j).requiredSkills().get(k - from).skill();
      int have = w.level(jobs.skillId[k]);
      if (have == 0) {
        rejections.add(new Rejection(RejectionReason.MISSING_REQUIRED_SKILL, Factor.SKILLS,
            "required skill " + skill + " (level " + jobs.skillLevel[k] + ") is missing"));
      } else if (have < jobs.skillLevel[k]) {
        rejections.add(new Rejection(RejectionReason.SKILL_LEVEL_TOO_LOW, Factor.SKILLS,
            "required skill " + skill + " needs level " + jobs.skillLevel[k] + ", the worker has " + have));
      }
    }
    FactorExplanation[] f = new FactorExplanation[4];

    // distance
    if ((jobs.flags[j] & JobColumns.REMOTE) != 0) {
      f[0] = factor(p, Factor.DISTANCE, 0, "km", "remote job", false, 1.0);
    } else if (!w.hasHome) {
      f[0] = missing(p, Factor.DISTANCE, "km", "the worker's home is unknown", rejections);
    } else {
      double km = Haversine.km(w.latRadians, w.sinLat, w.cosLat, w.lng, jobs.lat[j], jobs.lng[j]);
      f[0] = factor(p, Factor.DISTANCE, km, "km",
          fmt("%.1f km from home (limit %.1f km)", km, w.maxTravelKm), false, p.distanceDecay().score(km));
      if (km > w.maxTravelKm) {
        rejections.add(new Rejection(RejectionReason.TOO_FAR, Factor.DISTANCE,
            fmt("%.1f km is beyond the worker's limit of %.1f km", km, w.maxTravelKm)));
      }
    }
    // skills
    if (jobs.preferredFrom(j) == jobs.skillOffset[j + 1]) {
      f[1] = missing(p, Factor.SKILLS, "share", "the job prefers no skills", rejections);
    } else {
      double s = skillScore(w, jobs, j);
      f[1] = factor(p, Factor.SKILLS, s, "share",
          fmt("%.0f%% of the preferred skill weight, level-adjusted", s * 100), false, s);
    }
    // schedule
    int shifts = jobs.shiftOffset[j + 1] - jobs.shiftOffset[j];
    if (shifts == 0 || w.availability == null) {
      f[2] = missing(p, Factor.SCHEDULE, "share",
          shifts == 0 ? "the job has no shifts" : "the worker's availability is unknown", rejections);
    } else {
      double c = coverage(w, jobs, j, 0);
      f[2] = factor(p, Factor.SCHEDULE, c, "share",
          fmt("%.0f%% of %d shift(s) inside the worker's availability", c * 100, shifts), false, c);
      if (c < p.minScheduleCoverage()) {
        rejections.add(new Rejection(RejectionReason.SCHEDULE_CONFLICT, Factor.SCHEDULE,
            fmt("only %.0f%% of the shift time is covered, %.0f%% needed", c * 100, p.minScheduleCoverage() * 100)));
      }
    }
    // pay
    int payYen = jobs.payMin[j];
    if (w.payRule == WorkerProfile.NO_PAY) {
      f[3] = missing(p, Factor.PAY, "JPY/h", "the worker has no desired pay", rejections);
    } else {
      f[3] = factor(p, Factor.PAY, payYen, "JPY/h",
          fmt("%d JPY/h against %s %d JPY/h", payYen, w.payRule == WorkerProfile.HARD_PAY ? "a floor of" : "a wish of",
              w.desiredPay), false, p.payDecay().score(payYen, w.desiredPay));
      if (w.payRule == WorkerProfile.HARD_PAY && payYen < w.desiredPay) {
        rejections.add(new Rejection(RejectionReason.PAY_BELOW_FLOOR, Factor.PAY,
            fmt("%d JPY/h is below the worker's floor of %d JPY/h", payYen, w.desiredPay)));
      }
    }
    for (FactorExplanation fe : f) {
      if (fe.score() < p.floor(fe.factor())) {
        rejections.add(new Rejection(RejectionReason.BELOW_FACTOR_FLOOR, fe.factor(),
            fmt("%s scored %.3f, below the floor of %.3f", fe.factor().key(), fe.score(), p.floor(fe.factor()))));
      }
    }
    double total = p.total(f[0].score(), f[1].score(), f[2].score(), f[3].score());
    return new Explanation(w.worker().id(), jobs.job(j).id(), p.name(), rejections.isEmpty(), total,
        List.of(f), rejections);
  }

  private static FactorExplanation factor(
      ScoringPolicy p, Factor factor, double raw, String unit, String detail, boolean missing, double score) {
    return new FactorExplanation(factor, raw, unit, detail, missing, score, p.normalizedWeight(factor),
        p.contribution(factor, score));
  }

  private static FactorExplanation missing(
      ScoringPolicy p, Factor factor, String unit, String why, List<Rejection> rejections) {
    MissingData m = p.missingData(factor);
    if (m.excludes()) {
      rejections.add(new Rejection(RejectionReason.MISSING_DATA, factor, why + ", and the policy excludes such pairs"));
    }
    return factor(p, factor, Double.NaN, unit, why + (m.excludes() ? "" : fmt(": scored %.2f by policy", m.score())),
        true, m.score());
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
