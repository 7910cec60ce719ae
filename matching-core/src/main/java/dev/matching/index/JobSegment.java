package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.scoring.Evaluator;
import dev.matching.scoring.JobColumns;
import dev.matching.scoring.SkillCatalog;
import java.util.Arrays;
import java.util.List;

/** An immutable segment of jobs in Hilbert order (remote jobs first), with range bounds. */
final class JobSegment extends Segment<Job, WorkerQuery> {
  final JobColumns columns;
  private final JobRanges fine;
  private final JobRanges coarse;
  final long minShiftStart;
  final long maxShiftEnd;

  private JobSegment(JobColumns columns, String[] ids) {
    super(ids);
    this.columns = columns;
    this.fine = new JobRanges(columns, FINE);
    this.coarse = new JobRanges(columns, COARSE);
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
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      GeoPoint p = jobs.get(i).location();
      long k = p == null ? 0 : 1 + SpatialOrder.key(p.latitude(), p.longitude());
      keys[i] = k;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Long.compare(keys[a], keys[b]);
      return c != 0 ? c : jobs.get(a).id().compareTo(jobs.get(b).id());
    });
    JobColumns.Builder b = JobColumns.builder(catalog, n);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      Job job = jobs.get(order[i]);
      b.add(job);
      ids[i] = job.id();
    }
    return new JobSegment(b.build(), ids);
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
  int coarseCount() {
    return coarse.count;
  }

  @Override
  double coarseBound(int r, WorkerQuery q) {
    return coarse.bound(r, q);
  }

  @Override
  double fineBound(int r, WorkerQuery q) {
    return fine.bound(r, q);
  }

  @Override
  double fineScheduleBound(int r, WorkerQuery q) {
    return fine.scheduleBound(r, q);
  }

  @Override
  double evaluate(int pos, WorkerQuery q, double minTotal, double scheduleBound, double[] out) {
    return Evaluator.evaluate(q.policy, q.profile, columns, pos, minTotal, scheduleBound, out);
  }

  @Override
  long estimatedBytes() {
    return super.estimatedBytes() + columns.estimatedBytes() + fine.estimatedBytes() + coarse.estimatedBytes();
  }
}
