package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.InvalidArgumentException;
import dev.matching.query.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A partition spec read back from a run store: exact round trip, and damage named, not a NumberFormatException. */
class PartitionSpecTest {

  @Test
  void roundTrips() {
    PartitionSpec spec = new PartitionSpec(Direction.JOBS_FOR_WORKER, 3, 32);
    assertThat(PartitionSpec.parse(spec.toString())).isEqualTo(spec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "JOBS_FOR_WORKER", "JOBS_FOR_WORKER:3", "JOBS_FOR_WORKER:x/32", "JOBS_FOR_WORKER:3/",
      "NOPE:3/32", "JOBS_FOR_WORKER:32/32", "JOBS_FOR_WORKER:-1/32", "JOBS_FOR_WORKER:0/0", "JOBS_FOR_WORKER:99999999999/3"})
  void damageIsNamed(String text) {
    assertThatThrownBy(() -> PartitionSpec.parse(text))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("partition spec: ")
        .hasMessageContaining("\"" + text + "\"");
  }
}
