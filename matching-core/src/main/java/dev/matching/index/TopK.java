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
 * an optional cursor. Candidates are held by segment and position; their ids are read from the
 * {@link IdSource} only when a comparison needs them (equal scores) and for the result, since
 * reading an id costs a cache miss per candidate. Not thread-safe: one per query.
 */
final class TopK {

  /** The id of the entry at {@code position} of segment {@code segment}. */
  interface IdSource {
    String id(int segment, int position);
  }

  private final int k;
  private final @Nullable Cursor after;
  private final IdSource source;
  private final double[] scores;
  private final int[] segments;
  private final int[] positions;
  /** The ids read so far (null: not yet needed). */
  private final @Nullable String[] ids;
  private final double[][] factors;
  private int size;

  TopK(int k, @Nullable Cursor after, IdSource source) {
    this.k = k;
    this.after = after;
    this.source = source;
    this.scores = new double[k];
    this.segments = new int[k];
    this.positions = new int[k];
    this.ids = new String[k];
    this.factors = new double[k][];
  }

  /** Scores below this cannot enter (0 until full). */
  double threshold() {
    return size < k ? 0.0 : scores[0];
  }

  private String id(int i) {
    String id = ids[i];
    if (id == null) {
      id = source.id(segments[i], positions[i]);
      ids[i] = id;
    }
    return id;
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
    return bound < scores[0] || (bound == scores[0] && minId.compareTo(id(0)) >= 0);
  }

  /**
   * Whether the candidate at {@code position} of {@code segment} with this score would enter
   * (before the filter is checked).
   */
  boolean accepts(double score, int segment, int position) {
    if (after != null && (score > after.score()
        || (score == after.score() && source.id(segment, position).compareTo(after.id()) <= 0))) {
      return false; // not after the cursor
    }
    if (size < k) {
      return true;
    }
    double kth = scores[0];
    return score > kth || (score == kth && source.id(segment, position).compareTo(id(0)) < 0);
  }

  /** Offers a candidate already known to be {@link #accepts accepted}. */
  void add(double score, int segment, int position, double[] f) {
    boolean full = size == k;
    int i = full ? 0 : size++;
    scores[i] = score;
    segments[i] = segment;
    positions[i] = position;
    ids[i] = null;
    factors[i] = f.clone();
    if (full) {
      siftDown(0); // replaces the k-th
    } else {
      siftUp(i);
    }
  }

  /** Whether entry {@code a} ranks after entry {@code b}: lower score, or equal score and larger id. */
  private boolean worse(int a, int b) {
    return scores[a] < scores[b] || (scores[a] == scores[b] && id(a).compareTo(id(b)) > 0);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (worse(i, parent)) {
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
      if (l < size && worse(l, w)) {
        w = l;
      }
      if (r < size && worse(r, w)) {
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
    int seg = segments[a];
    segments[a] = segments[b];
    segments[b] = seg;
    int pos = positions[a];
    positions[a] = positions[b];
    positions[b] = pos;
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
      id(i);
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
