package dev.matching.scoring.internal;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The scoring inputs of many jobs in compact parallel arrays: the form the index keeps and the
 * form every score is computed from. Immutable once built, and thread-safe; build with
 * {@link #builder(SkillCatalog, int)}.
 *
 * <p>Shift times are stored as 32-bit seconds relative to {@link #BASE_EPOCH_SECOND}, which
 * covers every instant {@link Shift} accepts.
 */
public final class JobColumns {

  /** 2050-01-01T00:00:00Z: the origin of the 32-bit shift times. */
  public static final long BASE_EPOCH_SECOND = 2_524_608_000L;

  static final byte OPEN = 1;
  static final byte REMOTE = 2;

  final int size;
  final Job[] jobs;
  final double[] lat;
  final double[] lng;
  final byte[] flags;
  final int[] payMin;
  final long[] requiredMask;
  /** Skill entries of job j: [skillOffset[j], skillOffset[j+1]); the first requiredCount[j] are required. */
  final int[] skillOffset;
  final byte[] requiredCount;
  final int[] skillId;
  final byte[] skillLevel;
  /**
   * Weights of the skill entries. Columns with at most 256 distinct weights (the usual case: a
   * market reuses a few) keep one byte per entry, an index into {@link #weightTable}, and no
   * {@code skillWeight}; otherwise {@code skillWeight} holds them and {@code weightIndex} is
   * null. Either way the weight is the same {@code double}, so scores do not change.
   */
  final double @Nullable [] skillWeight;
  final byte @Nullable [] weightIndex;
  final double[] weightTable;
  /** Shifts of job j: [shiftOffset[j], shiftOffset[j+1]). */
  final int[] shiftOffset;
  final int[] shiftStart;
  final int[] shiftEnd;

  private JobColumns(Builder b) {
    int n = b.size;
    this.size = n;
    this.jobs = Arrays.copyOf(b.jobs, n);
    this.lat = Arrays.copyOf(b.lat, n);
    this.lng = Arrays.copyOf(b.lng, n);
    this.flags = Arrays.copyOf(b.flags, n);
    this.payMin = Arrays.copyOf(b.payMin, n);
    this.requiredMask = Arrays.copyOf(b.requiredMask, n);
    this.skillOffset = Arrays.copyOf(b.skillOffset, n + 1);
    this.requiredCount = Arrays.copyOf(b.requiredCount, n);
    int s = b.skillOffset[n];
    this.skillId = Arrays.copyOf(b.skillId, s);
    this.skillLevel = Arrays.copyOf(b.skillLevel, s);
    byte[] index = weightIndex(b.skillWeight, s);
    if (index != null) {
      this.weightIndex = index;
      this.weightTable = distinctWeights(b.skillWeight, index, s);
      this.skillWeight = null;
    } else {
      this.weightIndex = null;
      this.weightTable = new double[0];
      this.skillWeight = Arrays.copyOf(b.skillWeight, s);
    }
    this.shiftOffset = Arrays.copyOf(b.shiftOffset, n + 1);
    int h = b.shiftOffset[n];
    this.shiftStart = Arrays.copyOf(b.shiftStart, h);
    this.shiftEnd = Arrays.copyOf(b.shiftEnd, h);
  }

  /** A builder for about {@code expectedJobs} jobs, interning skills in {@code catalog}. */
  public static Builder builder(SkillCatalog catalog, int expectedJobs) {
    return new Builder(catalog, expectedJobs);
  }

  /** The columns of a single job, interning its skills in {@code catalog}. */
  public static JobColumns of(Job job, SkillCatalog catalog) {
    return builder(catalog, 1).add(job).build();
  }

  /**
   * The columns of a single job for a query against {@code catalog}, without growing it:
   * skills the catalog does not know get id -1, which no worker has.
   */
  public static JobColumns lookup(Job job, SkillCatalog catalog) {
    Builder b = builder(catalog, 1);
    b.intern = false;
    return b.add(job).build();
  }

  /** Number of jobs. */
  public int size() {
    return size;
  }

  /** The job at {@code index}. */
  public Job job(int index) {
    return jobs[index];
  }

  /** Whether the job at {@code index} is remote. */
  public boolean remote(int index) {
    return (flags[index] & REMOTE) != 0;
  }

  /** Latitude of the job at {@code index} (NaN when remote). */
  public double latitude(int index) {
    return lat[index];
  }

  /** Longitude of the job at {@code index} (NaN when remote). */
  public double longitude(int index) {
    return lng[index];
  }

  /** Guaranteed hourly pay in yen of the job at {@code index}. */
  public int pay(int index) {
    return payMin[index];
  }

  /** Number of shifts of the job at {@code index}. */
  public int shiftCount(int index) {
    return shiftOffset[index + 1] - shiftOffset[index];
  }

  /** Start, epoch seconds, of shift {@code k} of the job at {@code index}. */
  public long shiftStart(int index, int k) {
    return BASE_EPOCH_SECOND + shiftStart[shiftOffset[index] + k];
  }

  /** End, epoch seconds, of shift {@code k} of the job at {@code index}. */
  public long shiftEnd(int index, int k) {
    return BASE_EPOCH_SECOND + shiftEnd[shiftOffset[index] + k];
  }

  /** Whether the job at {@code index} is open. */
  public boolean isOpen(int index) {
    return (flags[index] & OPEN) != 0;
  }

  /** Mask of the required skills of the job at {@code index} (see {@link SkillCatalog#bit}). */
  public long requiredMask(int index) {
    return requiredMask[index];
  }

  /** First skill entry of the preferred skills of the job at {@code index}. */
  public int preferredFrom(int index) {
    return skillOffset[index] + requiredCount[index];
  }

  /** End (exclusive) of the skill entries of the job at {@code index}. */
  public int skillsTo(int index) {
    return skillOffset[index + 1];
  }

  /** One byte per entry indexing the distinct weights in order of appearance, or null if over 256. */
  private static byte @Nullable [] weightIndex(double[] weights, int n) {
    long[] keys = new long[1024];
    int[] ids = new int[1024];
    boolean[] used = new boolean[1024];
    int distinct = 0;
    byte[] index = new byte[n];
    for (int e = 0; e < n; e++) {
      long bits = Double.doubleToRawLongBits(weights[e]);
      int slot = (int) ((bits ^ (bits >>> 29)) * 0x9E3779B97F4A7C15L >>> 54);
      while (used[slot] && keys[slot] != bits) {
        slot = (slot + 1) & 1023;
      }
      if (!used[slot]) {
        if (distinct == 256) {
          return null;
        }
        used[slot] = true;
        keys[slot] = bits;
        ids[slot] = distinct++;
      }
      index[e] = (byte) ids[slot];
    }
    return index;
  }

  private static double[] distinctWeights(double[] weights, byte[] index, int n) {
    int distinct = 0;
    for (int e = 0; e < n; e++) {
      distinct = Math.max(distinct, (index[e] & 0xff) + 1);
    }
    double[] table = new double[distinct];
    for (int e = 0; e < n; e++) {
      table[index[e] & 0xff] = weights[e];
    }
    return table;
  }

  /**
   * Sum of the preferred-skill weights of the job at {@code index}, 0 with none (weights are
   * positive). Added up in list order on each call, as {@link Evaluator} does, rather than stored.
   */
  public double preferredWeightSum(int index) {
    double sum = 0;
    for (int e = preferredFrom(index); e < skillOffset[index + 1]; e++) {
      sum += skillWeight(e);
    }
    return sum;
  }

  /** Skill id of skill entry {@code e}. */
  public int skillId(int e) {
    return skillId[e];
  }

  /** Level (required minimum or preferred level) of skill entry {@code e}. */
  public int skillLevel(int e) {
    return skillLevel[e];
  }

  /** Weight of skill entry {@code e} (0 for required skills). */
  public double skillWeight(int e) {
    byte[] index = weightIndex;
    return index != null ? weightTable[index[e] & 0xff] : skillWeight[e];
  }

  /** Approximate heap bytes of these arrays (not of the referenced {@link Job}s). */
  public long estimatedBytes() {
    long b = 0;
    b += 4L * jobs.length + 8L * lat.length + 8L * lng.length + flags.length + 4L * payMin.length
        + 8L * requiredMask.length + 4L * skillOffset.length + requiredCount.length + 4L * skillId.length
        + skillLevel.length + (skillWeight != null ? 8L * skillWeight.length : 0) + (weightIndex != null ? weightIndex.length : 0)
        + 8L * weightTable.length
        + 4L * shiftOffset.length + 4L * shiftStart.length + 4L * shiftEnd.length;
    return b + 16 * 16;
  }

  /** Accumulates jobs into columns; not thread-safe. */
  public static final class Builder {
    private final SkillCatalog catalog;
    private boolean intern = true;
    private int size;
    private Job[] jobs;
    private double[] lat;
    private double[] lng;
    private byte[] flags;
    private int[] payMin;
    private long[] requiredMask;
    private int[] skillOffset;
    private byte[] requiredCount;
    private int[] skillId;
    private byte[] skillLevel;
    private double[] skillWeight;
    private int[] shiftOffset;
    private int[] shiftStart;
    private int[] shiftEnd;

    private Builder(SkillCatalog catalog, int expected) {
      this.catalog = catalog;
      int n = Math.max(1, expected);
      jobs = new Job[n];
      lat = new double[n];
      lng = new double[n];
      flags = new byte[n];
      payMin = new int[n];
      requiredMask = new long[n];
      skillOffset = new int[n + 1];
      requiredCount = new byte[n];
      shiftOffset = new int[n + 1];
      skillId = new int[n * 3];
      skillLevel = new byte[n * 3];
      skillWeight = new double[n * 3];
      shiftStart = new int[n * 4];
      shiftEnd = new int[n * 4];
    }

    /** Number of jobs added so far. */
    public int size() {
      return size;
    }

    /** Appends a job. */
    public Builder add(Job job) {
      if (size == jobs.length) {
        int n = Math.max(16, size + (size >> 1));
        jobs = Arrays.copyOf(jobs, n);
        lat = Arrays.copyOf(lat, n);
        lng = Arrays.copyOf(lng, n);
        flags = Arrays.copyOf(flags, n);
        payMin = Arrays.copyOf(payMin, n);
        requiredMask = Arrays.copyOf(requiredMask, n);
        skillOffset = Arrays.copyOf(skillOffset, n + 1);
        requiredCount = Arrays.copyOf(requiredCount, n);
        shiftOffset = Arrays.copyOf(shiftOffset, n + 1);
      }
      int j = size;
      jobs[j] = job;
      GeoPoint p = job.location();
      lat[j] = p == null ? Double.NaN : p.latitude();
      lng[j] = p == null ? Double.NaN : p.longitude();
      flags[j] = (byte) ((job.open() ? OPEN : 0) | (p == null ? REMOTE : 0));
      payMin[j] = job.pay().minYen();

      int s = skillOffset[j];
      int need = s + job.requiredSkills().size() + job.preferredSkills().size();
      if (need > skillId.length) {
        int n = Math.max(need, skillId.length + (skillId.length >> 1));
        skillId = Arrays.copyOf(skillId, n);
        skillLevel = Arrays.copyOf(skillLevel, n);
        skillWeight = Arrays.copyOf(skillWeight, n);
      }
      long mask = 0;
      for (RequiredSkill r : job.requiredSkills()) {
        int id = skillId(r.skill());
        mask |= SkillCatalog.bit(id);
        skillId[s] = id;
        skillLevel[s] = (byte) r.minLevel();
        skillWeight[s] = 0;
        s++;
      }
      requiredMask[j] = mask;
      requiredCount[j] = (byte) job.requiredSkills().size();
      for (PreferredSkill ps : job.preferredSkills()) {
        skillId[s] = skillId(ps.skill());
        skillLevel[s] = (byte) ps.level();
        skillWeight[s] = ps.weight();
        s++;
      }
      skillOffset[j + 1] = s;

      int h = shiftOffset[j];
      int needShifts = h + job.shifts().size();
      if (needShifts > shiftStart.length) {
        int n = Math.max(needShifts, shiftStart.length + (shiftStart.length >> 1));
        shiftStart = Arrays.copyOf(shiftStart, n);
        shiftEnd = Arrays.copyOf(shiftEnd, n);
      }
      for (Shift shift : job.shifts()) {
        shiftStart[h] = (int) (shift.start().getEpochSecond() - BASE_EPOCH_SECOND);
        shiftEnd[h] = (int) (shift.end().getEpochSecond() - BASE_EPOCH_SECOND);
        h++;
      }
      shiftOffset[j + 1] = h;
      size++;
      return this;
    }

    private int skillId(String skill) {
      return intern ? catalog.intern(skill) : catalog.find(skill);
    }

    /** Builds the immutable columns (trimmed copies). */
    public JobColumns build() {
      return new JobColumns(this);
    }
  }
}
