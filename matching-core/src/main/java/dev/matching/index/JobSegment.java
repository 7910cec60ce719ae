package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable segment of jobs with range bounds, in the order of {@link EntryOrder}: remote jobs
 * first, by attributes; then by Hilbert key of their places, alike jobs together where places are
 * dense.
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

  /** The physical order of {@code jobs} ({@link EntryOrder}). */
  private static int[] order(List<Job> jobs) {
    int n = jobs.size();
    double[] lat = new double[n];
    double[] lng = new double[n];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      Job job = jobs.get(i);
      GeoPoint p = job.location();
      lat[i] = p == null ? Double.NaN : p.latitude();
      lng[i] = p == null ? Double.NaN : p.longitude();
      keys[i] = attributeKey(job);
    }
    return EntryOrder.of(lat, lng, keys);
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
