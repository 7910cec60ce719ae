package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JdbcMatchResultStoreTest extends PostgresTestBase {

  private static final Direction JOBS = Direction.JOBS_FOR_WORKER;

  private static Match match(String id, double score) {
    return new Match(id, score, new FactorScores(score, 1, 0.5, 0));
  }

  private MatchResultStore results() {
    return storage.matchResultStore();
  }

  @Test
  void readersSeeOnlyThePublishedGeneration() {
    results().write(JOBS, 1, T0, Map.of("w1", List.of(match("j1", 0.9), match("j2", 0.5))));
    assertThat(results().publishedGeneration(JOBS)).isEqualTo(OptionalLong.empty());
    assertThat(results().find(JOBS, "w1")).isEmpty();

    results().publish(JOBS, 1);
    results().write(JOBS, 2, T0.plusSeconds(60), Map.of("w1", List.of(match("j3", 0.7))));

    assertThat(results().find(JOBS, "w1")).contains(
        new MatchList(JOBS, "w1", 1, T0, List.of(match("j1", 0.9), match("j2", 0.5))));
    assertThat(results().find(Direction.WORKERS_FOR_JOB, "w1")).isEmpty();

    results().publish(JOBS, 2);
    assertThat(results().publishedGeneration(JOBS)).isEqualTo(OptionalLong.of(2));
    assertThat(results().find(JOBS, "w1").orElseThrow().matches()).containsExactly(match("j3", 0.7));
  }

  @Test
  void rewritingASubjectOfAGenerationReplacesIt() {
    results().write(JOBS, 1, T0, Map.of("w1", List.of(match("j1", 0.9))));
    results().write(JOBS, 1, T0.plusSeconds(1), Map.of("w1", List.of(match("j2", 0.8)), "w2", List.of()));
    results().publish(JOBS, 1);

    assertThat(results().find(JOBS, "w1").orElseThrow().matches()).containsExactly(match("j2", 0.8));
    assertThat(results().find(JOBS, "w2").orElseThrow().matches()).isEmpty();
  }

  @Test
  void deletesOldGenerationsButNeverThePublishedOne() {
    for (long g = 1; g <= 4; g++) {
      results().write(JOBS, g, T0, Map.of("w1", List.of(), "w2", List.of()));
    }
    results().write(Direction.WORKERS_FOR_JOB, 1, T0, Map.of("j1", List.of()));
    results().publish(JOBS, 2);

    assertThat(results().deleteGenerationsBefore(JOBS, 4)).isEqualTo(4);
    assertThat(results().find(JOBS, "w1")).isPresent();
    results().publish(Direction.WORKERS_FOR_JOB, 1);
    assertThat(results().find(Direction.WORKERS_FOR_JOB, "j1")).isPresent();
  }

  @Test
  void eraseDeletesTheListsOfTheIdAndRemovesItFromOtherLists() {
    results().write(JOBS, 1, T0, Map.of(
        "w1", List.of(match("j1", 0.9)),
        "w2", List.of(match("j2", 0.9), match("j\"odd\\id", 0.1)),
        "w3", List.of(match("j2", 0.4))));
    results().write(Direction.WORKERS_FOR_JOB, 1, T0, Map.of("j1", List.of(match("w3", 0.5))));
    results().publish(JOBS, 1);

    assertThat(results().erase("j1")).isEqualTo(2);
    assertThat(results().erase("j\"odd\\id")).isEqualTo(1);
    assertThat(results().erase("nobody")).isZero();
    assertThat(results().find(JOBS, "w1").orElseThrow().matches()).isEmpty();
    assertThat(results().find(JOBS, "w2")).contains(new MatchList(JOBS, "w2", 1, T0, List.of(match("j2", 0.9))));
    assertThat(results().find(JOBS, "w3").orElseThrow().matches()).containsExactly(match("j2", 0.4));
    results().publish(Direction.WORKERS_FOR_JOB, 1);
    assertThat(results().find(Direction.WORKERS_FOR_JOB, "j1")).isEmpty();
  }
}
