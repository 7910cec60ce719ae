package dev.matching.index;

import java.util.Arrays;
import java.util.Comparator;

/**
 * An immutable, spatially ordered slice of an index with two levels of score bounds: coarse
 * ranges of {@link #COARSE} entries and fine ranges of {@link #FINE} entries. Thread-safe.
 *
 * @param <T> the entity type (job or worker)
 * @param <Q> the compiled query type
 */
abstract class Segment<T, Q> {
  static final int FINE = 64;
  static final int COARSE = 1024;

  private final String[] sortedIds;
  private final int[] sortedPositions;
  private final String[] fineMinIds;
  private final String[] coarseMinIds;

  Segment(String[] idsByPosition) {
    int n = idsByPosition.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> idsByPosition[i]));
    sortedIds = new String[n];
    sortedPositions = new int[n];
    for (int i = 0; i < n; i++) {
      sortedIds[i] = idsByPosition[order[i]];
      sortedPositions[i] = order[i];
    }
    fineMinIds = minIds(idsByPosition, FINE);
    coarseMinIds = minIds(idsByPosition, COARSE);
  }

  /** The smallest id of each run of {@code width} positions. */
  private static String[] minIds(String[] idsByPosition, int width) {
    String[] out = new String[(idsByPosition.length + width - 1) / width];
    for (int i = 0; i < idsByPosition.length; i++) {
      String id = idsByPosition[i];
      int r = i / width;
      if (out[r] == null || id.compareTo(out[r]) < 0) {
        out[r] = id;
      }
    }
    return out;
  }

  /**
   * The smallest id in fine range {@code r}: an entry of the range that can at best tie the
   * k-th score of a search enters only if its id is smaller than the k-th id.
   */
  final String fineMinId(int r) {
    return fineMinIds[r];
  }

  /** The smallest id in coarse range {@code r}. */
  final String coarseMinId(int r) {
    return coarseMinIds[r];
  }

  /** Number of entries, deleted ones included. */
  abstract int size();

  /** The entity at {@code pos}. */
  abstract T entity(int pos);

  /** The id of the entity at {@code pos}. */
  abstract String id(int pos);

  /** Number of coarse ranges. */
  abstract int coarseCount();

  /** Upper bound of the scores in coarse range {@code r}; negative when none can be eligible. */
  abstract double coarseBound(int r, Q q);

  /** Upper bound of the scores in fine range {@code r}; negative when none can be eligible. */
  abstract double fineBound(int r, Q q);

  /** Upper bound of the schedule score in fine range {@code r}. */
  abstract double fineScheduleBound(int r, Q q);

  /** Scores the entity at {@code pos} as {@link dev.matching.scoring.Evaluator#evaluate} does. */
  abstract double evaluate(int pos, Q q, double minTotal, double scheduleBound, double[] out);

  /** Approximate heap bytes of this segment, entities excluded. */
  long estimatedBytes() {
    // sorted ids and their positions, plus the smallest id of each fine and coarse range
    return sortedIds.length * 8L + (fineMinIds.length + coarseMinIds.length) * 4L;
  }

  /** The position of {@code id}, or -1. */
  int find(String id) {
    int i = Arrays.binarySearch(sortedIds, id);
    return i >= 0 ? sortedPositions[i] : -1;
  }
}
