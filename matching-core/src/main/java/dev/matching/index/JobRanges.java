package dev.matching.index;

import dev.matching.model.Haversine;
import dev.matching.scoring.Factor;
import dev.matching.scoring.JobColumns;
import dev.matching.scoring.MissingData;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.SkillCatalog;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Upper bounds of the score of every job in consecutive ranges of a segment, for one worker:
 * the bounding box of the range's locations, its best pay, the skills all of its jobs require,
 * the largest share of preferred-skill weight per skill, and the largest share of shift time per
 * hour-of-week slot. Immutable and thread-safe.
 */
final class JobRanges {
  final int rangeSize;
  final int count;
  private final double[] minLat;
  private final double[] maxLat;
  private final double[] minLng;
  private final double[] maxLng;
  private final byte[] kind;
  private final int[] maxPay;
  private final long[] requiredByAll;
  private final int[] prefOffset;
  private final int[] prefSkill;
  private final float[] prefShare;
  /** The lowest level any job of the range wants for that preferred skill. */
  private final byte[] prefMinLevel;
  private final byte[] slotShare;

  private static final byte HAS_OPEN = 1;
  private static final byte HAS_REMOTE = 2;
  private static final byte HAS_LOCATED = 4;
  private static final byte HAS_NO_PREFERRED = 8;
  private static final byte HAS_NO_SHIFTS = 16;

  /**
   * Bounds of consecutive runs of {@code rangeSize} entries of {@code order} (positions in
   * {@code c}; the positions themselves when null).
   */
  JobRanges(JobColumns c, int @Nullable [] order, int rangeSize) {
    this.rangeSize = rangeSize;
    int n = c.size();
    this.count = (n + rangeSize - 1) / rangeSize;
    minLat = new double[count];
    maxLat = new double[count];
    minLng = new double[count];
    maxLng = new double[count];
    kind = new byte[count];
    maxPay = new int[count];
    requiredByAll = new long[count];
    prefOffset = new int[count + 1];
    slotShare = new byte[count * HourSlots.SLOTS];
    PreferredBests prefs = new PreferredBests(64);
    double[] frac = new double[HourSlots.SLOTS];
    double[] maxFrac = new double[HourSlots.SLOTS];
    for (int r = 0; r < count; r++) {
      int from = r * rangeSize;
      int to = Math.min(n, from + rangeSize);
      double a = Double.POSITIVE_INFINITY;
      double b = Double.NEGATIVE_INFINITY;
      double cMin = Double.POSITIVE_INFINITY;
      double d = Double.NEGATIVE_INFINITY;
      byte k = 0;
      int pay = 0;
      long and = -1L;
      Arrays.fill(maxFrac, 0);
      for (int i = from; i < to; i++) {
        int j = order == null ? i : order[i];
        if (c.isOpen(j)) {
          k |= HAS_OPEN;
        }
        if (c.remote(j)) {
          k |= HAS_REMOTE;
        } else {
          k |= HAS_LOCATED;
          a = Math.min(a, c.latitude(j));
          b = Math.max(b, c.latitude(j));
          cMin = Math.min(cMin, c.longitude(j));
          d = Math.max(d, c.longitude(j));
        }
        pay = Math.max(pay, c.pay(j));
        and &= c.requiredMask(j);
        int pf = c.preferredFrom(j);
        int pt = c.skillsTo(j);
        if (pf == pt) {
          k |= HAS_NO_PREFERRED;
        }
        double sum = c.preferredWeightSum(j);
        for (int e = pf; e < pt; e++) {
          prefs.add(c.skillId(e), roundUp(c.skillWeight(e) / sum), (byte) c.skillLevel(e));
        }
        Arrays.fill(frac, 0);
        if (HourSlots.jobFractions(c, j, frac)) {
          for (int h = 0; h < HourSlots.SLOTS; h++) {
            maxFrac[h] = Math.max(maxFrac[h], frac[h]);
          }
        } else {
          k |= HAS_NO_SHIFTS;
        }
      }
      minLat[r] = a;
      maxLat[r] = b;
      minLng[r] = cMin;
      maxLng[r] = d;
      kind[r] = k;
      maxPay[r] = pay;
      requiredByAll[r] = and;
      prefOffset[r + 1] = prefs.endRange();
      for (int h = 0; h < HourSlots.SLOTS; h++) {
        slotShare[r * HourSlots.SLOTS + h] = HourSlots.quantizeUp(maxFrac[h]);
      }
    }
    prefSkill = Arrays.copyOf(prefs.skills, prefs.used);
    prefShare = Arrays.copyOf(prefs.shares, prefs.used);
    prefMinLevel = Arrays.copyOf(prefs.levels, prefs.used);
  }

  /**
   * Bounds of ranges {@code factor} times wider, each the union of {@code factor} consecutive
   * ranges of {@code narrow}: the same bounds as computed from the jobs, at a fraction of the
   * cost (every bound is a minimum, maximum or union, and the quantization rounds monotonically).
   */
  JobRanges(JobRanges narrow, int factor) {
    this.rangeSize = narrow.rangeSize * factor;
    this.count = (narrow.count + factor - 1) / factor;
    minLat = new double[count];
    maxLat = new double[count];
    minLng = new double[count];
    maxLng = new double[count];
    kind = new byte[count];
    maxPay = new int[count];
    requiredByAll = new long[count];
    prefOffset = new int[count + 1];
    slotShare = new byte[count * HourSlots.SLOTS];
    PreferredBests prefs = new PreferredBests(Math.max(16, narrow.prefSkill.length / Math.max(1, factor)));
    for (int r = 0; r < count; r++) {
      int from = r * factor;
      int to = Math.min(narrow.count, from + factor);
      double a = Double.POSITIVE_INFINITY;
      double b = Double.NEGATIVE_INFINITY;
      double cMin = Double.POSITIVE_INFINITY;
      double d = Double.NEGATIVE_INFINITY;
      byte k = 0;
      int pay = 0;
      long and = -1L;
      int base = r * HourSlots.SLOTS;
      for (int i = from; i < to; i++) {
        a = Math.min(a, narrow.minLat[i]);
        b = Math.max(b, narrow.maxLat[i]);
        cMin = Math.min(cMin, narrow.minLng[i]);
        d = Math.max(d, narrow.maxLng[i]);
        k |= narrow.kind[i];
        pay = Math.max(pay, narrow.maxPay[i]);
        and &= narrow.requiredByAll[i];
        for (int e = narrow.prefOffset[i]; e < narrow.prefOffset[i + 1]; e++) {
          prefs.add(narrow.prefSkill[e], narrow.prefShare[e], narrow.prefMinLevel[e]);
        }
        int narrowBase = i * HourSlots.SLOTS;
        for (int h = 0; h < HourSlots.SLOTS; h++) {
          if ((narrow.slotShare[narrowBase + h] & 0xff) > (slotShare[base + h] & 0xff)) {
            slotShare[base + h] = narrow.slotShare[narrowBase + h];
          }
        }
      }
      minLat[r] = a;
      maxLat[r] = b;
      minLng[r] = cMin;
      maxLng[r] = d;
      kind[r] = k;
      maxPay[r] = pay;
      requiredByAll[r] = and;
      prefOffset[r + 1] = prefs.endRange();
    }
    prefSkill = Arrays.copyOf(prefs.skills, prefs.used);
    prefShare = Arrays.copyOf(prefs.shares, prefs.used);
    prefMinLevel = Arrays.copyOf(prefs.levels, prefs.used);
  }

  /**
   * Collects, range by range, the best share and the lowest wanted level of each preferred
   * skill, and appends each range's skills to growing arrays. Used while building; not
   * thread-safe.
   */
  private static final class PreferredBests {
    int[] skills;
    float[] shares;
    byte[] levels;
    int used;
    // best share per skill id in the current range (0: not seen), and the ids seen
    private float[] best = new float[64];
    private byte[] lowest = new byte[64];
    private int[] touched = new int[64];
    private int touchedCount;

    PreferredBests(int capacity) {
      skills = new int[capacity];
      shares = new float[capacity];
      levels = new byte[capacity];
    }

    void add(int id, float share, byte level) {
      if (id >= best.length) {
        best = Arrays.copyOf(best, Math.max(id + 1, best.length * 2));
        lowest = Arrays.copyOf(lowest, best.length);
      }
      if (best[id] == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touched.length * 2);
        }
        touched[touchedCount++] = id;
        best[id] = share;
        lowest[id] = level;
      } else {
        best[id] = Math.max(best[id], share);
        lowest[id] = (byte) Math.min(lowest[id], level);
      }
    }

    /** Appends the current range's skills, starts the next range; returns the entries so far. */
    int endRange() {
      if (used + touchedCount > skills.length) {
        skills = Arrays.copyOf(skills, Math.max(used + touchedCount, skills.length * 2));
        shares = Arrays.copyOf(shares, skills.length);
        levels = Arrays.copyOf(levels, skills.length);
      }
      for (int t = 0; t < touchedCount; t++) {
        int id = touched[t];
        skills[used] = id;
        shares[used] = best[id];
        levels[used] = lowest[id];
        best[id] = 0;
        used++;
      }
      touchedCount = 0;
      return used;
    }
  }

  private static float roundUp(double x) {
    float f = (float) x;
    return f < x ? Math.nextUp(f) : f;
  }

  /**
   * An upper bound of the total score of any eligible job of range {@code r} for the query, or
   * a negative number when no job of the range can be eligible.
   */
  double bound(int r, WorkerQuery q) {
    return bound(r, q, null);
  }

  /**
   * {@link #bound(int, WorkerQuery)}, and when it is not negative and {@code factors} is given,
   * the bounds of the distance, skills and schedule scores it is made of, in that order.
   */
  double bound(int r, WorkerQuery q, double @Nullable [] factors) {
    byte k = kind[r];
    ScoringPolicy p = q.policy;
    if ((k & HAS_OPEN) == 0 || (requiredByAll[r] & ~q.skillMask) != 0) {
      return -1;
    }
    double d = -1;
    if ((k & HAS_REMOTE) != 0) {
      d = 1.0;
    }
    if ((k & HAS_LOCATED) != 0) {
      if (!q.hasHome) {
        MissingData m = p.missingData(Factor.DISTANCE);
        if (!m.excludes()) {
          d = Math.max(d, m.score());
        }
      } else if (q.lat >= minLat[r] - q.maxLatDelta && q.lat <= maxLat[r] + q.maxLatDelta) {
        // (outside that latitude band every job of the range is out of reach: no trigonometry)
        double km = Haversine.lowerBoundKm(q.lat, q.lng, minLat[r], maxLat[r], minLng[r], maxLng[r]);
        if (km <= q.maxTravelKm) {
          d = Math.max(d, p.distanceScore(km));
        }
      }
    }
    if (d < 0 || d < p.floor(Factor.DISTANCE)) {
      return -1;
    }
    double pay;
    if (!q.hasDesiredPay) {
      pay = q.missingPay;
    } else {
      if (q.hardPay && maxPay[r] < q.desiredPay) {
        return -1;
      }
      pay = p.payScore(maxPay[r], q.desiredPay);
    }
    double s = 0;
    for (int e = prefOffset[r]; e < prefOffset[r + 1]; e++) {
      if ((q.skillMask & SkillCatalog.bit(prefSkill[e])) != 0) {
        // credited as the evaluator does, at the lowest level any job of the range wants
        int have = q.profile.level(prefSkill[e]);
        int want = prefMinLevel[e];
        s += have >= want ? prefShare[e] : prefShare[e] * ((double) have / want);
      }
    }
    s = Math.min(1.0, s * (1 + 1e-6));
    if ((k & HAS_NO_PREFERRED) != 0 && !p.missingData(Factor.SKILLS).excludes()) {
      s = Math.max(s, p.missingData(Factor.SKILLS).score());
    }
    double sched = scheduleBound(r, q);
    if (factors != null) {
      factors[0] = d;
      factors[1] = s;
      factors[2] = sched;
    }
    return p.total(d, s, sched, pay);
  }

  /** An upper bound of the schedule score of any job of range {@code r}. */
  double scheduleBound(int r, WorkerQuery q) {
    if (q.slotMask == null) {
      return q.missingSchedule;
    }
    double s = 0;
    int base = r * HourSlots.SLOTS;
    for (int h : q.slots) {
      s += HourSlots.dequantize(slotShare[base + h]);
    }
    s = Math.min(1.0, s * (1 + 1e-9) + 1e-9);
    if ((kind[r] & HAS_NO_SHIFTS) != 0) {
      s = Math.max(s, q.missingSchedule);
    }
    return s;
  }

  long estimatedBytes() {
    return count * (8L * 4 + 1 + 4 + 8 + 4 + HourSlots.SLOTS) + prefSkill.length * 9L + 12 * 16L;
  }
}
