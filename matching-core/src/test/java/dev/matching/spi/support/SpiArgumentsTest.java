package dev.matching.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.InvalidArgumentException;
import dev.matching.spi.BatchState;
import dev.matching.spi.PartitionLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpiArgumentsTest {

  private static void refused(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isExactlyInstanceOf(InvalidArgumentException.class).hasMessage(message);
  }

  @Nested
  class Generation {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, Long.MAX_VALUE})
    void fromOnePasses(long generation) {
      assertThat(SpiArguments.generation(generation)).isEqualTo(generation);
    }

    @Test
    void belowOneIsRefused() {
      refused(() -> SpiArguments.generation(0), "generation: must be at least 1, was 0");
      refused(() -> SpiArguments.generation(-1), "generation: must be at least 1, was -1");
      refused(() -> SpiArguments.generation(Long.MIN_VALUE),
          "generation: must be at least 1, was -9223372036854775808");
    }
  }

  @Nested
  class LeaseFor {
    @Test
    void positiveDurationsPass() {
      for (Duration d : List.of(Duration.ofNanos(1), Duration.ofSeconds(30), Duration.ofDays(365))) {
        assertThat(SpiArguments.leaseFor(d)).isSameAs(d);
      }
    }

    @Test
    void zeroNegativeAndNullAreRefused() {
      refused(() -> SpiArguments.leaseFor(Duration.ZERO), "leaseFor: must be positive, was PT0S");
      refused(() -> SpiArguments.leaseFor(Duration.ofSeconds(-1)), "leaseFor: must be positive, was PT-1S");
      refused(() -> SpiArguments.leaseFor(Duration.ofNanos(-1)), "leaseFor: must be positive, was PT-0.000000001S");
      refused(() -> SpiArguments.leaseFor(null), "leaseFor: is required");
    }
  }

  @Nested
  class Items {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, Long.MAX_VALUE})
    void notNegativePasses(long items) {
      assertThat(SpiArguments.items(items)).isEqualTo(items);
    }

    @Test
    void negativeIsRefused() {
      refused(() -> SpiArguments.items(-1), "items: must not be negative, was -1");
      refused(() -> SpiArguments.items(Long.MIN_VALUE), "items: must not be negative, was -9223372036854775808");
    }
  }

  @Nested
  class FinishState {
    @ParameterizedTest
    @EnumSource(value = BatchState.class, names = {"CANCELLED", "FAILED"})
    void cancelledAndFailedPass(BatchState state) {
      assertThat(SpiArguments.finishState(state)).isSameAs(state);
    }

    @ParameterizedTest
    @EnumSource(value = BatchState.class, names = {"CANCELLED", "FAILED"}, mode = EnumSource.Mode.EXCLUDE)
    void everyOtherStateIsRefused(BatchState state) {
      refused(() -> SpiArguments.finishState(state), "state: must be CANCELLED or FAILED, was " + state.name());
    }

    @Test
    void nullIsRefused() {
      refused(() -> SpiArguments.finishState(null), "state: is required");
    }
  }

  @Nested
  class ExpectedVersion {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, Long.MAX_VALUE})
    void forAnUpsertNotNegativePasses(long version) {
      assertThat(SpiArguments.expectedVersion(version)).isEqualTo(version);
    }

    @Test
    void forAnUpsertNegativeIsRefused() {
      refused(() -> SpiArguments.expectedVersion(-1), "expectedVersion: must not be negative, was -1");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, Long.MAX_VALUE})
    void forADeleteFromOnePasses(long version) {
      assertThat(SpiArguments.expectedVersionToDelete(version)).isEqualTo(version);
    }

    @Test
    void forADeleteBelowOneIsRefused() {
      refused(() -> SpiArguments.expectedVersionToDelete(0), "expectedVersion: must be at least 1, was 0");
      refused(() -> SpiArguments.expectedVersionToDelete(-5), "expectedVersion: must be at least 1, was -5");
    }
  }

  @Nested
  class AfterSequence {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, Long.MAX_VALUE})
    void notNegativePasses(long sequence) {
      assertThat(SpiArguments.afterSequence(sequence)).isEqualTo(sequence);
    }

    @Test
    void negativeIsRefused() {
      refused(() -> SpiArguments.afterSequence(-1), "afterSequence: must not be negative, was -1");
    }
  }

  @Nested
  class DistinctIds {
    private record Entity(String id) {}

    @Test
    void returnsTheIdsInListOrder() {
      List<Entity> batch = List.of(new Entity("b"), new Entity("a"), new Entity("c"));
      assertThat(SpiArguments.distinctIds(batch, Entity::id)).containsExactly("b", "a", "c");
    }

    @Test
    void anEmptyBatchHasNoIds() {
      assertThat(SpiArguments.distinctIds(List.<Entity>of(), Entity::id)).isEmpty();
    }

    @Test
    void aRepeatedIdIsRefusedNamingIt() {
      List<Entity> batch = List.of(new Entity("a"), new Entity("dup"), new Entity("b"), new Entity("dup"));
      refused(() -> SpiArguments.distinctIds(batch, Entity::id), "entities: lists id \"dup\" more than once");
    }

    @Test
    void stopsAtTheFirstRepeat() {
      List<String> asked = new ArrayList<>();
      Function<Entity, String> idOf = e -> {
        asked.add(e.id());
        return e.id();
      };
      List<Entity> batch = List.of(new Entity("x"), new Entity("x"), new Entity("y"), new Entity("y"));
      refused(() -> SpiArguments.distinctIds(batch, idOf), "entities: lists id \"x\" more than once");
      assertThat(asked).containsExactly("x", "x");
    }
  }

  @Nested
  class Operations {
    private final Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final Duration lease = Duration.ofSeconds(60);
    private final PartitionLease held = new PartitionLease("run-1", 0, "JOBS_FOR_WORKER:0/1", "node-a", 1, now);

    @Test
    void claimChecksItsArgumentsInOrder() {
      SpiArguments.claim("run-1", "node-a", now, lease);
      refused(() -> SpiArguments.claim(null, null, null, null), "runId: is required");
      refused(() -> SpiArguments.claim("run-1", " node", now, lease), "nodeId: must not start or end with white space, was \" node\"");
      refused(() -> SpiArguments.claim("run-1", "node-a", null, lease), "now: is required");
      refused(() -> SpiArguments.claim("run-1", "node-a", now, Duration.ZERO), "leaseFor: must be positive, was PT0S");
    }

    @Test
    void heartbeatChecksItsArgumentsInOrder() {
      SpiArguments.heartbeat(held, now, lease);
      refused(() -> SpiArguments.heartbeat(null, null, null), "lease: is required");
      refused(() -> SpiArguments.heartbeat(held, null, lease), "now: is required");
      refused(() -> SpiArguments.heartbeat(held, now, null), "leaseFor: is required");
    }

    @Test
    void finishChecksItsArgumentsInOrder() {
      SpiArguments.finish("run-1", BatchState.FAILED, now);
      refused(() -> SpiArguments.finish(null, null, null), "runId: is required");
      refused(() -> SpiArguments.finish("run-1", null, now), "state: is required");
      refused(() -> SpiArguments.finish("run-1", BatchState.CANCELLED, null), "now: is required");
    }
  }
}
