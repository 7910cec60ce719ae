package dev.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AssignmentTest {

  /** w1 likes j1 (.9) a bit more than j2 (.8); w2 only fits j1 (.85). Every capacity is 1. */
  private static AssignmentProblem greedyTrap() {
    return AssignmentProblem.builder()
        .job("j1", 1).job("j2", 1)
        .worker("w1", 1).worker("w2", 1)
        .edge("w1", "j1", 0.9).edge("w1", "j2", 0.8).edge("w2", "j1", 0.85)
        .build();
  }

  @Test
  void greedyTakesTheBestEdgeButOptimalGivesItUp() {
    AssignmentProblem problem = greedyTrap();

    Assignment greedy = Assigner.greedy().assign(problem);
    Assignment optimal = Assigner.optimal().assign(problem);

    assertThat(greedy.edges()).containsExactly(new AssignedEdge("w1", "j1", 0.9));
    assertThat(greedy.totalScore()).isEqualTo(0.9);
    assertThat(optimal.edges()).containsExactly(new AssignedEdge("w1", "j2", 0.8), new AssignedEdge("w2", "j1", 0.85));
    assertThat(optimal.totalScore()).isCloseTo(1.65, offset(1e-12));
    assertThat(optimal.countForWorker("w2")).isEqualTo(1);
    assertThat(optimal.countForJob("j1")).isEqualTo(1);
    assertThat(optimal.workersAssigned()).isEqualTo(2);
    assertThat(optimal.jobsAssigned()).isEqualTo(2);
    assertThat(greedy.countForWorker("w2")).isZero();
  }

  @Test
  void reportComparesGreedyWithOptimal() {
    AssignmentReport report = AssignmentReport.compare(greedyTrap());

    assertThat(report.greedyTotal()).isEqualTo(0.9);
    assertThat(report.optimalTotal()).isCloseTo(1.65, offset(1e-12));
    assertThat(report.ratio()).isCloseTo(0.9 / 1.65, offset(1e-12));
    assertThat(report.greedyEdges()).isEqualTo(1);
    assertThat(report.optimalEdges()).isEqualTo(2);
    assertThat(report.greedyWorkers()).isEqualTo(1);
    assertThat(report.optimalJobs()).isEqualTo(2);
  }

  @Test
  void emptyProblemGivesEmptyAssignments() {
    AssignmentProblem problem = AssignmentProblem.builder().build();

    for (Assigner assigner : List.of(Assigner.greedy(), Assigner.optimal())) {
      Assignment assignment = assigner.assign(problem);
      assertThat(assignment.edges()).isEmpty();
      assertThat(assignment.totalScore()).isZero();
      assignment.validate(problem);
    }
    assertThat(AssignmentReport.compare(problem).ratio()).isEqualTo(1.0);
  }

  @Test
  void workersAndJobsWithoutEdgesAreLeftOut() {
    AssignmentProblem problem = AssignmentProblem.builder().worker("w1", 2).job("j1", 3).build();

    Assignment optimal = Assigner.optimal().assign(problem);

    assertThat(optimal.size()).isZero();
    assertThat(optimal.countForWorker("w1")).isZero();
    assertThat(optimal.countForJob("j1")).isZero();
  }

  @Test
  void largeCapacitiesTakeEveryEdge() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder();
    for (int w = 0; w < 5; w++) {
      builder.worker("w" + w, 100);
    }
    for (int j = 0; j < 4; j++) {
      builder.job("j" + j, 100);
      for (int w = 0; w < 5; w++) {
        builder.edge("w" + w, "j" + j, 0.05 + 0.01 * (w * 4 + j));
      }
    }
    AssignmentProblem problem = builder.build();

    for (Assigner assigner : List.of(Assigner.greedy(), Assigner.optimal())) {
      Assignment assignment = assigner.assign(problem);
      assertThat(assignment.size()).isEqualTo(20);
      assertThat(assignment.countForJob("j3")).isEqualTo(5);
      assertThat(assignment.edges().get(0)).isEqualTo(new AssignedEdge("w0", "j0", 0.05));
    }
  }

  @Test
  void edgesComeOutInWorkerThenJobIdOrder() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .edge("b", "y", 0.5).edge("a", "z", 0.5).edge("b", "x", 0.5).edge("a", "x", 0.5)
        .worker("b", 2).worker("a", 2).job("z", 2).job("y", 2).job("x", 2)
        .build();

    assertThat(Assigner.greedy().assign(problem).edges()).extracting(e -> e.workerId() + e.jobId())
        .containsExactly("ax", "az", "bx", "by");
    assertThat(problem.workerIds()).containsExactly("a", "b");
    assertThat(problem.jobIds()).containsExactly("x", "y", "z");
  }

  @Test
  void problemAnswersLookups() {
    AssignmentProblem problem = greedyTrap();

    assertThat(problem.workerCount()).isEqualTo(2);
    assertThat(problem.jobCount()).isEqualTo(2);
    assertThat(problem.edgeCount()).isEqualTo(3);
    assertThat(problem.score("w1", "j2")).isEqualTo(OptionalDouble.of(0.8));
    assertThat(problem.score("w2", "j2")).isEmpty();
    assertThat(problem.score("nobody", "j2")).isEmpty();
    assertThat(problem.workerCapacity("w1")).isEqualTo(1);
    assertThat(problem.toString()).isEqualTo("AssignmentProblem[workers=2, jobs=2, edges=3]");
    assertFails(() -> problem.jobCapacity("j9"), "jobId: no such job, was \"j9\"");
  }

  @Test
  void builderNamesTheFieldAndValue() {
    assertFails(() -> AssignmentProblem.builder().job("j1", 0), "job[j1].capacity: must be at least 1, was 0");
    assertFails(() -> AssignmentProblem.builder().worker("w1", -2), "worker[w1].capacity: must be at least 1, was -2");
    assertFails(() -> AssignmentProblem.builder().job("j1", 1).job("j1", 2), "jobId: declared twice, was \"j1\"");
    assertFails(() -> AssignmentProblem.builder().worker(" w1", 1),
        "workerId: must not start or end with white space, was \" w1\"");
    assertFails(() -> AssignmentProblem.builder().edge("w1", "j1", 1.5),
        "edge[w1 -> j1].score: must be a finite number within [0, 1], was 1.5");
    assertFails(() -> AssignmentProblem.builder().edge("w1", "j1", -0.1),
        "edge[w1 -> j1].score: must be a finite number within [0, 1], was -0.1");
    assertFails(() -> AssignmentProblem.builder().edge("w1", "j1", Double.NaN),
        "edge[w1 -> j1].score: must be a finite number within [0, 1], was NaN");
  }

  @Test
  void buildNamesTheEdgeWithAnUnknownIdOrADuplicate() {
    assertFails(() -> AssignmentProblem.builder().job("j1", 1).edge("w9", "j1", 0.5).build(),
        "edge[w9 -> j1].workerId: no such worker, was \"w9\"");
    assertFails(() -> AssignmentProblem.builder().worker("w1", 1).edge("w1", "j9", 0.5).build(),
        "edge[w1 -> j9].jobId: no such job, was \"j9\"");
    assertFails(() -> AssignmentProblem.builder().worker("w1", 1).job("j1", 1)
        .edge("w1", "j1", 0.5).edge("w1", "j1", 0.6).build(), "edge[w1 -> j1]: duplicate edge, scores 0.5 and 0.6");
  }

  @Test
  void validateRejectsAnAssignmentThatBreaksAnotherProblemsCapacity() {
    Assignment optimal = Assigner.optimal().assign(AssignmentProblem.builder()
        .worker("w1", 2).job("j1", 1).job("j2", 1).edge("w1", "j1", 0.5).edge("w1", "j2", 0.5).build());
    AssignmentProblem tighter = AssignmentProblem.builder()
        .worker("w1", 1).job("j1", 1).job("j2", 1).edge("w1", "j1", 0.5).edge("w1", "j2", 0.5).build();
    AssignmentProblem rescored = AssignmentProblem.builder()
        .worker("w1", 2).job("j1", 1).job("j2", 1).edge("w1", "j1", 0.5).edge("w1", "j2", 0.4).build();

    assertFails(() -> optimal.validate(tighter), "worker[w1]: more edges than its capacity 1, was 2");
    assertFails(() -> optimal.validate(rescored), "edge[w1 -> j2].score: must be 0.4 as in the problem, was 0.5");
  }

  private static void assertFails(Executable call, String message) {
    assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
