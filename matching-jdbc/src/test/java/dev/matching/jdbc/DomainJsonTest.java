package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.StorageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainJsonTest {

  @Test
  void jobsAndWorkersReadBackEqual() {
    for (Job job : Fixtures.sampleJobs(2_000)) {
      assertThat(DomainJson.job(DomainJson.job(job))).isEqualTo(job);
    }
    for (Worker worker : Fixtures.sampleWorkers(2_000)) {
      assertThat(DomainJson.worker(DomainJson.worker(worker))).isEqualTo(worker);
    }
    assertThat(DomainJson.job(DomainJson.job(Fixtures.job("j")))).isEqualTo(Fixtures.job("j"));
    assertThat(DomainJson.worker(DomainJson.worker(Fixtures.worker("w")))).isEqualTo(Fixtures.worker("w"));
  }

  @Test
  void documentsCarryTheirSchemaVersion() {
    assertThat(DomainJson.job(Fixtures.job("j"))).contains("\"schema_version\":1");
    assertThat(DomainJson.worker(Fixtures.worker("w"))).contains("\"schema_version\":1");
  }

  @Test
  void aDocumentFromANewerReleaseIsRefused() {
    String newer = DomainJson.job(Fixtures.job("j")).replace("\"schema_version\":1", "\"schema_version\":2");
    assertThatThrownBy(() -> DomainJson.job(newer)).isInstanceOf(StorageException.class)
        .hasMessageContaining("schema_version 2");
  }

  @Test
  void matchesAndParametersReadBackEqual() {
    List<Match> matches = List.of(new Match("job-1", 0.75, new FactorScores(1, 0.5, 0.25, 0.1)),
        new Match("job-\"2\"", 0.1, new FactorScores(0, 0, 0, 1)));
    assertThat(DomainJson.matches(DomainJson.matches(matches))).isEqualTo(matches);
    Map<String, String> parameters = Map.of("region", "関東", "dry-run", "true");
    assertThat(DomainJson.stringMap(DomainJson.stringMap(parameters))).isEqualTo(parameters);
  }
}
