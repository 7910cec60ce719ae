package dev.matching.index;

import dev.matching.model.internal.Haversine;
import dev.matching.scoring.Factor;
import dev.matching.scoring.MissingData;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;
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
  /**
   * Per range, the bounding box of its located (not remote) jobs in degrees: latitudes in
   * {@code [minLat, maxLat]}, longitudes in {@code [minLng, maxLng]}; infinities (an empty box)
   * when every job of the range is remote.
   */
  private final double[] minLat;
  private final double[] maxLat;
  private final double[] minLng;
  private final double[] maxLng;
  /** Per range, which {@code HAS_} flags any of its jobs has. */
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
   * {@code columns}; the positions themselves when null).
   */
  JobRanges(JobColumns columns, int @Nullable [] order, int rangeSize) {
    this.rangeSize = rangeSize;
    int n = columns.size();
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
      double rangeMinLat = Double.POSITIVE_INFINITY;
      double rangeMaxLat = Double.NEGATIVE_INFINITY;
      double rangeMinLng = Double.POSITIVE_INFINITY;
      double rangeMaxLng = Double.NEGATIVE_INFINITY;
      byte has = 0;
      int pay = 0;
      long required = -1L;
      Arrays.fill(maxFrac, 0);
      for (int i = from; i < to; i++) {
        int j = order == null ? i : order[i];
        if (columns.isOpen(j)) {
          has |= HAS_OPEN;
        }
        if (columns.remote(j)) {
          has |= HAS_REMOTE;
        } else {
          has |= HAS_LOCATED;
          rangeMinLat = Math.min(rangeMinLat, columns.latitude(j));
          rangeMaxLat = Math.max(rangeMaxLat, columns.latitude(j));
          rangeMinLng = Math.min(rangeMinLng, columns.longitude(j));
          rangeMaxLng = Math.max(rangeMaxLng, columns.longitude(j));
        }
        pay = Math.max(pay, columns.pay(j));
        required &= columns.requiredMask(j);
        int pf = columns.preferredFrom(j);
        int pt = columns.skillsTo(j);
        if (pf == pt) {
          has |= HAS_NO_PREFERRED;
        }
        double sum = columns.preferredWeightSum(j);
        for (int e = pf; e < pt; e++) {
          prefs.add(columns.skillId(e), roundUp(columns.skillWeight(e) / sum), (byte) columns.skillLevel(e));
        }
        Arrays.fill(frac, 0);
        if (HourSlots.jobFractions(columns, j, frac)) {
          for (int h = 0; h < HourSlots.SLOTS; h++) {
            maxFrac[h] = Math.max(maxFrac[h], frac[h]);
          }
        } else {
          has |= HAS_NO_SHIFTS;
        }
      }
      minLat[r] = rangeMinLat;
      maxLat[r] = rangeMaxLat;
      minLng[r] = rangeMinLng;
      maxLng[r] = rangeMaxLng;
      kind[r] = has;
      maxPay[r] = pay;
      requiredByAll[r] = required;
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
      double rangeMinLat = Double.POSITIVE_INFINITY;
      double rangeMaxLat = Double.NEGATIVE_INFINITY;
      double rangeMinLng = Double.POSITIVE_INFINITY;
      double rangeMaxLng = Double.NEGATIVE_INFINITY;
      byte has = 0;
      int pay = 0;
      long required = -1L;
      int base = r * HourSlots.SLOTS;
      for (int i = from; i < to; i++) {
        rangeMinLat = Math.min(rangeMinLat, narrow.minLat[i]);
        rangeMaxLat = Math.max(rangeMaxLat, narrow.maxLat[i]);
        rangeMinLng = Math.min(rangeMinLng, narrow.minLng[i]);
        rangeMaxLng = Math.max(rangeMaxLng, narrow.maxLng[i]);
        has |= narrow.kind[i];
        pay = Math.max(pay, narrow.maxPay[i]);
        required &= narrow.requiredByAll[i];
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
      minLat[r] = rangeMinLat;
      maxLat[r] = rangeMaxLat;
      minLng[r] = rangeMinLng;
      maxLng[r] = rangeMaxLng;
      kind[r] = has;
      maxPay[r] = pay;
      requiredByAll[r] = required;
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
   * An upper bound of the total score of any eligible job of range {@code r} for the worker
   * {@code probe}, or a negative number when no job of the range can be eligible.
   */
  double bound(int r, WorkerProbe probe) {
    return bound(r, probe, null);
  }

  /**
   * {@link #bound(int, WorkerProbe)}, and when it is not negative and {@code factors} is given,
   * the bounds of the distance, skills and schedule scores it is made of, in that order.
   */
  double bound(int r, WorkerProbe probe, double @Nullable [] factors) {
    byte has = kind[r];
    ScoringPolicy policy = probe.policy;
    if ((has & HAS_OPEN) == 0 || (requiredByAll[r] & ~probe.skillMask) != 0) {
      return -1;
    }
    double distance = -1;
    if ((has & HAS_REMOTE) != 0) {
      distance = 1.0;
    }
    if ((has & HAS_LOCATED) != 0) {
      if (!probe.hasHome) {
        MissingData m = policy.missingData(Factor.DISTANCE);
        if (!m.excludes()) {
          distance = Math.max(distance, m.score());
        }
      } else if (probe.lat >= minLat[r] - probe.maxLatDelta && probe.lat <= maxLat[r] + probe.maxLatDelta) {
        // (outside that latitude band every job of the range is out of reach: no trigonometry)
        double km = Haversine.lowerBoundKm(probe.lat, probe.lng, minLat[r], maxLat[r], minLng[r], maxLng[r]);
        if (km <= probe.maxTravelKm) {
          distance = Math.max(distance, policy.distanceScore(km));
        }
      }
    }
    if (distance < 0 || distance < policy.floor(Factor.DISTANCE)) {
      return -1;
    }
    double pay;
    if (!probe.hasDesiredPay) {
      pay = probe.missingPay;
    } else {
      if (probe.hardPay && maxPay[r] < probe.desiredPay) {
        return -1;
      }
      pay = policy.payScore(maxPay[r], probe.desiredPay);
    }
    double skills = 0;
    for (int e = prefOffset[r]; e < prefOffset[r + 1]; e++) {
      if ((probe.skillMask & SkillCatalog.bit(prefSkill[e])) != 0) {
        // credited as the evaluator does, at the lowest level any job of the range wants
        int have = probe.profile.level(prefSkill[e]);
        int want = prefMinLevel[e];
        skills += have >= want ? prefShare[e] : prefShare[e] * ((double) have / want);
      }
    }
    skills = Math.min(1.0, skills * (1 + 1e-6));
    if ((has & HAS_NO_PREFERRED) != 0 && !policy.missingData(Factor.SKILLS).excludes()) {
      skills = Math.max(skills, policy.missingData(Factor.SKILLS).score());
    }
    double schedule = scheduleBound(r, probe);
    if (factors != null) {
      factors[0] = distance;
      factors[1] = skills;
      factors[2] = schedule;
    }
    return policy.total(distance, skills, schedule, pay);
  }

  /** An upper bound of the schedule score of any job of range {@code r}. */
  double scheduleBound(int r, WorkerProbe probe) {
    if (probe.slotMask == null) {
      return probe.missingSchedule;
    }
    double schedule = 0;
    int base = r * HourSlots.SLOTS;
    for (int h : probe.slots) {
      schedule += HourSlots.dequantize(slotShare[base + h]);
    }
    schedule = Math.min(1.0, schedule * (1 + 1e-9) + 1e-9);
    if ((kind[r] & HAS_NO_SHIFTS) != 0) {
      schedule = Math.max(schedule, probe.missingSchedule);
    }
    return schedule;
  }

  long estimatedBytes() {
    return count * (8L * 4 + 1 + 4 + 8 + 4 + HourSlots.SLOTS) + prefSkill.length * 9L + 12 * 16L;
  }
}
