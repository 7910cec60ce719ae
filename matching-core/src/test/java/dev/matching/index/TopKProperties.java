package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.query.Cursor;
import dev.matching.query.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link TopK} keeps the best k candidates after the cursor (score descending, id ascending)
 * whatever the order they are offered in, reading ids lazily, with many equal scores.
 */
class TopKProperties {

  @Property(tries = 300)
  void keepsTheBestKAfterTheCursor(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int k,
      @ForAll @IntRange(min = 0, max = 200) int n, @ForAll boolean withCursor) {
    SplittableRandom r = new SplittableRandom(seed);
    // two segments of candidates; few distinct scores, so ids decide often
    String[][] ids = new String[2][n];
    List<Match> all = new ArrayList<>();
    double[][] scores = new double[2][n];
    for (int s = 0; s < 2; s++) {
      for (int p = 0; p < n; p++) {
        ids[s][p] = "id-" + Integer.toString(r.nextInt(1_000_000), 36) + "-" + s + "-" + p;
        scores[s][p] = r.nextInt(4) / 4.0;
        all.add(new Match(ids[s][p], scores[s][p], new dev.matching.scoring.FactorScores(0, 0, 0, 0)));
      }
    }
    Comparator<Match> order = Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id);
    all.sort(order);
    Cursor cursor = withCursor && !all.isEmpty() ? Cursor.after(all.get(r.nextInt(all.size()))) : null;
    List<Match> expected = all.stream()
        .filter(m -> cursor == null || cursor.isBefore(m.score(), m.id()))
        .limit(k)
        .collect(Collectors.toList());

    TopK top = new TopK(k, cursor, (segment, position) -> ids[segment][position]);
    double[] factors = new double[4];
    for (int i = 0; i < 2 * n; i++) {
      // offered in an order unrelated to the ranking
      int s = (int) ((i * 7L + seed) & 1);
      int p = (int) Math.floorMod(i * 31L + seed, (long) n);
      if (scores[s][p] < 0) {
        continue;
      }
      if (top.accepts(scores[s][p], s, p)) {
        top.add(scores[s][p], s, p, factors);
      }
      scores[s][p] = -1; // each candidate once
    }
    // candidates the permutation above missed are offered now
    for (int s = 0; s < 2; s++) {
      for (int p = 0; p < n; p++) {
        if (scores[s][p] >= 0 && top.accepts(scores[s][p], s, p)) {
          top.add(scores[s][p], s, p, factors);
        }
      }
    }
    assertThat(top.sorted().stream().map(Match::id).collect(Collectors.toList()))
        .isEqualTo(expected.stream().map(Match::id).collect(Collectors.toList()));
  }
}
