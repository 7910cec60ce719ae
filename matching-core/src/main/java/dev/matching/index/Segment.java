package dev.matching.index;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable slice of an index with two levels of score bounds: coarse ranges of
 * {@link #COARSE} entries and fine ranges of {@link #FINE} entries. Thread-safe.
 *
 * <p>Entries are stored in one order (spatial), and ranges are runs of consecutive positions:
 * the {@link #PRIMARY} view. A segment may also keep an {@link #ALTERNATE} view: a permutation
 * of its positions with ranges and bounds of its own, for queries the primary order cannot
 * prune (a job segment orders its jobs by skills, shift hours and pay for workers without a
 * home, whom distance does not separate). A search uses the view {@link #view} names; range
 * {@code r} of a view covers the positions {@code order(view)[r * width ... ]} (the positions
 * themselves when the order is null).
 *
 * @param <T> the entity type (job or worker)
 * @param <P> the probe type: the entity a search ranks this segment's entities for, compiled
 *     ({@link WorkerProbe} searching jobs, {@link JobProbe} searching workers)
 */
abstract class Segment<T, P> {
  static final int FINE = 64;
  static final int COARSE = 1024;
  static final int PRIMARY = 0;
  static final int ALTERNATE = 1;

  /** Positions in order of the ids' {@link String#hashCode} (then position), for {@link #find}. */
  private final int[] sortedPositions;
  private final boolean primaryRunsInIdOrder;
  private final String[] fineMinIds;
  private final String[] coarseMinIds;
  private final int @Nullable [] altOrder;
  private final String @Nullable [] altFineMinIds;
  private final String @Nullable [] altCoarseMinIds;

  /**
   * Takes the ids by position and the alternate order, if any. The entries of every fine range
   * of the alternate view must be in id order ({@link #sortRunsById}), and so must those of the
   * primary view when {@code primaryRunsInIdOrder}.
   */
  Segment(String[] idsByPosition, boolean primaryRunsInIdOrder, int @Nullable [] altOrder) {
    int n = idsByPosition.length;
    long[] byHash = new long[n];
    for (int i = 0; i < n; i++) {
      byHash[i] = ((long) idsByPosition[i].hashCode() << 32) | i;
    }
    Arrays.sort(byHash);
    sortedPositions = new int[n];
    for (int i = 0; i < n; i++) {
      sortedPositions[i] = (int) byHash[i];
    }
    this.primaryRunsInIdOrder = primaryRunsInIdOrder;
    fineMinIds = primaryRunsInIdOrder ? firstIds(idsByPosition, null) : minIds(idsByPosition);
    coarseMinIds = coarser(fineMinIds);
    this.altOrder = altOrder;
    altFineMinIds = altOrder == null ? null : firstIds(idsByPosition, altOrder);
    altCoarseMinIds = altFineMinIds == null ? null : coarser(altFineMinIds);
  }

  /** The smallest id of each fine range of the primary view. */
  private static String[] minIds(String[] idsByPosition) {
    String[] out = new String[(idsByPosition.length + FINE - 1) / FINE];
    for (int i = 0; i < idsByPosition.length; i++) {
      int r = i / FINE;
      if (out[r] == null || idsByPosition[i].compareTo(out[r]) < 0) {
        out[r] = idsByPosition[i];
      }
    }
    return out;
  }

  /**
   * Sorts the entries of each run of {@link #FINE} consecutive elements of {@code order} (fine
   * ranges keep their members) by id, elements numbered as in {@code ids}. A search scans a
   * fine range in this order and stops at the first id ranking after the k-th when the range can
   * at best tie it: where many entries tie (a worker without a home), most of a range is then
   * never scored.
   */
  static void sortRunsById(int[] order, IdOrder ids) {
    int[] run = new int[FINE];
    for (int from = 0; from < order.length; from += FINE) {
      int m = Math.min(FINE, order.length - from);
      for (int i = 0; i < m; i++) {
        // binary insertion: about 6 comparisons an entry
        int x = order[from + i];
        int lo = 0;
        int hi = i;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (ids.compare(run[mid], x) <= 0) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        System.arraycopy(run, lo, run, lo + 1, i - lo);
        run[lo] = x;
      }
      System.arraycopy(run, 0, order, from, m);
    }
  }

  /** The first (smallest) id of each fine range of {@code order} (positions if null). */
  private static String[] firstIds(String[] idsByPosition, int @Nullable [] order) {
    String[] out = new String[(idsByPosition.length + FINE - 1) / FINE];
    for (int r = 0; r < out.length; r++) {
      out[r] = idsByPosition[order == null ? r * FINE : order[r * FINE]];
    }
    return out;
  }

  /** Segments smaller than this keep no alternate view: scanning them is cheap anyway. */
  static final int MIN_ALTERNATE_SIZE = 4 * FINE;
  private static final int POSITION_BITS = 21;

  /** Whether a segment of {@code n} entries keeps an alternate view: not too small, and positions fit in 21 bits. */
  static boolean keepsAlternateView(int n) {
    return n >= MIN_ALTERNATE_SIZE && n < (1 << POSITION_BITS);
  }

  /**
   * An alternate view's order: the positions by {@code keys} (the key of each position, below
   * {@code 2^42}; overwritten), positions with equal keys in id order (so that their ties fill
   * few ranges, found by their smallest ids), {@code ids} numbered by position. Sorts packed
   * primitive keys.
   */
  static int[] orderByKey(long[] keys, IdOrder ids) {
    int n = keys.length;
    for (int i = 0; i < n; i++) {
      keys[i] = (keys[i] << POSITION_BITS) | i;
    }
    Arrays.sort(keys);
    long mask = (1L << POSITION_BITS) - 1;
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && (keys[end] >>> POSITION_BITS) == (keys[start] >>> POSITION_BITS)) {
        end++;
      }
      if (end - start > 1) {
        PrimitiveSort.sort(keys, start, end, (x, y) -> ids.compare((int) (x & mask), (int) (y & mask)));
      }
      start = end;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & mask);
    }
    return order;
  }

  /** The smallest id of each coarse range, from those of its fine ranges. */
  private static String[] coarser(String[] fineMinIds) {
    int perCoarse = COARSE / FINE;
    String[] out = new String[(fineMinIds.length + perCoarse - 1) / perCoarse];
    for (int f = 0; f < fineMinIds.length; f++) {
      int r = f / perCoarse;
      if (out[r] == null || fineMinIds[f].compareTo(out[r]) < 0) {
        out[r] = fineMinIds[f];
      }
    }
    return out;
  }

  /** The view a search for {@code probe} uses: {@link #PRIMARY} unless a subclass knows better. */
  int view(P probe) {
    return PRIMARY;
  }

  /**
   * Whether the entries of each fine range of {@code view} are in id order: a scan of such a
   * range may stop at the first id ranking after the k-th when the range can at best tie it.
   */
  final boolean runsInIdOrder(int view) {
    return view == ALTERNATE || primaryRunsInIdOrder;
  }

  /** The positions of {@code view} in its order, or null for the primary view (identity). */
  final int @Nullable [] order(int view) {
    return view == ALTERNATE ? altOrder : null;
  }

  /**
   * The smallest id in fine range {@code r} of {@code view}: an entry of the range that can at
   * best tie the k-th score of a search enters only if its id is smaller than the k-th id.
   */
  final String fineMinId(int view, int r) {
    return view == ALTERNATE ? altFineMinIds[r] : fineMinIds[r];
  }

  /** The smallest id in coarse range {@code r} of {@code view}. */
  final String coarseMinId(int view, int r) {
    return view == ALTERNATE ? altCoarseMinIds[r] : coarseMinIds[r];
  }

  /** Number of entries, deleted ones included. */
  abstract int size();

  /** The entity at {@code pos}. */
  abstract T entity(int pos);

  /** The id of the entity at {@code pos}. */
  abstract String id(int pos);

  /** Number of coarse ranges (the same in every view). */
  final int coarseCount() {
    return (size() + COARSE - 1) / COARSE;
  }

  /** Upper bound of the scores in coarse range {@code r} of {@code view}; negative when none can be eligible. */
  abstract double coarseBound(int view, int r, P probe);

  /**
   * Upper bound of the scores in fine range {@code r} of {@code view}, negative when none can be
   * eligible; when it is not negative, the bounds of the distance, skills and schedule scores it
   * is made of are written into {@code factors}.
   */
  abstract double fineFactorBounds(int view, int r, P probe, double[] factors);

  /**
   * Scores the entity at {@code pos} as {@link dev.matching.scoring.internal.Evaluator#evaluate} does,
   * given the bounds {@link #fineFactorBounds} wrote for its range.
   */
  abstract double evaluate(int pos, P probe, double minTotal, double[] factorBounds, double[] out);

  /** Approximate heap bytes of this segment, entities excluded (compressed references: 4 bytes). */
  long estimatedBytes() {
    long b = sortedPositions.length * 4L + (fineMinIds.length + coarseMinIds.length) * 4L + 3 * 16L;
    if (altOrder != null) {
      b += altOrder.length * 4L + (altFineMinIds.length + altCoarseMinIds.length) * 4L + 3 * 16L;
    }
    return b;
  }

  /** The position of {@code id}, or -1: a binary search by hash code, then the equal hashes. */
  int find(String id) {
    int h = id.hashCode();
    int lo = 0;
    int hi = sortedPositions.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (id(sortedPositions[mid]).hashCode() < h) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < sortedPositions.length; i++) {
      String other = id(sortedPositions[i]);
      if (other.hashCode() != h) {
        break;
      }
      if (other.equals(id)) {
        return sortedPositions[i];
      }
    }
    return -1;
  }
}
