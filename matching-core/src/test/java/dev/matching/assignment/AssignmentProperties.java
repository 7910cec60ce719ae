package dev.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Both assigners against a brute-force oracle on tiny random instances (at most 6 workers, 5 jobs
 * and 12 edges, so all 4096 edge subsets can be enumerated), with many tied scores.
 */
class AssignmentProperties {

  private static final double TOLERANCE = 1e-6;
  /** Better edges first: score descending, then worker id, job id ascending — greedy's order. */
  private static final Comparator<AssignedEdge> PREFERENCE = Comparator.comparingDouble(AssignedEdge::score)
      .reversed().thenComparing(AssignedEdge::workerId).thenComparing(AssignedEdge::jobId);

  @Property(tries = 400)
  void optimalTotalEqualsBruteForceMaximum(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int maxCapacity) {
    TinyInstance instance = TinyInstance.random(seed, maxCapacity);
    Assignment optimal = Assigner.optimal().assign(instance.problem(0));
    assertThat(optimal.totalScore()).isCloseTo(instance.bruteForceMaximum(), offset(TOLERANCE));
  }

  @Property(tries = 400)
  void bothAssignersAreFeasible(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int maxCapacity) {
    TinyInstance instance = TinyInstance.random(seed, maxCapacity);
    AssignmentProblem problem = instance.problem(0);
    for (Assigner assigner : List.of(Assigner.greedy(), Assigner.optimal())) {
      Assignment assignment = assigner.assign(problem);
      assignment.validate(problem);
      assertThat(instance.isFeasible(assignment.edges())).as("%s: %s", assigner, assignment.edges()).isTrue();
      assertThat(assignment.totalScore()).isCloseTo(TinyInstance.total(assignment.edges()), offset(1e-12));
    }
  }

  @Property(tries = 400)
  void greedyIsAtLeastHalfOfOptimalAndNeverMore(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int maxCapacity) {
    AssignmentReport report = AssignmentReport.compare(TinyInstance.random(seed, maxCapacity).problem(0));
    assertThat(report.greedyTotal()).isLessThanOrEqualTo(report.optimalTotal() + TOLERANCE);
    assertThat(report.greedyTotal()).isGreaterThanOrEqualTo(report.optimalTotal() / 2 - TOLERANCE);
  }

  @Property(tries = 300)
  void sameProblemInAnyInsertionOrderGivesTheSameAssignment(@ForAll long seed, @ForAll long shuffleSeed,
      @ForAll @IntRange(min = 1, max = 3) int maxCapacity) {
    TinyInstance instance = TinyInstance.random(seed, maxCapacity);
    AssignmentProblem original = instance.problem(0);
    AssignmentProblem shuffled = instance.problem(shuffleSeed);
    for (Assigner assigner : List.of(Assigner.greedy(), Assigner.optimal())) {
      Assignment expected = assigner.assign(original);
      Assignment actual = assigner.assign(shuffled);
      assertThat(actual.edges()).isEqualTo(expected.edges());
      assertThat(actual.totalScore()).isEqualTo(expected.totalScore());
      assertThat(assigner.assign(original).edges()).isEqualTo(expected.edges());
    }
  }

  /**
   * When workers and jobs both rank edges by score, greedy has no blocking pair: no unchosen edge
   * whose worker and job both have a free slot or a worse chosen edge.
   */
  @Property(tries = 300)
  void greedyIsStable(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int maxCapacity) {
    TinyInstance instance = TinyInstance.random(seed, maxCapacity);
    AssignmentProblem problem = instance.problem(0);
    List<AssignedEdge> chosen = Assigner.greedy().assign(problem).edges();
    for (AssignedEdge candidate : instance.edges()) {
      if (chosen.contains(candidate)) {
        continue;
      }
      List<AssignedEdge> workerEdges = chosen.stream().filter(e -> e.workerId().equals(candidate.workerId())).toList();
      List<AssignedEdge> jobEdges = chosen.stream().filter(e -> e.jobId().equals(candidate.jobId())).toList();
      boolean workerWants = workerEdges.size() < problem.workerCapacity(candidate.workerId())
          || workerEdges.stream().anyMatch(e -> PREFERENCE.compare(candidate, e) < 0);
      boolean jobWants = jobEdges.size() < problem.jobCapacity(candidate.jobId())
          || jobEdges.stream().anyMatch(e -> PREFERENCE.compare(candidate, e) < 0);
      assertThat(workerWants && jobWants).as("blocking pair %s in %s", candidate, chosen).isFalse();
    }
  }

  @Property(tries = 200)
  void unlimitedCapacitiesTakeEveryEdgeWithAPositiveScore(@ForAll long seed) {
    TinyInstance tiny = TinyInstance.random(seed, 1);
    TinyInstance unlimited = new TinyInstance(
        raise(tiny.workerCapacity()), raise(tiny.jobCapacity()), tiny.edges());
    AssignmentProblem problem = unlimited.problem(0);
    List<AssignedEdge> positive = tiny.edges().stream().filter(e -> e.score() > 0).sorted(
        Comparator.comparing(AssignedEdge::workerId).thenComparing(AssignedEdge::jobId)).toList();
    assertThat(Assigner.greedy().assign(problem).size()).isEqualTo(tiny.edges().size());
    assertThat(Assigner.optimal().assign(problem).edges()).containsAll(positive);
  }

  private static Map<String, Integer> raise(Map<String, Integer> capacities) {
    Map<String, Integer> raised = new HashMap<>();
    capacities.keySet().forEach(id -> raised.put(id, TinyInstance.MAX_EDGES));
    return raised;
  }
}
