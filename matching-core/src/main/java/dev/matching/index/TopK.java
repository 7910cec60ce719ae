package dev.matching.index;

import dev.matching.query.Cursor;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the best {@code k} candidates by score descending, then id ascending, that rank after
 * an optional cursor. Not thread-safe: one per query.
 */
final class TopK {
  private final int k;
  private final @Nullable Cursor after;
  private final double[] scores;
  private final String[] ids;
  private final double[][] factors;
  private int size;

  TopK(int k, @Nullable Cursor after) {
    this.k = k;
    this.after = after;
    this.scores = new double[k];
    this.ids = new String[k];
    this.factors = new double[k][];
  }

  /** Scores below this cannot enter (0 until full). */
  double threshold() {
    return size < k ? 0.0 : scores[0];
  }

  /**
   * Whether no candidate scoring at most {@code bound}, with ids all at least {@code minId},
   * can enter: the bound is below the threshold, or it only ties it and every id ranks after
   * the k-th one. Exact, because bounds and scores are computed by the same monotone total.
   */
  boolean excludes(double bound, String minId) {
    if (size < k) {
      return false;
    }
    return bound < scores[0] || (bound == scores[0] && minId.compareTo(ids[0]) >= 0);
  }

  /** Whether a candidate with this score and id would enter (before the filter is checked). */
  boolean accepts(double score, String id) {
    if (after != null && !after.isBefore(score, id)) {
      return false;
    }
    return size < k || worse(scores[0], ids[0], score, id);
  }

  /** Offers a candidate already known to be {@link #accepts accepted}. */
  void add(double score, String id, double[] f) {
    double[] copy = f.clone();
    if (size < k) {
      scores[size] = score;
      ids[size] = id;
      factors[size] = copy;
      siftUp(size++);
    } else {
      scores[0] = score;
      ids[0] = id;
      factors[0] = copy;
      siftDown(0);
    }
  }

  /** Whether (s1, id1) ranks after (s2, id2): lower score, or equal score and larger id. */
  private static boolean worse(double s1, String id1, double s2, String id2) {
    return s1 < s2 || (s1 == s2 && id1.compareTo(id2) > 0);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (worse(scores[i], ids[i], scores[parent], ids[parent])) {
        swap(i, parent);
        i = parent;
      } else {
        return;
      }
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int w = i;
      if (l < size && worse(scores[l], ids[l], scores[w], ids[w])) {
        w = l;
      }
      if (r < size && worse(scores[r], ids[r], scores[w], ids[w])) {
        w = r;
      }
      if (w == i) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    String id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
    double[] f = factors[a];
    factors[a] = factors[b];
    factors[b] = f;
  }

  /** The kept candidates, best first. */
  List<Match> sorted() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(scores[b], scores[a]);
      return c != 0 ? c : ids[a].compareTo(ids[b]);
    });
    List<Match> out = new ArrayList<>(size);
    for (int i : order) {
      double[] f = factors[i];
      out.add(new Match(ids[i], scores[i], new FactorScores(f[0], f[1], f[2], f[3])));
    }
    return out;
  }
}
