package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.PartitionState;
import dev.matching.spi.PartitionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JdbcBatchRunStoreTest extends PostgresTestBase {

  private static final Duration LEASE = Duration.ofMinutes(5);

  private BatchRunStore runs() {
    return storage.batchRunStore();
  }

  private BatchRun create(String type, int partitions) {
    List<String> specs = IntStream.range(0, partitions).mapToObj(i -> "ids " + i * 100 + "-" + (i * 100 + 99))
        .collect(Collectors.toList());
    return runs().create(new NewBatchRun(type, Map.of("region", "関東"), specs, "scheduler"), T0);
  }

  @Test
  void aRunGoesFromQueuedToSucceeded() {
    BatchRun run = create("daily", 2);
    assertThat(run.state()).isEqualTo(BatchState.QUEUED);
    assertThat(run.parameters()).containsEntry("region", "関東");
    assertThat(runs().active("daily")).contains(run);

    PartitionLease first = runs().claim(run.id(), "node-a", T0.plusSeconds(1), LEASE).orElseThrow();
    PartitionLease second = runs().claim(run.id(), "node-b", T0.plusSeconds(2), LEASE).orElseThrow();
    assertThat(runs().claim(run.id(), "node-c", T0.plusSeconds(3), LEASE)).isEmpty();
    assertThat(first.partition()).isZero();
    assertThat(first.spec()).isEqualTo("ids 0-99");
    assertThat(first.token()).isEqualTo(1);
    assertThat(runs().find(run.id()).orElseThrow().state()).isEqualTo(BatchState.RUNNING);

    assertThat(runs().complete(first, 100, T0.plusSeconds(10)).state()).isEqualTo(BatchState.RUNNING);
    BatchRun finished = runs().complete(second, 40, T0.plusSeconds(20));

    assertThat(finished.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(finished.partitionsDone()).isEqualTo(2);
    assertThat(finished.itemsDone()).isEqualTo(140);
    assertThat(finished.startedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(finished.finishedAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(runs().active("daily")).isEmpty();
  }

  @Test
  void onlyOneRunOfATypeIsActive() {
    BatchRun run = create("daily", 1);
    assertThatThrownBy(() -> create("daily", 1)).isInstanceOfSatisfying(BatchConflictException.class,
        e -> assertThat(e.activeRunId()).isEqualTo(run.id()));
    create("weekly", 1);
    assertThat(runs().list(null, 10)).hasSize(2);
    assertThat(runs().list("daily", 10)).containsExactly(run);
  }

  @Test
  void concurrentCreatesOfOneTypeLeaveExactlyOneRun() throws Exception {
    List<Optional<BatchRun>> outcomes = ConcurrencyTest.runConcurrently(4, node -> {
      try {
        return Optional.of(create("daily", 3));
      } catch (BatchConflictException e) {
        return Optional.empty();
      }
    });
    assertThat(outcomes.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    assertThat(runs().list("daily", 10)).hasSize(1);
  }

  @Test
  void concurrentClaimsTakeEachPartitionOnce() throws Exception {
    BatchRun run = create("daily", 40);
    List<List<Integer>> claimedByNode = ConcurrencyTest.runConcurrently(4, node -> {
      List<Integer> claimed = new ArrayList<>();
      for (Optional<PartitionLease> lease = runs().claim(run.id(), "node-" + node, T0, LEASE); lease.isPresent();
          lease = runs().claim(run.id(), "node-" + node, T0, LEASE)) {
        claimed.add(lease.get().partition());
        runs().complete(lease.get(), 1, T0);
      }
      return claimed;
    });
    List<Integer> all = claimedByNode.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
    assertThat(all).isEqualTo(IntStream.range(0, 40).boxed().collect(Collectors.toList()));
    BatchRun done = runs().find(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(done.itemsDone()).isEqualTo(40);
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldHolderIsFencedOff() {
    BatchRun run = create("daily", 1);
    PartitionLease stale = runs().claim(run.id(), "node-a", T0, LEASE).orElseThrow();
    assertThat(runs().claim(run.id(), "node-b", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
    PartitionLease renewed = runs().heartbeat(stale, T0.plusSeconds(60), LEASE);
    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(60).plus(LEASE));

    Instant afterExpiry = renewed.expiresAt(); // expired at its expiry instant
    PartitionLease takenOver = runs().claim(run.id(), "node-b", afterExpiry, LEASE).orElseThrow();
    assertThat(takenOver.token()).isEqualTo(2);

    assertThatThrownBy(() -> runs().heartbeat(stale, afterExpiry, LEASE)).isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> runs().complete(stale, 5, afterExpiry)).isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> runs().fail(stale, "boom", 5, afterExpiry)).isInstanceOf(LeaseLostException.class);
    runs().release(stale);

    PartitionStatus status = runs().partitions(run.id()).get(0);
    assertThat(status.state()).isEqualTo(PartitionState.RUNNING);
    assertThat(status.owner()).isEqualTo("node-b");
    assertThat(status.attempts()).isEqualTo(2);
    assertThat(runs().complete(takenOver, 7, afterExpiry).state()).isEqualTo(BatchState.SUCCEEDED);
  }

  @Test
  void aReleasedPartitionIsClaimableAgain() {
    BatchRun run = create("daily", 1);
    PartitionLease lease = runs().claim(run.id(), "node-a", T0, LEASE).orElseThrow();
    runs().release(lease);
    assertThat(runs().partitions(run.id()).get(0).state()).isEqualTo(PartitionState.PENDING);
    assertThat(runs().claim(run.id(), "node-b", T0, LEASE).orElseThrow().token()).isEqualTo(2);
  }

  @Test
  void aFailedPartitionFailsTheRunAndRetryResumesFromCheckpoints() {
    BatchRun run = create("daily", 3);
    PartitionLease p0 = runs().claim(run.id(), "node-a", T0, LEASE).orElseThrow();
    PartitionLease p1 = runs().claim(run.id(), "node-a", T0, LEASE).orElseThrow();
    PartitionLease p2 = runs().claim(run.id(), "node-a", T0, LEASE).orElseThrow();
    runs().complete(p0, 100, T0);
    runs().fail(p1, "scorer crashed", 10, T0);
    BatchRun failed = runs().complete(p2, 50, T0.plusSeconds(5));

    assertThat(failed.state()).isEqualTo(BatchState.FAILED);
    assertThat(failed.partitionsFailed()).isEqualTo(1);
    assertThat(failed.itemsFailed()).isEqualTo(10);
    assertThat(failed.error()).contains("scorer crashed");

    BatchRun retried = runs().retry(run.id(), T0.plusSeconds(60));
    assertThat(retried.state()).isEqualTo(BatchState.QUEUED);
    assertThat(retried.partitionsDone()).isEqualTo(2);
    assertThat(retried.finishedAt()).isNull();
    assertThat(retried.startedAt()).isNull();
    assertThat(retried.partitionsFailed()).isZero();
    PartitionLease again = runs().claim(run.id(), "node-b", T0.plusSeconds(61), LEASE).orElseThrow();
    assertThat(again.partition()).isEqualTo(1);
    assertThat(runs().complete(again, 10, T0.plusSeconds(62)).state()).isEqualTo(BatchState.SUCCEEDED);
    assertThatThrownBy(() -> runs().retry(run.id(), T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCancelledRunStopsHandingOutWorkAndFencesItsLeases() {
    BatchRun run = create("daily", 2);
    PartitionLease lease = runs().claim(run.id(), "node-a", T0, LEASE).orElseThrow();
    BatchRun cancelled = runs().finish(run.id(), BatchState.CANCELLED, null, T0.plusSeconds(1));

    assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
    assertThat(runs().partitions(run.id())).extracting(PartitionStatus::state).containsOnly(PartitionState.PENDING);
    assertThatThrownBy(() -> runs().finish(run.id(), BatchState.SUCCEEDED, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> runs().finish("unknown", BatchState.CANCELLED, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(runs().claim(run.id(), "node-b", T0.plusSeconds(2), LEASE)).isEmpty();
    assertThatThrownBy(() -> runs().complete(lease, 1, T0.plusSeconds(2))).isInstanceOf(LeaseLostException.class);
    assertThat(runs().finish(run.id(), BatchState.FAILED, "late", T0.plusSeconds(3))).isEqualTo(cancelled);

    BatchRun other = create("daily", 1);
    assertThatThrownBy(() -> runs().retry(run.id(), T0)).isInstanceOfSatisfying(BatchConflictException.class,
        e -> assertThat(e.activeRunId()).isEqualTo(other.id()));
  }

  @Test
  void deletesRunsFinishedBeforeTheCutoff() {
    BatchRun old = create("daily", 1);
    runs().finish(old.id(), BatchState.CANCELLED, null, T0.plusSeconds(10));
    BatchRun active = create("daily", 1);

    assertThat(runs().deleteFinishedBefore(T0.plusSeconds(11))).isEqualTo(1);
    assertThat(runs().find(old.id())).isEmpty();
    assertThat(runs().partitions(old.id())).isEmpty();
    assertThat(runs().find(active.id())).isPresent();
  }
}
