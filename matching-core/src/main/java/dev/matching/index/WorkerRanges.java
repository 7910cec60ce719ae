package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.internal.Haversine;
import dev.matching.scoring.internal.WorkerProfile;
import org.jspecify.annotations.Nullable;

/**
 * Upper bounds of the score of every active worker in consecutive ranges of a segment, for one
 * job: the bounding box of homes, the longest travel limit, the union of skills and the highest
 * level per skill, the lowest desired pay, and the hour-of-week slots anyone is available in.
 * Immutable and thread-safe.
 */
final class WorkerRanges {
  private static final int HAS_ACTIVE = 1;
  private static final int HAS_HOME = 2;
  private static final int HAS_NO_HOME = 4;
  private static final int HAS_AVAILABILITY = 8;
  private static final int HAS_NO_AVAILABILITY = 16;
  private static final int HAS_PAY = 32;
  private static final int HAS_NO_PAY = 64;

  final int count;
  private final int skillCount;
  /**
   * Per range, its {@code HAS_} flags: {@code HAS_ACTIVE} when any of its workers is active, each
   * other one when any active worker has (or lacks) that.
   */
  private final byte[] kind;
  /**
   * Per range, the bounding box of its active workers' homes in degrees: latitudes in
   * {@code [minLat, maxLat]}, longitudes in {@code [minLng, maxLng]}; infinities (an empty box)
   * when no active worker of the range has a home.
   */
  private final double[] minLat;
  private final double[] maxLat;
  private final double[] minLng;
  private final double[] maxLng;
  private final double[] maxTravel;
  private final long[] skillUnion;
  private final byte[] maxLevel;
  private final int[] minDesiredPay;
  private final long[] slots;

  /**
   * Bounds of consecutive runs of {@code rangeSize} entries of {@code order} (positions in
   * {@code profiles} and {@code masks}; the positions themselves when null).
   */
  WorkerRanges(WorkerProfile[] profiles, long[][] masks, int @Nullable [] order, int skillCount, int rangeSize) {
    int n = profiles.length;
    this.count = (n + rangeSize - 1) / rangeSize;
    this.skillCount = skillCount;
    kind = new byte[count];
    minLat = new double[count];
    maxLat = new double[count];
    minLng = new double[count];
    maxLng = new double[count];
    maxTravel = new double[count];
    skillUnion = new long[count];
    maxLevel = new byte[count * skillCount];
    minDesiredPay = new int[count];
    slots = new long[count * 3];
    for (int r = 0; r < count; r++) {
      int has = 0;
      double rangeMinLat = Double.POSITIVE_INFINITY;
      double rangeMaxLat = Double.NEGATIVE_INFINITY;
      double rangeMinLng = Double.POSITIVE_INFINITY;
      double rangeMaxLng = Double.NEGATIVE_INFINITY;
      double travel = 0;
      long union = 0;
      int pay = Integer.MAX_VALUE;
      for (int x = r * rangeSize; x < Math.min(n, (r + 1) * rangeSize); x++) {
        int i = order == null ? x : order[x];
        WorkerProfile w = profiles[i];
        if (!w.active()) {
          continue;
        }
        has |= HAS_ACTIVE;
        if (w.hasHome()) {
          has |= HAS_HOME;
          rangeMinLat = Math.min(rangeMinLat, w.latitude());
          rangeMaxLat = Math.max(rangeMaxLat, w.latitude());
          rangeMinLng = Math.min(rangeMinLng, w.longitude());
          rangeMaxLng = Math.max(rangeMaxLng, w.longitude());
          travel = Math.max(travel, w.maxTravelKm());
        } else {
          has |= HAS_NO_HOME;
        }
        union |= w.skillMask();
        for (int s = 0; s < Math.min(skillCount, w.levelCount()); s++) {
          maxLevel[r * skillCount + s] = (byte) Math.max(maxLevel[r * skillCount + s], w.level(s));
        }
        if (w.hasDesiredPay()) {
          has |= HAS_PAY;
          pay = Math.min(pay, w.desiredPay());
        } else {
          has |= HAS_NO_PAY;
        }
        long[] m = masks[i];
        if (m == null) {
          has |= HAS_NO_AVAILABILITY;
        } else {
          has |= HAS_AVAILABILITY;
          slots[3 * r] |= m[0];
          slots[3 * r + 1] |= m[1];
          slots[3 * r + 2] |= m[2];
        }
      }
      kind[r] = (byte) has;
      minLat[r] = rangeMinLat;
      maxLat[r] = rangeMaxLat;
      minLng[r] = rangeMinLng;
      maxLng[r] = rangeMaxLng;
      maxTravel[r] = travel;
      skillUnion[r] = union;
      minDesiredPay[r] = pay;
    }
  }

  /**
   * An upper bound of the total score of any eligible worker of range {@code r} for the job
   * {@code probe}, or a negative number when none can be eligible.
   */
  double bound(int r, JobProbe probe, boolean jobInWindow) {
    return bound(r, probe, jobInWindow, null);
  }

  /**
   * {@link #bound(int, JobProbe, boolean)}, and when it is not negative and {@code factors} is
   * given, the bounds of the distance, skills and schedule scores it is made of, in that order.
   */
  double bound(int r, JobProbe probe, boolean jobInWindow, double @Nullable [] factors) {
    int has = kind[r];
    if ((has & HAS_ACTIVE) == 0 || (probe.requiredMask & ~skillUnion[r]) != 0) {
      return -1;
    }
    double distance = -1;
    if (probe.remote) {
      distance = 1;
    } else {
      if ((has & HAS_HOME) != 0) {
        // outside this latitude band every home of the range is beyond its worker's reach
        double band = Math.toDegrees(maxTravel[r] / GeoPoint.EARTH_RADIUS_KM) * (1 + 1e-6) + 1e-9;
        if (probe.lat >= minLat[r] - band && probe.lat <= maxLat[r] + band) {
          double km = Haversine.lowerBoundKm(probe.lat, probe.lng, minLat[r], maxLat[r], minLng[r], maxLng[r]);
          if (km <= maxTravel[r]) {
            distance = probe.policy.distanceScore(km);
          }
        }
      }
      if ((has & HAS_NO_HOME) != 0 && !probe.excludesMissingDistance) {
        distance = Math.max(distance, probe.missingDistance);
      }
    }
    if (distance < 0) {
      return -1;
    }
    double pay = -1;
    if ((has & HAS_PAY) != 0) {
      pay = probe.policy.payScore(probe.pay, minDesiredPay[r]);
    }
    if ((has & HAS_NO_PAY) != 0) {
      pay = Math.max(pay, probe.missingPay);
    }
    double skills;
    if (!probe.hasPreferred) {
      skills = probe.missingSkills;
    } else {
      skills = 0;
      for (int e = 0; e < probe.preferredSkill.length; e++) {
        int id = probe.preferredSkill[e];
        int have = id >= 0 && id < skillCount ? maxLevel[r * skillCount + id] : 0;
        int want = probe.preferredLevel[e];
        skills += probe.preferredShare[e] * (have >= want ? 1.0 : (double) have / want);
      }
      skills = Math.min(1.0, skills * (1 + 1e-6) + 1e-9);
    }
    double schedule = scheduleBound(r, probe, jobInWindow);
    if (factors != null) {
      factors[0] = distance;
      factors[1] = skills;
      factors[2] = schedule;
    }
    return probe.policy.total(distance, skills, schedule, pay);
  }

  /** An upper bound of the schedule score of any worker of range {@code r} for the job. */
  double scheduleBound(int r, JobProbe probe, boolean jobInWindow) {
    if (!probe.hasShifts) {
      return probe.missingSchedule;
    }
    int has = kind[r];
    double schedule = -1;
    if ((has & HAS_AVAILABILITY) != 0) {
      if (!jobInWindow) {
        schedule = 1;
      } else {
        double sum = 0;
        for (int h = 0; h < HourSlots.SLOTS; h++) {
          if ((slots[3 * r + (h >>> 6)] & (1L << (h & 63))) != 0) {
            sum += probe.slotShare[h];
          }
        }
        schedule = Math.min(1.0, sum * (1 + 1e-9) + 1e-9);
      }
    }
    if ((has & HAS_NO_AVAILABILITY) != 0) {
      schedule = Math.max(schedule, probe.missingSchedule);
    }
    return Math.max(0, schedule);
  }

  long estimatedBytes() {
    return count * (1L + 8 * 5 + 8 + 4 + 24 + skillCount);
  }
}
