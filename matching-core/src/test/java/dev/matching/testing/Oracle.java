package dev.matching.testing;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Cursor;
import dev.matching.query.Match;
import dev.matching.query.MatchFilter;
import dev.matching.scoring.Scorer;
import dev.matching.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The brute-force ranking every index result must equal: score every pair, sort. */
public final class Oracle {
  public static final Comparator<Match> ORDER =
      Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id);

  private Oracle() {}

  public static List<Match> jobsFor(Worker w, List<Job> jobs, ScoringPolicy policy, MatchFilter filter) {
    Scorer scorer = Scorer.of(policy);
    List<Match> out = new ArrayList<>();
    for (Job j : jobs) {
      if (filter.test(j)) {
        scorer.score(w, j).ifPresent(sc -> out.add(new Match(j.id(), sc.total(), sc.factors())));
      }
    }
    out.sort(ORDER);
    return out;
  }

  public static List<Match> workersFor(Job j, List<Worker> workers, ScoringPolicy policy, MatchFilter filter) {
    Scorer scorer = Scorer.of(policy);
    List<Match> out = new ArrayList<>();
    for (Worker w : workers) {
      if (filter.test(w)) {
        scorer.score(w, j).ifPresent(sc -> out.add(new Match(w.id(), sc.total(), sc.factors())));
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** The page of {@code limit} after {@code cursor} in a full ranking. */
  public static List<Match> page(List<Match> full, @Nullable Cursor cursor, int limit) {
    List<Match> out = new ArrayList<>();
    for (Match m : full) {
      if (cursor == null || cursor.isBefore(m.score(), m.id())) {
        out.add(m);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }
}
