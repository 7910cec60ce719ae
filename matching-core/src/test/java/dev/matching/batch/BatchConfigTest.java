package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.query.Direction;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchConfigTest {

  @Test
  void defaultsAreDocumented() {
    BatchConfig c = BatchConfig.ofDefaults();
    assertThat(c.topN()).isEqualTo(50);
    assertThat(c.partitions()).isEqualTo(32);
    assertThat(c.directions()).containsExactlyInAnyOrder(Direction.values());
    assertThat(c.leaseDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.assignment()).isEqualTo(AssignmentMode.NONE);
    assertThat(c.maxOffersPerWorker()).isEqualTo(3);
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
  }

  @Test
  void badValuesNameTheField() {
    assertThatThrownBy(() -> BatchConfig.custom().topN(0).build()).hasMessageStartingWith("topN");
    assertThatThrownBy(() -> BatchConfig.custom().partitions(5000).build()).hasMessageStartingWith("partitions");
    assertThatThrownBy(() -> BatchConfig.custom().directions(Set.of()).build()).hasMessageStartingWith("directions");
    assertThatThrownBy(() -> BatchConfig.custom().leaseDuration(Duration.ZERO).build()).hasMessageStartingWith("leaseDuration");
    assertThatThrownBy(() -> BatchConfig.custom().leaseDuration(Duration.ofSeconds(20)).build())
        .hasMessageStartingWith("heartbeatInterval").hasMessageContaining("half");
    assertThatThrownBy(() -> BatchConfig.custom().nodeId(" ").build()).hasMessageStartingWith("nodeId");
    assertThatThrownBy(() -> BatchConfig.custom().maxOffersPerWorker(0).build())
        .hasMessageStartingWith("maxOffersPerWorker");
    assertThatThrownBy(() -> BatchConfig.custom().assignment(AssignmentMode.GREEDY)
        .directions(Set.of(Direction.WORKERS_FOR_JOB)).build())
        .hasMessageStartingWith("assignment").hasMessageContaining("JOBS_FOR_WORKER");
  }

  @Test
  void assignmentModesRoundTripThroughTheRunParameter() {
    for (AssignmentMode mode : AssignmentMode.values()) {
      assertThat(AssignmentMode.ofParameter(mode.parameterValue())).isEqualTo(mode);
    }
    assertThat(AssignmentMode.ofParameter(null)).isEqualTo(AssignmentMode.NONE);
    assertThatThrownBy(() -> AssignmentMode.ofParameter("Optimal")).hasMessageStartingWith("assignment");
  }

  @Test
  void partitionSpecsRoundTripAndSpreadIds() {
    PartitionSpec spec = PartitionSpec.parse("WORKERS_FOR_JOB:3/8");
    assertThat(spec).isEqualTo(new PartitionSpec(Direction.WORKERS_FOR_JOB, 3, 8));
    assertThat(spec.toString()).isEqualTo("WORKERS_FOR_JOB:3/8");
    assertThatThrownBy(() -> PartitionSpec.parse("WORKERS_FOR_JOB:8/8")).hasMessageContaining("out of range");
    int[] counts = new int[8];
    for (int i = 0; i < 8000; i++) {
      counts[PartitionSpec.bucketOf("worker-" + i, 8)]++;
    }
    assertThat(java.util.Arrays.stream(counts).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
  }
}
