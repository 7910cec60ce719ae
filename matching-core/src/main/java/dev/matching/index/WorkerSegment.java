package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Timeline;
import dev.matching.model.Worker;
import dev.matching.scoring.Evaluator;
import dev.matching.scoring.SkillCatalog;
import dev.matching.scoring.WorkerProfile;
import java.util.List;

/**
 * An immutable segment of compiled workers in Hilbert order of their homes (workers without a
 * home first), with range bounds. Availabilities are expanded over the segment's window; a job
 * outside it is scored from the availability directly.
 */
final class WorkerSegment extends Segment<Worker, JobQuery> {
  private final WorkerProfile[] profiles;
  private final WorkerRanges fine;
  private final WorkerRanges coarse;
  final long windowFrom;
  final long windowTo;

  private WorkerSegment(WorkerProfile[] profiles, String[] ids, int skillCount, long windowFrom, long windowTo) {
    super(ids, true, null);
    this.profiles = profiles;
    this.windowFrom = windowFrom;
    this.windowTo = windowTo;
    long[][] masks = new long[profiles.length][];
    for (int i = 0; i < profiles.length; i++) {
      Timeline t = profiles[i].timeline();
      masks[i] = t == null ? null : HourSlots.mask(t);
    }
    this.fine = new WorkerRanges(profiles, masks, skillCount, FINE);
    this.coarse = new WorkerRanges(profiles, masks, skillCount, COARSE);
  }

  static WorkerSegment build(List<Worker> workers, SkillCatalog catalog, long windowFrom, long windowTo) {
    int n = workers.size();
    long[] keys = new long[n];
    String[] inputIds = new String[n];
    for (int i = 0; i < n; i++) {
      Worker w = workers.get(i);
      inputIds[i] = w.id();
      for (String skill : w.skills().keySet()) {
        catalog.intern(skill);
      }
      GeoPoint p = w.home();
      keys[i] = p == null ? 0 : 1 + SpatialOrder.key(p.latitude(), p.longitude());
    }
    int[] order = SpatialOrder.sortedPositions(keys);
    sortRunsById(order, IdOrder.of(inputIds));
    WorkerProfile[] profiles = new WorkerProfile[n];
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      Worker w = workers.get(order[i]);
      profiles[i] = WorkerProfile.of(w, catalog, windowFrom, windowTo);
      ids[i] = inputIds[order[i]];
    }
    return new WorkerSegment(profiles, ids, catalog.size(), windowFrom, windowTo);
  }

  boolean inWindow(JobQuery q) {
    return q.hasShifts && q.minShiftStart >= windowFrom && q.maxShiftEnd <= windowTo;
  }

  @Override
  int size() {
    return profiles.length;
  }

  @Override
  Worker entity(int pos) {
    return profiles[pos].worker();
  }

  @Override
  String id(int pos) {
    return profiles[pos].worker().id();
  }

  @Override
  double coarseBound(int view, int r, JobQuery q) {
    return coarse.bound(r, q, inWindow(q));
  }

  @Override
  double fineFactorBounds(int view, int r, JobQuery q, double[] factors) {
    return fine.bound(r, q, inWindow(q), factors);
  }

  @Override
  double evaluate(int pos, JobQuery q, double minTotal, double[] factorBounds, double[] out) {
    return Evaluator.evaluate(q.policy, profiles[pos], q.columns, 0, minTotal, factorBounds[0], factorBounds[1],
        factorBounds[2], out);
  }

  @Override
  long estimatedBytes() {
    return super.estimatedBytes() + profiles.length * 120L + fine.estimatedBytes() + coarse.estimatedBytes();
  }
}
