package dev.matching.index;

import dev.matching.model.internal.Checks;
import dev.matching.query.Cursor;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The machinery shared by {@link JobIndex} and {@link WorkerIndex}: immutable segments,
 * copy-on-write tombstones, an atomically swapped snapshot, and best-first top-K search.
 *
 * <p><b>Consistency model.</b> Readers take the current snapshot with one volatile read and
 * never block; each search sees exactly one snapshot, so a write is visible to it entirely or
 * not at all. Writers are serialized by a lock: a write builds a new segment of the written
 * entities, marks their previous versions deleted, and publishes the next snapshot. Small
 * segments are merged as they accumulate (each entity is re-indexed O(log n) times), and the
 * whole index is rebuilt when deleted or merged-in entries exceed a quarter of it.
 *
 * @param <T> entity type
 * @param <P> probe type: the searching entity, compiled ({@link WorkerProbe}, {@link JobProbe})
 * @param <S> segment type
 */
abstract class SegmentedIndex<T, P, S extends Segment<T, P>> implements EntityIndex<T> {

  /** An immutable view of the index. */
  final class Snapshot {
    final List<S> segments;
    final List<Tombstones> deleted;
    final int live;

    Snapshot(List<S> segments, List<Tombstones> deleted) {
      this.segments = List.copyOf(segments);
      this.deleted = List.copyOf(deleted);
      int n = 0;
      for (int i = 0; i < segments.size(); i++) {
        n += segments.get(i).size() - deleted.get(i).count();
      }
      this.live = n;
    }
  }

  private final ReentrantLock writeLock = new ReentrantLock();
  private final Function<T, String> idOf;
  private volatile Snapshot current;

  SegmentedIndex(Function<T, String> idOf) {
    this.idOf = idOf;
    this.current = new Snapshot(List.of(), List.of());
  }

  /** Builds a segment of {@code items} (distinct ids). Called under the write lock. */
  abstract S newSegment(List<T> items);

  final Snapshot snapshot() {
    return current;
  }

  /** Number of live entities. */
  @Override
  public int size() {
    return current.live;
  }

  /** The live entity with that id, or empty. */
  @Override
  public Optional<T> get(String id) {
    Snapshot s = current;
    for (int i = s.segments.size() - 1; i >= 0; i--) {
      int pos = s.segments.get(i).find(id);
      if (pos >= 0 && !s.deleted.get(i).isDeleted(pos)) {
        return Optional.of(s.segments.get(i).entity(pos));
      }
    }
    return Optional.empty();
  }

  /** Visits every live entity of the current snapshot. */
  @Override
  public void forEach(Consumer<? super T> action) {
    Snapshot s = current;
    for (int i = 0; i < s.segments.size(); i++) {
      S seg = s.segments.get(i);
      Tombstones t = s.deleted.get(i);
      for (int p = 0; p < seg.size(); p++) {
        if (!t.isDeleted(p)) {
          action.accept(seg.entity(p));
        }
      }
    }
  }

  /** Adds or replaces {@code item}. */
  @Override
  public void upsert(T item) {
    upsertAll(List.of(item));
  }

  /**
   * Adds or replaces every item in one atomic step; for repeated ids the last one wins.
   */
  @Override
  public void upsertAll(Collection<? extends T> items) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : Checks.listOf(items, "items")) {
      byId.put(idOf.apply(item), item);
    }
    if (byId.isEmpty()) {
      return;
    }
    writeLock.lock();
    try {
      Snapshot s = current;
      List<S> segments = new ArrayList<>(s.segments);
      List<Tombstones> deleted = new ArrayList<>(s.deleted);
      for (String id : byId.keySet()) {
        markDeleted(segments, deleted, id);
      }
      S seg = newSegment(new ArrayList<>(byId.values()));
      segments.add(seg);
      deleted.add(Tombstones.none(seg.size()));
      publish(segments, deleted);
    } finally {
      writeLock.unlock();
    }
  }

  /** Removes the entity with that id; returns whether it was there. */
  @Override
  public boolean remove(String id) {
    return removeAll(List.of(id)) == 1;
  }

  /** Removes every listed id in one atomic step; returns how many were there. */
  @Override
  public int removeAll(Collection<String> ids) {
    writeLock.lock();
    try {
      Snapshot s = current;
      List<S> segments = new ArrayList<>(s.segments);
      List<Tombstones> deleted = new ArrayList<>(s.deleted);
      int removed = 0;
      for (String id : ids) {
        if (markDeleted(segments, deleted, id)) {
          removed++;
        }
      }
      if (removed > 0) {
        publish(segments, deleted);
      }
      return removed;
    } finally {
      writeLock.unlock();
    }
  }

  /** Replaces the whole content in one atomic step. */
  @Override
  public void replaceAll(Collection<? extends T> items) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : Checks.listOf(items, "items")) {
      byId.put(idOf.apply(item), item);
    }
    writeLock.lock();
    try {
      if (byId.isEmpty()) {
        current = new Snapshot(List.of(), List.of());
        return;
      }
      S seg = newSegment(new ArrayList<>(byId.values()));
      current = new Snapshot(List.of(seg), List.of(Tombstones.none(seg.size())));
    } finally {
      writeLock.unlock();
    }
  }

  private boolean markDeleted(List<S> segments, List<Tombstones> deleted, String id) {
    for (int i = segments.size() - 1; i >= 0; i--) {
      int pos = segments.get(i).find(id);
      if (pos >= 0 && !deleted.get(i).isDeleted(pos)) {
        deleted.set(i, deleted.get(i).delete(pos));
        return true;
      }
    }
    return false;
  }

  /** Merges segments as needed, then publishes. Called under the write lock. */
  private void publish(List<S> segments, List<Tombstones> deleted) {
    // binary-counter merging: the newest segment absorbs its predecessor while that one is
    // no more than twice as large (never the base segment at index 0)
    while (segments.size() > 2) {
      int last = segments.size() - 1;
      int a = segments.get(last - 1).size() - deleted.get(last - 1).count();
      int b = segments.get(last).size() - deleted.get(last).count();
      if (a > 2 * b) {
        break;
      }
      S merged = newSegment(liveItems(segments.subList(last - 1, last + 1), deleted.subList(last - 1, last + 1)));
      segments.subList(last - 1, last + 1).clear();
      deleted.subList(last - 1, last + 1).clear();
      segments.add(merged);
      deleted.add(Tombstones.none(merged.size()));
    }
    int total = 0;
    int dead = 0;
    for (int i = 0; i < segments.size(); i++) {
      total += segments.get(i).size();
      dead += deleted.get(i).count();
    }
    int base = segments.isEmpty() ? 0 : segments.get(0).size();
    if (segments.size() > 1 && (dead + total - base) * 4L > Math.max(base, 4096)) {
      List<T> all = liveItems(segments, deleted);
      segments.clear();
      deleted.clear();
      if (!all.isEmpty()) {
        S merged = newSegment(all);
        segments.add(merged);
        deleted.add(Tombstones.none(merged.size()));
      }
    }
    current = new Snapshot(segments, deleted);
  }

  private List<T> liveItems(List<S> segments, List<Tombstones> deleted) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      S seg = segments.get(i);
      Tombstones t = deleted.get(i);
      for (int p = 0; p < seg.size(); p++) {
        if (!t.isDeleted(p)) {
          out.add(seg.entity(p));
        }
      }
    }
    return out;
  }

  /** Approximate heap bytes of the index structures, entities excluded. */
  @Override
  public long estimatedBytes() {
    long b = 0;
    for (S seg : current.segments) {
      b += seg.estimatedBytes();
    }
    return b;
  }

  /** Filter check of an entity. */
  abstract boolean passes(MatchFilter filter, T entity);

  /**
   * Best-first top-K search of {@code snapshot} for {@code probe}: coarse ranges by bound,
   * then their fine ranges by bound, then exact scoring of entries that can still enter.
   */
  final MatchPage search(Snapshot snapshot, P probe, int limit, @Nullable Cursor after, MatchFilter filter) {
    List<S> segs = snapshot.segments;
    TopK top = new TopK(limit + 1, after, (segment, position) -> segs.get(segment).id(position));
    int[] views = new int[segs.size()];
    int[] firstCoarse = new int[segs.size()];
    int totalCoarse = 0;
    for (int si = 0; si < segs.size(); si++) {
      S s = segs.get(si);
      views[si] = s.view(probe);
      firstCoarse[si] = totalCoarse;
      totalCoarse += s.coarseCount();
    }
    long[] order = new long[totalCoarse];
    double[] coarseBounds = new double[totalCoarse];
    int n = 0;
    for (int si = 0; si < segs.size(); si++) {
      S s = segs.get(si);
      for (int r = 0; r < s.coarseCount(); r++) {
        double b = s.coarseBound(views[si], r, probe);
        coarseBounds[firstCoarse[si] + r] = b;
        if (b >= 0) {
          order[n++] = pack(b, si, r);
        }
      }
    }
    Arrays.sort(order, 0, n);
    // among equal bounds, the range with the smallest id last (visited first)
    orderTies(order, n, (x, y) -> coarseMinId(segs, views, y).compareTo(coarseMinId(segs, views, x)));
    double[] out = new double[4];
    double[] factorBounds = new double[3];
    long[] fineOrder = new long[Segment.COARSE / Segment.FINE];
    double[] fineBounds = new double[Segment.COARSE / Segment.FINE];
    // the distance, skills and schedule bounds of each fine range of the current coarse range
    double[] fineFactors = new double[3 * (Segment.COARSE / Segment.FINE)];
    boolean filtered = !filter.isEmpty();
    for (int i = n - 1; i >= 0; i--) {
      double bound = unpackBound(order[i]);
      if (bound < top.threshold()) {
        break;
      }
      int si = unpackSegment(order[i]);
      int r = unpackRange(order[i]);
      S s = segs.get(si);
      int v = views[si];
      double coarseBound = coarseBounds[firstCoarse[si] + r];
      if (top.excludes(coarseBound, s.coarseMinId(v, r))) {
        continue;
      }
      int[] positions = s.order(v);
      boolean idOrdered = s.runsInIdOrder(v);
      Tombstones dead = snapshot.deleted.get(si);
      int firstFine = r * (Segment.COARSE / Segment.FINE);
      int lastFine = Math.min(firstFine + Segment.COARSE / Segment.FINE, (s.size() + Segment.FINE - 1) / Segment.FINE);
      int m = 0;
      double threshold = top.threshold();
      for (int f = firstFine; f < lastFine; f++) {
        if (top.excludes(coarseBound, s.fineMinId(v, f))) {
          // its entries can at best tie the k-th score, with larger ids: no need for its bound
          continue;
        }
        double fb = s.fineFactorBounds(v, f, probe, factorBounds);
        System.arraycopy(factorBounds, 0, fineFactors, 3 * (f - firstFine), 3);
        if (fb >= 0 && fb >= threshold) {
          fineBounds[f - firstFine] = fb;
          fineOrder[m++] = pack(fb, 0, f);
        }
      }
      Arrays.sort(fineOrder, 0, m);
      orderTies(fineOrder, m, (x, y) -> s.fineMinId(v, unpackRange(y)).compareTo(s.fineMinId(v, unpackRange(x))));
      for (int k = m - 1; k >= 0; k--) {
        double minTotal = top.threshold();
        if (unpackBound(fineOrder[k]) < minTotal) {
          break;
        }
        int f = unpackRange(fineOrder[k]);
        if (top.excludes(fineBounds[f - firstFine], s.fineMinId(v, f))) {
          continue;
        }
        System.arraycopy(fineFactors, 3 * (f - firstFine), factorBounds, 0, 3);
        double fineBound = fineBounds[f - firstFine];
        int end = Math.min(s.size(), (f + 1) * Segment.FINE);
        for (int e = f * Segment.FINE; e < end; e++) {
          int p = positions == null ? e : positions[e];
          if (dead.isDeleted(p)) {
            continue;
          }
          if (idOrdered && fineBound <= top.threshold() && top.excludes(fineBound, s.id(p))) {
            // the rest of the range can at best tie the k-th, with larger ids
            break;
          }
          double score = s.evaluate(p, probe, top.threshold(), factorBounds, out);
          if (score >= 0 && top.accepts(score, si, p) && (!filtered || passes(filter, s.entity(p)))) {
            top.add(score, si, p, out);
          }
        }
      }
    }
    List<Match> sorted = top.sorted();
    if (sorted.size() > limit) {
      List<Match> page = sorted.subList(0, limit);
      return new MatchPage(page, Cursor.after(page.get(limit - 1)));
    }
    return new MatchPage(sorted, null);
  }

  private String coarseMinId(List<S> segs, int[] views, long packed) {
    int si = unpackSegment(packed);
    return segs.get(si).coarseMinId(views[si], unpackRange(packed));
  }

  /**
   * Reorders each run of equal bounds in {@code order[0, n)} (ascending) by {@code byMinId}, so
   * that, visited from the end, ranges with smaller ids come first: among ties the k-th id then
   * drops fast and the remaining tied ranges are skipped. Markets where many entries tie (a
   * worker without a home scores every located job the same distance) depend on it.
   */
  private static void orderTies(long[] order, int n, PrimitiveSort.LongComparator byMinId) {
    int start = 0;
    while (start < n) {
      int end = start + 1;
      long bits = order[start] >>> 32;
      while (end < n && (order[end] >>> 32) == bits) {
        end++;
      }
      if (end - start > 1) {
        PrimitiveSort.sort(order, start, end, byMinId);
      }
      start = end;
    }
  }

  /**
   * Packs a bound (rounded up to float, so never below the true bound) with a segment and range
   * index into a long whose natural order is the bound's order.
   */
  private static long pack(double bound, int segment, int range) {
    float f = (float) bound;
    if (f < bound) {
      f = Math.nextUp(f);
    }
    return ((long) Float.floatToIntBits(f) << 32) | ((long) segment << 24) | range;
  }

  private static double unpackBound(long packed) {
    return Float.intBitsToFloat((int) (packed >>> 32));
  }

  private static int unpackSegment(long packed) {
    return (int) ((packed >>> 24) & 0xff);
  }

  private static int unpackRange(long packed) {
    return (int) (packed & 0xffffff);
  }
}
