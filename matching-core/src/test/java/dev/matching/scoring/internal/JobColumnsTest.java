package dev.matching.scoring.internal;



import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.model.PreferredSkill;
import dev.matching.scoring.internal.SkillCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skill weights read back exactly, whether the columns index a table of them or keep them all. */
class JobColumnsTest {

  private static List<Job> jobs(int count, int distinctWeights) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double a = 0.1 + (i % distinctWeights) * 0.137; // not exact in float, on purpose
      double b = 1 + ((i * 7) % distinctWeights) * 0.011;
      jobs.add(Job.builder("job-" + i).employerId("e").location(35.6, 139.7).hourlyPay(1200)
          .require("cashier", 1).prefer("english", 2, a).prefer("cooking", 1, b).build());
    }
    return jobs;
  }

  private static void assertWeightsReadBack(List<Job> jobs, boolean indexed) {
    JobColumns.Builder builder = JobColumns.builder(new SkillCatalog(), jobs.size());
    jobs.forEach(builder::add);
    JobColumns columns = builder.build();
    assertThat(columns.weightIndex != null).as("weights indexed").isEqualTo(indexed);
    for (int j = 0; j < jobs.size(); j++) {
      List<PreferredSkill> preferred = jobs.get(j).preferredSkills();
      double sum = 0;
      for (int k = 0; k < preferred.size(); k++) {
        assertThat(columns.skillWeight(columns.preferredFrom(j) + k)).isEqualTo(preferred.get(k).weight());
        sum += preferred.get(k).weight();
      }
      assertThat(columns.preferredWeightSum(j)).isEqualTo(sum);
    }
  }

  @Test
  void fewDistinctWeightsAreIndexedAndReadBackExactly() {
    assertWeightsReadBack(jobs(2_000, 40), true);
  }

  @Test
  void manyDistinctWeightsAreKeptAsTheyAreAndReadBackExactly() {
    assertWeightsReadBack(jobs(2_000, 600), false);
  }
}
