package dev.matching.benchmarks;

import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A bounded heap keeping the best {@code k} candidates in the engine's ranking order: score
 * descending, then id ascending. Not thread-safe: one per query.
 */
public final class TopMatches {

  /** The engine's ranking order, best first. */
  public static final Comparator<Match> RANKING =
      Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id);

  private final int k;
  private final PriorityQueue<Match> worstFirst;

  /** An empty heap of capacity {@code k}. */
  public TopMatches(int k) {
    this.k = k;
    this.worstFirst = new PriorityQueue<>(k + 1, RANKING.reversed());
  }

  /** The lowest score that can still enter: 0 until the heap is full. */
  public double threshold() {
    return worstFirst.size() < k ? 0.0 : worstFirst.peek().score();
  }

  /** Whether the heap holds {@code k} candidates. */
  public boolean isFull() {
    return worstFirst.size() == k;
  }

  /** Offers an eligible candidate with its four factor scores, in distance, skills, schedule, pay order. */
  public void offer(String id, double score, double[] factors) {
    if (isFull()) {
      Match worst = worstFirst.peek();
      if (score < worst.score() || (score == worst.score() && id.compareTo(worst.id()) > 0)) {
        return;
      }
      worstFirst.poll();
    }
    worstFirst.add(new Match(id, score, new FactorScores(factors[0], factors[1], factors[2], factors[3])));
  }

  /** The kept candidates, best first. */
  public List<Match> sorted() {
    List<Match> out = new ArrayList<>(worstFirst);
    out.sort(RANKING);
    return out;
  }
}
