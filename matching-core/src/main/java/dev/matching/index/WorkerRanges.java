package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Haversine;
import dev.matching.scoring.WorkerProfile;
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
  private final byte[] kind;
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
      int k = 0;
      double a = Double.POSITIVE_INFINITY;
      double b = Double.NEGATIVE_INFINITY;
      double c = Double.POSITIVE_INFINITY;
      double d = Double.NEGATIVE_INFINITY;
      double travel = 0;
      long union = 0;
      int pay = Integer.MAX_VALUE;
      for (int x = r * rangeSize; x < Math.min(n, (r + 1) * rangeSize); x++) {
        int i = order == null ? x : order[x];
        WorkerProfile w = profiles[i];
        if (!w.active()) {
          continue;
        }
        k |= HAS_ACTIVE;
        if (w.hasHome()) {
          k |= HAS_HOME;
          a = Math.min(a, w.latitude());
          b = Math.max(b, w.latitude());
          c = Math.min(c, w.longitude());
          d = Math.max(d, w.longitude());
          travel = Math.max(travel, w.maxTravelKm());
        } else {
          k |= HAS_NO_HOME;
        }
        union |= w.skillMask();
        for (int s = 0; s < Math.min(skillCount, w.levelCount()); s++) {
          maxLevel[r * skillCount + s] = (byte) Math.max(maxLevel[r * skillCount + s], w.level(s));
        }
        if (w.hasDesiredPay()) {
          k |= HAS_PAY;
          pay = Math.min(pay, w.desiredPay());
        } else {
          k |= HAS_NO_PAY;
        }
        long[] m = masks[i];
        if (m == null) {
          k |= HAS_NO_AVAILABILITY;
        } else {
          k |= HAS_AVAILABILITY;
          slots[3 * r] |= m[0];
          slots[3 * r + 1] |= m[1];
          slots[3 * r + 2] |= m[2];
        }
      }
      kind[r] = (byte) k;
      minLat[r] = a;
      maxLat[r] = b;
      minLng[r] = c;
      maxLng[r] = d;
      maxTravel[r] = travel;
      skillUnion[r] = union;
      minDesiredPay[r] = pay;
    }
  }

  /**
   * An upper bound of the total score of any eligible worker of range {@code r} for the job,
   * or a negative number when none can be eligible.
   */
  double bound(int r, JobQuery q, boolean jobInWindow) {
    return bound(r, q, jobInWindow, null);
  }

  /**
   * {@link #bound(int, JobQuery, boolean)}, and when it is not negative and {@code factors} is
   * given, the bounds of the distance, skills and schedule scores it is made of, in that order.
   */
  double bound(int r, JobQuery q, boolean jobInWindow, double @Nullable [] factors) {
    int k = kind[r];
    if ((k & HAS_ACTIVE) == 0 || (q.requiredMask & ~skillUnion[r]) != 0) {
      return -1;
    }
    double d = -1;
    if (q.remote) {
      d = 1;
    } else {
      if ((k & HAS_HOME) != 0) {
        // outside this latitude band every home of the range is beyond its worker's reach
        double band = Math.toDegrees(maxTravel[r] / GeoPoint.EARTH_RADIUS_KM) * (1 + 1e-6) + 1e-9;
        if (q.lat >= minLat[r] - band && q.lat <= maxLat[r] + band) {
          double km = Haversine.lowerBoundKm(q.lat, q.lng, minLat[r], maxLat[r], minLng[r], maxLng[r]);
          if (km <= maxTravel[r]) {
            d = q.policy.distanceScore(km);
          }
        }
      }
      if ((k & HAS_NO_HOME) != 0 && !q.excludesMissingDistance) {
        d = Math.max(d, q.missingDistance);
      }
    }
    if (d < 0) {
      return -1;
    }
    double pay = -1;
    if ((k & HAS_PAY) != 0) {
      pay = q.policy.payScore(q.pay, minDesiredPay[r]);
    }
    if ((k & HAS_NO_PAY) != 0) {
      pay = Math.max(pay, q.missingPay);
    }
    double s;
    if (!q.hasPreferred) {
      s = q.missingSkills;
    } else {
      s = 0;
      for (int e = 0; e < q.preferredSkill.length; e++) {
        int id = q.preferredSkill[e];
        int have = id >= 0 && id < skillCount ? maxLevel[r * skillCount + id] : 0;
        int want = q.preferredLevel[e];
        s += q.preferredShare[e] * (have >= want ? 1.0 : (double) have / want);
      }
      s = Math.min(1.0, s * (1 + 1e-6) + 1e-9);
    }
    double sched = scheduleBound(r, q, jobInWindow);
    if (factors != null) {
      factors[0] = d;
      factors[1] = s;
      factors[2] = sched;
    }
    return q.policy.total(d, s, sched, pay);
  }

  /** An upper bound of the schedule score of any worker of range {@code r} for the job. */
  double scheduleBound(int r, JobQuery q, boolean jobInWindow) {
    if (!q.hasShifts) {
      return q.missingSchedule;
    }
    int k = kind[r];
    double c = -1;
    if ((k & HAS_AVAILABILITY) != 0) {
      if (!jobInWindow) {
        c = 1;
      } else {
        double sum = 0;
        for (int h = 0; h < HourSlots.SLOTS; h++) {
          if ((slots[3 * r + (h >>> 6)] & (1L << (h & 63))) != 0) {
            sum += q.slotShare[h];
          }
        }
        c = Math.min(1.0, sum * (1 + 1e-9) + 1e-9);
      }
    }
    if ((k & HAS_NO_AVAILABILITY) != 0) {
      c = Math.max(c, q.missingSchedule);
    }
    return Math.max(0, c);
  }

  long estimatedBytes() {
    return count * (1L + 8 * 5 + 8 + 4 + 24 + skillCount);
  }
}
