package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import dev.matching.model.internal.Haversine;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable segment of jobs with range bounds: remote jobs first, then in Hilbert order by
 * coarse range, and alike jobs together within each coarse range.
 */
final class JobSegment extends Segment<Job, WorkerProbe> {
  final JobColumns columns;
  private final JobRanges fine;
  private final JobRanges coarse;
  private final @Nullable JobRanges altFine;
  private final @Nullable JobRanges altCoarse;
  final long minShiftStart;
  final long maxShiftEnd;

  private JobSegment(JobColumns columns, String[] ids, int @Nullable [] altOrder) {
    super(ids, false, altOrder);
    this.columns = columns;
    this.fine = new JobRanges(columns, null, FINE);
    this.coarse = new JobRanges(fine, COARSE / FINE);
    this.altFine = altOrder == null ? null : new JobRanges(columns, altOrder, FINE);
    this.altCoarse = altFine == null ? null : new JobRanges(altFine, COARSE / FINE);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int j = 0; j < columns.size(); j++) {
      int n = columns.shiftCount(j);
      for (int k = 0; k < n; k++) {
        min = Math.min(min, columns.shiftStart(j, k));
        max = Math.max(max, columns.shiftEnd(j, k));
      }
    }
    this.minShiftStart = min;
    this.maxShiftEnd = max;
  }

  static JobSegment build(List<Job> jobs, SkillCatalog catalog) {
    int n = jobs.size();
    String[] inputIds = new String[n];
    for (int i = 0; i < n; i++) {
      inputIds[i] = jobs.get(i).id();
    }
    int[] order = order(jobs);
    JobColumns.Builder b = JobColumns.builder(catalog, n);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      b.add(jobs.get(order[i]));
      ids[i] = inputIds[order[i]];
    }
    JobColumns columns = b.build();
    int[] altOrder = null;
    if (keepsAlternateView(n)) {
      IdOrder byPosition = IdOrder.of(inputIds).permuted(order);
      altOrder = attributeOrder(columns, byPosition);
      sortRunsById(altOrder, byPosition);
    }
    return new JobSegment(columns, ids, altOrder);
  }

  /**
   * The physical order of {@code jobs}: remote jobs first, then by Hilbert key of the location,
   * and within each coarse range of a small area (where jobs are dense) jobs alike in skills,
   * shift hours and pay together, so that fine ranges hold similar jobs and their bounds are tight.
   * Ties keep the input order. Sorts packed primitive keys, not objects.
   */
  private static int[] order(List<Job> jobs) {
    int n = jobs.size();
    long[] cells = new long[n];
    for (int i = 0; i < n; i++) {
      GeoPoint p = jobs.get(i).location();
      cells[i] = p == null ? 0 : 1 + SpatialOrder.key(p.latitude(), p.longitude());
    }
    int[] order = SpatialOrder.sortedPositions(cells);
    long[] block = new long[COARSE];
    for (int from = 0; from < n; from += COARSE) {
      int size = Math.min(n - from, COARSE);
      if (diagonalKm(jobs, order, from, size) <= GROUPING_MAX_KM) {
        group(jobs, order, from, size, block);
      } else {
        // a sparse coarse range: group within its compact quarters, if any
        for (int f = from; f < from + size; f += GROUPING_SUB_RANGE) {
          int m = Math.min(GROUPING_SUB_RANGE, from + size - f);
          if (diagonalKm(jobs, order, f, m) <= GROUPING_MAX_KM) {
            group(jobs, order, f, m, block);
          }
        }
      }
    }
    return order;
  }

  /** Sorts {@code order[from, from + size)} (at most {@link #COARSE}) by attribute key. */
  private static void group(List<Job> jobs, int[] order, int from, int size, long[] block) {
    for (int x = 0; x < size; x++) {
      block[x] = (attributeKey(jobs.get(order[from + x])) << 10) | x;
    }
    Arrays.sort(block, 0, size);
    int[] positions = Arrays.copyOfRange(order, from, from + size);
    for (int x = 0; x < size; x++) {
      order[from + x] = positions[(int) (block[x] & (COARSE - 1))];
    }
  }

  /**
   * Coarse ranges whose jobs lie within this many kilometres (the diagonal of their bounding
   * box) are grouped by attributes; wider ones keep the spatial order. Measured on the sample
   * market (queries interleaved in one process): grouping every range made queries about 12%
   * faster at 1M jobs and 13% slower at 100k; with this limit, 15% faster at 1M and no slower at
   * 100k.
   */
  static final double GROUPING_MAX_KM = 8.0;
  /**
   * In a wider coarse range, runs of this many jobs that lie within {@link #GROUPING_MAX_KM} are
   * grouped on their own (measured: about 5% faster at 100k jobs, no change at 1M).
   */
  static final int GROUPING_SUB_RANGE = 4 * FINE;

  /** The diagonal of the bounding box of the located jobs at {@code order[from, from + size)}, 0 if none. */
  private static double diagonalKm(List<Job> jobs, int[] order, int from, int size) {
    double minLat = 90;
    double maxLat = -90;
    double minLng = 180;
    double maxLng = -180;
    for (int x = from; x < from + size; x++) {
      GeoPoint p = jobs.get(order[x]).location();
      if (p != null) {
        minLat = Math.min(minLat, p.latitude());
        maxLat = Math.max(maxLat, p.latitude());
        minLng = Math.min(minLng, p.longitude());
        maxLng = Math.max(maxLng, p.longitude());
      }
    }
    return minLat > maxLat ? 0 : Haversine.km(minLat, minLng, maxLat, maxLng);
  }

  /**
   * A 50-bit key grouping jobs alike for the bounds: a hash of the required skills, the schedule
   * pattern ({@link HourSlots#pattern}), a hash of all skills, and the pay, highest first. (On
   * the benchmark market at 1M jobs, 3.6% fewer jobs are scored for workers with a home than
   * with the hour of the week of the first shift after the skills.)
   */
  private static long attributeKey(Job job) {
    long h = 0;
    for (RequiredSkill r : job.requiredSkills()) {
      h = (h ^ (r.skill().hashCode() * 31L + r.minLevel())) * 0x9E3779B97F4A7C15L;
    }
    long required = h >>> 48; // 16 bits
    for (PreferredSkill p : job.preferredSkills()) {
      h = (h ^ (p.skill().hashCode() * 31L + p.level())) * 0x9E3779B97F4A7C15L;
    }
    long skills = h >>> 52; // 12 bits
    long pattern = 0xFFF;
    if (!job.shifts().isEmpty()) {
      int days = 0;
      for (Shift s : job.shifts()) {
        days |= HourSlots.weekday(s.start().getEpochSecond());
      }
      pattern = HourSlots.pattern(job.shifts().get(0).start().getEpochSecond(), days);
    }
    long pay = Math.min(1023, job.pay().minYen() >> 2); // 10 bits
    return (required << 34) | (pattern << 22) | (skills << 10) | (1023 - pay);
  }

  /**
   * The alternate view's order: remote jobs first, then by a hash of the required and preferred
   * skills, the schedule pattern ({@link HourSlots#pattern}; 40% fewer jobs scored than with
   * the hour of the week of the first shift, at 1M jobs) and the pay, so that a range holds jobs alike in
   * everything but place, whose bounds are tight when distance does not separate jobs (workers
   * without a home); jobs with the same key in id order ({@code ids} numbered by position).
   */
  private static int[] attributeOrder(JobColumns c, IdOrder ids) {
    int n = c.size();
    long[] keys = new long[n];
    for (int j = 0; j < n; j++) {
      long h = c.requiredMask(j) * 0x9E3779B97F4A7C15L;
      for (int e = c.preferredFrom(j); e < c.skillsTo(j); e++) {
        h = (h ^ (c.skillId(e) * 31L + c.skillLevel(e))) * 0x9E3779B97F4A7C15L;
      }
      long skills = (h >>> 45) & 0x7FFFF; // 19 bits
      long pattern = 0xFFF; // 12 bits
      int shifts = c.shiftCount(j);
      if (shifts > 0) {
        int days = 0;
        for (int k = 0; k < shifts; k++) {
          days |= HourSlots.weekday(c.shiftStart(j, k));
        }
        pattern = HourSlots.pattern(c.shiftStart(j, 0), days);
      }
      long pay = Math.min(1023, Math.max(0, c.pay(j)) >> 2); // 10 bits, high pay first
      long remote = c.remote(j) ? 0 : 1; // 1 bit
      long key = (remote << 41) | (skills << 22) | (pattern << 10) | (1023 - pay);
      keys[j] = key;
    }
    return orderByKey(keys, ids);
  }

  /** Workers without a home use the alternate view: every located job is at the same distance. */
  @Override
  int view(WorkerProbe probe) {
    return !probe.hasHome && altFine != null ? ALTERNATE : PRIMARY;
  }

  @Override
  int size() {
    return columns.size();
  }

  @Override
  Job entity(int pos) {
    return columns.job(pos);
  }

  @Override
  String id(int pos) {
    return columns.job(pos).id();
  }

  @Override
  double coarseBound(int view, int r, WorkerProbe probe) {
    return (view == ALTERNATE ? altCoarse : coarse).bound(r, probe);
  }

  @Override
  double fineFactorBounds(int view, int r, WorkerProbe probe, double[] factors) {
    return (view == ALTERNATE ? altFine : fine).bound(r, probe, factors);
  }

  @Override
  double evaluate(int pos, WorkerProbe probe, double minTotal, double[] factorBounds, double[] out) {
    return Evaluator.evaluate(probe.policy, probe.profile, columns, pos, minTotal, factorBounds[0], factorBounds[1],
        factorBounds[2], out);
  }

  @Override
  long estimatedBytes() {
    long b = super.estimatedBytes() + columns.estimatedBytes() + fine.estimatedBytes() + coarse.estimatedBytes();
    if (altFine != null) {
      b += altFine.estimatedBytes() + altCoarse.estimatedBytes();
    }
    return b;
  }
}
