package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Availability;
import dev.matching.model.Worker;
import dev.matching.model.internal.Timeline;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.SkillCatalog;
import dev.matching.scoring.internal.WorkerProfile;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable segment of compiled workers in the order of {@link EntryOrder} (workers without a
 * home first, by attributes; then by Hilbert key of their homes, alike workers together where
 * homes are dense), with range bounds. Availabilities are expanded over the segment's window; a job
 * outside it is scored from the availability directly. Remote jobs, which every worker reaches
 * with the same distance score, search an alternate view of workers alike in skills,
 * availability and desired pay.
 * Workers of equal availability share one timeline and one hour-slot mask; profiles are
 * copied in the segment's order, so a scan of a range reads consecutive memory.
 */
final class WorkerSegment extends Segment<Worker, JobProbe> {
  private final WorkerProfile[] profiles;
  private final WorkerRanges fine;
  private final WorkerRanges coarse;
  private final @Nullable WorkerRanges altFine;
  private final @Nullable WorkerRanges altCoarse;
  /** Approximate heap bytes of the profiles, their level tables and the distinct timelines and masks. */
  private final long profileBytes;
  final long windowFrom;
  final long windowTo;

  private WorkerSegment(WorkerProfile[] profiles, long[][] masks, String[] ids, int @Nullable [] altOrder,
      int skillCount, long windowFrom, long windowTo, long profileBytes) {
    super(ids, true, altOrder);
    this.profiles = profiles;
    this.profileBytes = profileBytes;
    this.windowFrom = windowFrom;
    this.windowTo = windowTo;
    this.fine = new WorkerRanges(profiles, masks, null, skillCount, FINE);
    this.coarse = new WorkerRanges(profiles, masks, null, skillCount, COARSE);
    this.altFine = altOrder == null ? null : new WorkerRanges(profiles, masks, altOrder, skillCount, FINE);
    this.altCoarse = altOrder == null ? null : new WorkerRanges(profiles, masks, altOrder, skillCount, COARSE);
  }

  static WorkerSegment build(List<Worker> workers, SkillCatalog catalog, long windowFrom, long windowTo) {
    int n = workers.size();
    String[] inputIds = new String[n];
    WorkerProfile[] inputProfiles = new WorkerProfile[n];
    long[][] inputMasks = new long[n][];
    double[] lat = new double[n];
    double[] lng = new double[n];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      Worker w = workers.get(i);
      inputIds[i] = w.id();
      for (String skill : w.skills().keySet()) {
        catalog.intern(skill);
      }
    }
    Map<Availability, Timeline> timelines = new HashMap<>();
    Map<Timeline, long[]> masksOf = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      Worker w = workers.get(i);
      inputProfiles[i] = WorkerProfile.of(w, catalog, windowFrom, windowTo, timelines);
      Timeline t = inputProfiles[i].timeline();
      inputMasks[i] = t == null ? null : masksOf.computeIfAbsent(t, HourSlots::mask); // read-only, shared
      GeoPoint p = w.home();
      lat[i] = p == null ? Double.NaN : p.latitude();
      lng[i] = p == null ? Double.NaN : p.longitude();
      keys[i] = attributeKey(inputProfiles[i], inputMasks[i]);
    }
    int[] order = EntryOrder.of(lat, lng, keys);
    IdOrder byInput = IdOrder.of(inputIds);
    sortRunsById(order, byInput);
    WorkerProfile[] profiles = new WorkerProfile[n];
    long[][] masks = new long[n][];
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      profiles[i] = inputProfiles[order[i]].relocated(); // consecutive in memory, in scan order
      inputProfiles[order[i]] = null;
      masks[i] = inputMasks[order[i]];
      ids[i] = inputIds[order[i]];
    }
    int[] altOrder = null;
    if (keepsAlternateView(n)) {
      IdOrder byPosition = byInput.permuted(order);
      long[] byPositionKeys = new long[n];
      for (int i = 0; i < n; i++) {
        byPositionKeys[i] = keys[order[i]];
      }
      altOrder = orderByKey(byPositionKeys, byPosition);
      sortRunsById(altOrder, byPosition);
    }
    return new WorkerSegment(profiles, masks, ids, altOrder, catalog.size(), windowFrom, windowTo,
        profileBytes(profiles, timelines.values(), masksOf.size()));
  }

  /**
   * Heap bytes of {@code profiles} and their array (compressed references: 112 bytes of fields
   * and a level table each), of the distinct {@code timelines} and of {@code distinctMasks}
   * hour-slot masks.
   */
  private static long profileBytes(WorkerProfile[] profiles, Collection<Timeline> timelines, int distinctMasks) {
    long b = profiles.length * 8L + distinctMasks * 40L; // the arrays of profiles and of masks
    for (WorkerProfile w : profiles) {
      b += 112 + ((16 + w.levelCount() + 7) & ~7L);
    }
    for (Timeline t : timelines) {
      b += 24 + 16 + 8L * t.bounds().length;
    }
    return b;
  }

  /**
   * A 42-bit key of a worker's attributes, the alternate view's order (and that of workers without a
   * home and of dense areas in the primary one): active workers first, then by the catalog ids of their first
   * three skills (so that workers sharing skills are together and a range's best level per skill
   * is tight: a hash of skills and levels, tried first, left the skills bound loose and cut the
   * workers scored for remote jobs by only 30%, against 80%), a hash of the hour-of-week slots
   * they are available in, and their desired pay, lowest first.
   */
  private static long attributeKey(WorkerProfile w, long @Nullable [] m) {
    long skills = 0;
    long m0 = w.skillMask();
    for (int t = 0; t < 3; t++) {
      long id = m0 == 0 ? 63 : Long.numberOfTrailingZeros(m0);
      skills = (skills << 6) | id;
      m0 &= m0 - 1;
    }
    skills <<= 1; // 19 bits
    long a = 0xFFF;
    if (m != null) {
      long g = ((m[0] * 0x9E3779B97F4A7C15L ^ m[1]) * 0x9E3779B97F4A7C15L ^ m[2]) * 0x9E3779B97F4A7C15L;
      a = (g >>> 52) & 0xFFE; // 12 bits, 0xFFF (no availability) kept apart
    }
    long pay = w.hasDesiredPay() ? Math.min(1023, Math.max(0, w.desiredPay()) >> 2) : 1023; // 10 bits
    long inactive = w.active() ? 0 : 1;
    return (inactive << 41) | (skills << 22) | (a << 10) | pay;
  }

  /** Remote jobs use the alternate view: every worker is at the same distance from them. */
  @Override
  int view(JobProbe probe) {
    return probe.remote && altFine != null ? ALTERNATE : PRIMARY;
  }

  boolean inWindow(JobProbe probe) {
    return probe.hasShifts && probe.minShiftStart >= windowFrom && probe.maxShiftEnd <= windowTo;
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
  double coarseBound(int view, int r, JobProbe probe) {
    return (view == ALTERNATE ? altCoarse : coarse).bound(r, probe, inWindow(probe));
  }

  @Override
  double fineFactorBounds(int view, int r, JobProbe probe, double[] factors) {
    return (view == ALTERNATE ? altFine : fine).bound(r, probe, inWindow(probe), factors);
  }

  @Override
  double evaluate(int pos, JobProbe probe, double minTotal, double[] factorBounds, double[] out) {
    return Evaluator.evaluate(probe.policy, profiles[pos], probe.columns, 0, minTotal, factorBounds[0], factorBounds[1],
        factorBounds[2], out);
  }

  @Override
  long estimatedBytes() {
    long b = super.estimatedBytes() + profileBytes + fine.estimatedBytes() + coarse.estimatedBytes();
    if (altFine != null) {
      b += altFine.estimatedBytes() + altCoarse.estimatedBytes();
    }
    return b;
  }
}
