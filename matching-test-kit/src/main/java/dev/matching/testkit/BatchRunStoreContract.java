package dev.matching.testkit;

import static dev.matching.testkit.ContractAssertions.assertIllegalArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.PartitionState;
import dev.matching.spi.PartitionStatus;
import dev.matching.spi.support.PageLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link BatchRunStore}: one active run per type, partition leases with
 * expiry and fencing tokens, completion exactly once under concurrent nodes, failure, release,
 * finish, retry from checkpoints and clean-up. Time is driven by a {@link SettableClock}.
 *
 * <p>Extend it and implement {@link #newStore()}, which is called before every test and must
 * return an empty store (a database adapter truncates its tables there). Several "nodes" are
 * simulated by threads sharing that store.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class BatchRunStoreContract {

  /** Where the clock stands when each test starts. */
  protected static final Instant START = Instant.parse("2026-04-01T02:00:00Z");
  private static final String TYPE = "daily_matching";
  private static final Duration LEASE = Duration.ofSeconds(30);
  /** Bound of every loop, so a broken store fails a test instead of hanging it. */
  private static final int MAX_STEPS = 100_000;
  private static final Map<String, String> PARAMETERS = Map.of("policy", "default", "date", "2026-04-01");

  private final SettableClock clock = new SettableClock(START);
  private BatchRunStore store;

  /** An empty store; called before every test. */
  protected abstract BatchRunStore newStore();

  /** The store under test. */
  protected BatchRunStore store() {
    return store;
  }

  /** The clock the tests take {@code now} from. */
  protected SettableClock clock() {
    return clock;
  }

  @BeforeEach
  void createStore() {
    clock.set(START);
    store = newStore();
  }

  // ---- creating and reading runs ----

  @Test
  void createQueuesARunWithPendingPartitions() {
    BatchRun run = create(TYPE, 3);

    assertThat(run.type()).isEqualTo(TYPE);
    assertThat(run.parameters()).isEqualTo(PARAMETERS);
    assertThat(run.state()).isEqualTo(BatchState.QUEUED);
    assertThat(run.partitions()).isEqualTo(3);
    assertThat(List.of(run.partitionsDone(), run.partitionsFailed())).containsOnly(0);
    assertThat(List.of(run.itemsDone(), run.itemsFailed())).containsOnly(0L);
    assertThat(run.triggeredBy()).isEqualTo("scheduler");
    assertThat(run.createdAt()).isEqualTo(START);
    assertThat(run.startedAt()).isNull();
    assertThat(run.finishedAt()).isNull();
    assertThat(run.error()).isNull();
    assertThat(store.find(run.id())).hasValue(run);
    assertThat(store.partitions(run.id())).containsExactly(
        neverClaimed(run, 0), neverClaimed(run, 1), neverClaimed(run, 2));
  }

  @Test
  void runIdsAreUniqueAndRunsOfDifferentTypesMayBeActiveTogether() {
    BatchRun daily = create(TYPE, 1);
    BatchRun reverse = create("reverse_matching", 1);

    assertThat(daily.id()).isNotEqualTo(reverse.id());
    assertThat(store.active(TYPE)).hasValue(daily);
    assertThat(store.active("reverse_matching")).hasValue(reverse);
    assertThat(store.find("no-such-run")).isEmpty();
    assertThat(store.partitions("no-such-run")).isEmpty();
  }

  @Test
  void aSecondActiveRunOfATypeConflictsAndWritesNothing() {
    BatchRun first = create(TYPE, 2);

    assertThatThrownBy(() -> create(TYPE, 5))
        .isInstanceOfSatisfying(BatchConflictException.class, e -> assertThat(e.activeRunId()).isEqualTo(first.id()));
    claim("node-a");
    assertThatThrownBy(() -> create(TYPE, 5)).isInstanceOf(BatchConflictException.class);

    assertThat(store.list(TYPE, 10)).extracting(BatchRun::id).containsExactly(first.id());
  }

  @Test
  void aFinishedRunMakesRoomForTheNextOne() {
    BatchRun first = create(TYPE, 1);
    store.finish(first.id(), BatchState.CANCELLED, null, now());

    BatchRun second = create(TYPE, 1);

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(store.active(TYPE)).hasValue(second);
  }

  @Test
  void concurrentCreatesOfOneTypeLetExactlyOneThrough() {
    List<Optional<String>> created = Concurrently.call(8, thread -> {
      try {
        return Optional.of(create(TYPE, 2).id());
      } catch (BatchConflictException e) {
        return Optional.empty();
      }
    });

    List<String> ids = created.stream().flatMap(Optional::stream).toList();
    assertThat(ids).hasSize(1);
    assertThat(store.active(TYPE)).get().extracting(BatchRun::id).isEqualTo(ids.get(0));
    assertThat(store.list(null, 100)).hasSize(1);
  }

  @Test
  void listIsNewestFirstFilteredByTypeAndLimited() {
    BatchRun oldest = finished(create(TYPE, 1));
    clock.advance(Duration.ofHours(1));
    BatchRun middle = finished(create(TYPE, 1));
    clock.advance(Duration.ofHours(1));
    BatchRun other = create("reverse_matching", 1);
    BatchRun newest = create(TYPE, 1);

    assertThat(store.list(null, 10)).containsExactly(newest, other, middle, oldest);
    assertThat(store.list(TYPE, 10)).containsExactly(newest, middle, oldest);
    assertThat(store.list(TYPE, 2)).containsExactly(newest, middle);
    assertThat(store.list("unknown_type", 10)).isEmpty();
    for (int limit : new int[] {0, -1, PageLimit.MAX + 1}) {
      assertIllegalArgument(() -> store.list(null, limit), "limit");
    }
    assertThat(store.list(null, PageLimit.MAX)).hasSize(4);
  }

  @Test
  void activeFindsTheQueuedOrRunningRunOnly() {
    assertThat(store.active(TYPE)).isEmpty();
    BatchRun run = create(TYPE, 2);
    assertThat(store.active(TYPE)).hasValue(run);

    claim("node-a");
    assertThat(store.active(TYPE)).get().extracting(BatchRun::state).isEqualTo(BatchState.RUNNING);

    store.finish(run.id(), BatchState.FAILED, "aborted", now());
    assertThat(store.active(TYPE)).isEmpty();
  }

  // ---- claiming ----

  @Test
  void claimTakesTheLowestPendingPartitionAndStartsTheRun() {
    BatchRun run = create(TYPE, 3);
    Instant claimedAt = clock.advance(Duration.ofSeconds(5));

    PartitionLease lease = claim("node-a");

    assertThat(lease).isEqualTo(new PartitionLease(run.id(), 0, spec(0), "node-a", 1, claimedAt.plus(LEASE)));
    BatchRun running = store.find(run.id()).orElseThrow();
    assertThat(running.state()).isEqualTo(BatchState.RUNNING);
    assertThat(running.startedAt()).isEqualTo(claimedAt);
    assertThat(store.partitions(run.id()).get(0)).isEqualTo(new PartitionStatus(run.id(), 0, spec(0),
        PartitionState.RUNNING, "node-a", 1, claimedAt.plus(LEASE), 1, 0, null));
    clock.advance(Duration.ofSeconds(5));
    assertThat(claim("node-b").partition()).isEqualTo(1);
    assertThat(claim("node-a").partition()).isEqualTo(2);
    assertThat(store.find(run.id()).orElseThrow().startedAt()).as("set by the first claim only").isEqualTo(claimedAt);
  }

  @Test
  void claimIsEmptyWhenNothingIsLeftOrTheRunIsNotActive() {
    BatchRun run = create(TYPE, 1);
    claim("node-a");

    assertThat(store.claim(run.id(), "node-b", now(), LEASE)).isEmpty();
    assertThat(store.claim("no-such-run", "node-b", now(), LEASE)).isEmpty();
    BatchRun other = create("reverse_matching", 1);
    store.finish(other.id(), BatchState.CANCELLED, null, now());
    assertThat(store.claim(other.id(), "node-b", now(), LEASE)).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenOverWithAHigherToken() {
    BatchRun run = create(TYPE, 1);
    PartitionLease first = claim("node-a");

    clock.set(first.expiresAt().minusMillis(1));
    assertThat(store.claim(run.id(), "node-b", now(), LEASE)).as("not expired yet").isEmpty();

    clock.set(first.expiresAt());
    PartitionLease second = claim("node-b");

    assertThat(second.partition()).isZero();
    assertThat(second.token()).isGreaterThan(first.token());
    assertThat(second.expiresAt()).isEqualTo(first.expiresAt().plus(LEASE));
    assertThat(store.partitions(run.id()).get(0)).extracting(PartitionStatus::owner, PartitionStatus::attempts)
        .containsExactly("node-b", 2);
  }

  @Test
  void aStaleLeaseCanNeitherHeartbeatNorCompleteNorFail() {
    BatchRun run = create(TYPE, 2);
    PartitionLease stale = claim("node-a");
    clock.set(stale.expiresAt());
    PartitionLease current = claim("node-b");
    List<PartitionStatus> partitionsBefore = store.partitions(run.id());
    BatchRun runBefore = store.find(run.id()).orElseThrow();

    assertLeaseLost(() -> store.heartbeat(stale, now(), LEASE));
    assertLeaseLost(() -> store.complete(stale, 10, now()));
    assertLeaseLost(() -> store.fail(stale, "boom", 1, now()));
    store.release(stale);

    assertThat(store.partitions(run.id())).isEqualTo(partitionsBefore);
    assertThat(store.find(run.id())).hasValue(runBefore);
    assertThat(store.complete(current, 10, now()).partitionsDone()).isEqualTo(1);
  }

  @Test
  void heartbeatExtendsTheLease() {
    BatchRun run = create(TYPE, 1);
    PartitionLease lease = claim("node-a");
    Instant beatAt = clock.advance(Duration.ofSeconds(20));

    PartitionLease extended = store.heartbeat(lease, beatAt, LEASE);

    assertThat(extended).isEqualTo(new PartitionLease(run.id(), 0, spec(0), "node-a", lease.token(), beatAt.plus(LEASE)));
    assertThat(store.partitions(run.id()).get(0).leaseExpiresAt()).isEqualTo(beatAt.plus(LEASE));
    clock.set(lease.expiresAt());
    assertThat(store.claim(run.id(), "node-b", now(), LEASE)).as("renewed, so not expired").isEmpty();
    clock.set(extended.expiresAt());
    assertThat(claim("node-b").token()).isGreaterThan(lease.token());
  }

  @Test
  void anExpiredLeaseNobodyClaimedIsStillHeld() {
    BatchRun run = create(TYPE, 1);
    PartitionLease lease = claim("node-a");
    clock.set(lease.expiresAt().plusSeconds(60));

    PartitionLease renewed = store.heartbeat(lease, now(), LEASE);

    assertThat(renewed.expiresAt()).isEqualTo(now().plus(LEASE));
    assertThat(store.complete(renewed, 7, now()).state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(store.partitions(run.id()).get(0).state()).isEqualTo(PartitionState.DONE);
  }

  // ---- completing, failing, releasing ----

  @Test
  void completingEveryPartitionSucceedsTheRun() {
    BatchRun run = create(TYPE, 2);
    PartitionLease first = claim("node-a");
    PartitionLease second = claim("node-b");

    BatchRun afterFirst = store.complete(first, 100, now());
    assertThat(afterFirst.state()).isEqualTo(BatchState.RUNNING);
    assertThat(afterFirst.partitionsDone()).isEqualTo(1);
    assertThat(afterFirst.itemsDone()).isEqualTo(100);
    Instant end = clock.advance(Duration.ofMinutes(3));

    BatchRun done = store.complete(second, 50, end);

    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(done.partitionsDone()).isEqualTo(2);
    assertThat(done.itemsDone()).isEqualTo(150);
    assertThat(done.finishedAt()).isEqualTo(end);
    assertThat(done.error()).isNull();
    assertThat(store.find(run.id())).hasValue(done);
    assertThat(store.active(TYPE)).isEmpty();
    assertThat(store.partitions(run.id())).extracting(PartitionStatus::state, PartitionStatus::items)
        .containsExactly(tuple(PartitionState.DONE, 100L),
            tuple(PartitionState.DONE, 50L));
    assertThat(store.partitions(run.id())).extracting(PartitionStatus::leaseExpiresAt).containsOnlyNulls();
  }

  @Test
  void aLeaseCompletesOnlyOnce() {
    BatchRun run = create(TYPE, 2);
    PartitionLease lease = claim("node-a");
    store.complete(lease, 10, now());
    BatchRun before = store.find(run.id()).orElseThrow();

    assertLeaseLost(() -> store.complete(lease, 10, now()));
    assertLeaseLost(() -> store.fail(lease, "late", 0, now()));
    assertLeaseLost(() -> store.heartbeat(lease, now(), LEASE));

    assertThat(store.find(run.id())).hasValue(before);
    assertThat(claim("node-a").partition()).as("a done partition is never claimed again").isEqualTo(1);
  }

  @Test
  void aPoisonPartitionFailsTheRunWithItsReasonOnceTheOthersFinish() {
    BatchRun run = create(TYPE, 3);
    PartitionLease healthy = claim("node-a");
    PartitionLease poison = claim("node-b");

    BatchRun afterFail = store.fail(poison, "worker w-42 has corrupt availability", 7, now());

    assertThat(afterFail.state()).as("the other partitions go on").isEqualTo(BatchState.RUNNING);
    assertThat(afterFail.partitionsFailed()).isEqualTo(1);
    assertThat(afterFail.itemsFailed()).isEqualTo(7);
    assertThat(store.partitions(run.id()).get(1)).extracting(PartitionStatus::state, PartitionStatus::items,
        PartitionStatus::error).containsExactly(PartitionState.FAILED, 7L, "worker w-42 has corrupt availability");
    PartitionLease last = claim("node-b");
    assertThat(last.partition()).as("a failed partition is not claimed again").isEqualTo(2);
    store.complete(healthy, 100, now());
    Instant end = clock.advance(Duration.ofMinutes(1));

    BatchRun failed = store.complete(last, 100, end);

    assertThat(failed.state()).isEqualTo(BatchState.FAILED);
    assertThat(failed.error()).contains("worker w-42 has corrupt availability");
    assertThat(failed.finishedAt()).isEqualTo(end);
    assertThat(failed.partitionsDone()).isEqualTo(2);
    assertThat(failed.partitionsFailed()).isEqualTo(1);
    assertThat(failed.itemsDone()).isEqualTo(200);
    assertThat(store.active(TYPE)).isEmpty();
  }

  @Test
  void failingTheLastOpenPartitionFailsTheRun() {
    create(TYPE, 1);
    PartitionLease lease = claim("node-a");

    BatchRun failed = store.fail(lease, "out of memory", 0, now());

    assertThat(failed.state()).isEqualTo(BatchState.FAILED);
    assertThat(failed.error()).contains("out of memory");
    assertThat(failed.finishedAt()).isEqualTo(now());
  }

  @Test
  void releaseMakesThePartitionPendingForTheNextClaimer() {
    BatchRun run = create(TYPE, 2);
    PartitionLease lease = claim("node-a");

    store.release(lease);

    PartitionStatus released = store.partitions(run.id()).get(0);
    assertThat(released.state()).isEqualTo(PartitionState.PENDING);
    assertThat(released.leaseExpiresAt()).isNull();
    assertThat(store.find(run.id()).orElseThrow().state()).isEqualTo(BatchState.RUNNING);
    assertLeaseLost(() -> store.complete(lease, 1, now()));
    PartitionLease next = claim("node-b");
    assertThat(next.partition()).isZero();
    assertThat(next.token()).isGreaterThan(lease.token());
    store.release(lease);
    assertThat(store.partitions(run.id()).get(0).state()).as("releasing a lost lease is a no-op")
        .isEqualTo(PartitionState.RUNNING);
  }

  @Test
  void fencingTokensGrowWithEveryClaimOfAPartition() {
    BatchRun run = create(TYPE, 1);
    PartitionLease first = claim("node-a");
    store.release(first);
    PartitionLease second = claim("node-b");
    clock.set(second.expiresAt());
    PartitionLease third = claim("node-c");

    assertThat(List.of(first.token(), second.token(), third.token())).isSorted().doesNotHaveDuplicates();
    assertThat(first.token()).isPositive();
    PartitionStatus status = store.partitions(run.id()).get(0);
    assertThat(status.token()).isEqualTo(third.token());
    assertThat(status.attempts()).isEqualTo(3);
    assertThat(status.owner()).isEqualTo("node-c");
  }

  // ---- finish, retry, clean-up ----

  @Test
  void finishStopsTheRunAndItsLeases() {
    BatchRun run = create(TYPE, 3);
    PartitionLease held = claim("node-a");
    Instant cancelledAt = clock.advance(Duration.ofMinutes(2));

    BatchRun cancelled = store.finish(run.id(), BatchState.CANCELLED, "operator request", cancelledAt);

    assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
    assertThat(cancelled.error()).isEqualTo("operator request");
    assertThat(cancelled.finishedAt()).isEqualTo(cancelledAt);
    assertThat(store.find(run.id())).hasValue(cancelled);
    assertThat(store.claim(run.id(), "node-b", now(), LEASE)).isEmpty();
    assertLeaseLost(() -> store.heartbeat(held, now(), LEASE));
    assertLeaseLost(() -> store.complete(held, 5, now()));
    assertThat(store.partitions(run.id())).extracting(PartitionStatus::state).containsOnly(PartitionState.PENDING);
    clock.advance(Duration.ofMinutes(1));
    assertThat(store.finish(run.id(), BatchState.FAILED, "too late", now())).as("already finished")
        .isEqualTo(cancelled);
  }

  @Test
  void finishRejectsNonFinalStatesAndUnknownRuns() {
    BatchRun run = create(TYPE, 1);

    for (BatchState state : List.of(BatchState.QUEUED, BatchState.RUNNING, BatchState.SUCCEEDED)) {
      assertIllegalArgument(() -> store.finish(run.id(), state, null, now()), "state");
    }
    assertIllegalArgument(() -> store.finish("no-such-run", BatchState.CANCELLED, null, now()), "runId");

    assertThat(store.find(run.id())).hasValue(run);
  }

  @Test
  void retryResumesFromTheDonePartitions() {
    BatchRun run = create(TYPE, 3);
    store.complete(claim("node-a"), 10, now());
    store.fail(claim("node-a"), "timeout", 4, now());
    BatchRun failed = store.complete(claim("node-a"), 30, now());
    assertThat(failed.state()).isEqualTo(BatchState.FAILED);
    long failedToken = store.partitions(run.id()).get(1).token();
    Instant retriedAt = clock.advance(Duration.ofHours(1));

    BatchRun retried = store.retry(run.id(), retriedAt);

    assertThat(retried.id()).isEqualTo(run.id());
    assertThat(retried.state()).isEqualTo(BatchState.QUEUED);
    assertThat(retried.partitionsDone()).isEqualTo(2);
    assertThat(retried.itemsDone()).isEqualTo(40);
    assertThat(retried.partitionsFailed()).isZero();
    assertThat(retried.itemsFailed()).isZero();
    assertThat(retried.error()).isNull();
    assertThat(retried.finishedAt()).isNull();
    assertThat(store.active(TYPE)).hasValue(retried);
    assertThat(store.partitions(run.id())).extracting(PartitionStatus::state)
        .containsExactly(PartitionState.DONE, PartitionState.PENDING, PartitionState.DONE);
    assertThat(store.partitions(run.id()).get(1).error()).isNull();

    PartitionLease again = claim("node-b");
    assertThat(again.partition()).isEqualTo(1);
    assertThat(again.token()).isGreaterThan(failedToken);
    assertThat(store.claim(run.id(), "node-c", now(), LEASE)).as("done partitions stay done").isEmpty();
    BatchRun succeeded = store.complete(again, 20, now());
    assertThat(succeeded.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(succeeded.partitionsDone()).isEqualTo(3);
    assertThat(succeeded.itemsDone()).isEqualTo(60);
    assertThat(succeeded.partitionsFailed()).isZero();
  }

  @Test
  void retryOfACancelledRunMakesUnfinishedPartitionsPending() {
    BatchRun run = create(TYPE, 3);
    store.complete(claim("node-a"), 10, now());
    claim("node-a");
    store.finish(run.id(), BatchState.CANCELLED, null, now());

    BatchRun retried = store.retry(run.id(), now());

    assertThat(retried.state()).isEqualTo(BatchState.QUEUED);
    assertThat(store.partitions(run.id())).extracting(PartitionStatus::state)
        .containsExactly(PartitionState.DONE, PartitionState.PENDING, PartitionState.PENDING);
    assertThat(claim("node-b").partition()).isEqualTo(1);
  }

  @Test
  void retryIsRefusedForActiveSucceededAndUnknownRunsOrWhenAnotherRunIsActive() {
    BatchRun succeeded = create(TYPE, 1);
    store.complete(claim("node-a"), 1, now());
    BatchRun active = create(TYPE, 1);

    assertIllegalArgument(() -> store.retry(succeeded.id(), now()), "runId");
    assertIllegalArgument(() -> store.retry(active.id(), now()), "runId");
    assertIllegalArgument(() -> store.retry("no-such-run", now()), "runId");

    store.finish(active.id(), BatchState.FAILED, "aborted", now());
    BatchRun blocking = create(TYPE, 1);
    BatchRun failedBefore = store.find(active.id()).orElseThrow();
    assertThatThrownBy(() -> store.retry(active.id(), now()))
        .isInstanceOfSatisfying(BatchConflictException.class, e -> assertThat(e.activeRunId()).isEqualTo(blocking.id()));
    assertThat(store.find(active.id())).hasValue(failedBefore);
  }

  @Test
  void deleteFinishedBeforeRemovesOnlyRunsFinishedBeforeTheCutoff() {
    BatchRun old = finished(create(TYPE, 2));
    Instant cutoff = clock.advance(Duration.ofDays(1));
    BatchRun atCutoff = finished(create(TYPE, 1));
    clock.advance(Duration.ofDays(1));
    BatchRun active = create(TYPE, 1);

    assertThat(store.deleteFinishedBefore(cutoff)).isEqualTo(1);

    assertThat(store.find(old.id())).isEmpty();
    assertThat(store.partitions(old.id())).isEmpty();
    assertThat(store.find(atCutoff.id())).isPresent();
    assertThat(store.deleteFinishedBefore(now().plus(Duration.ofDays(365)))).isEqualTo(1);
    assertThat(store.find(active.id())).as("active runs are never deleted").isPresent();
    assertThat(create("reverse_matching", 1).id()).as("ids are never reused")
        .isNotIn(old.id(), atCutoff.id(), active.id());
  }

  @Test
  void badArgumentsAreRejected() {
    BatchRun run = create(TYPE, 1);
    PartitionLease lease = claim("node-a");

    assertIllegalArgument(() -> store.claim(run.id(), "node-b", now(), Duration.ZERO), "leaseFor");
    assertIllegalArgument(() -> store.claim(run.id(), "node-b", now(), Duration.ofSeconds(-1)), "leaseFor");
    assertIllegalArgument(() -> store.heartbeat(lease, now(), Duration.ZERO), "leaseFor");
    assertIllegalArgument(() -> store.complete(lease, -1, now()), "items");
    assertIllegalArgument(() -> store.fail(lease, "boom", -1, now()), "items");
    assertIllegalArgument(() -> store.create(null, now()), "request");
    assertIllegalArgument(() -> store.find(null), "runId");

    assertThat(store.partitions(run.id()).get(0).state()).isEqualTo(PartitionState.RUNNING);
    assertThat(store.complete(lease, 1, now()).state()).isEqualTo(BatchState.SUCCEEDED);
  }

  // ---- concurrency ----

  @Test
  void concurrentNodesCompleteEveryPartitionExactlyOnce() {
    int partitions = 64;
    BatchRun run = create(TYPE, partitions);
    Map<Integer, AtomicInteger> completions = new ConcurrentHashMap<>();

    Concurrently.run(6, node -> {
      for (int step = 0; step <= partitions; step++) {
        Optional<PartitionLease> lease = store.claim(run.id(), "node-" + node, now(), LEASE);
        if (lease.isEmpty()) {
          return;
        }
        store.complete(lease.get(), lease.get().partition() + 1, now());
        completions.computeIfAbsent(lease.get().partition(), p -> new AtomicInteger()).incrementAndGet();
      }
      throw new AssertionError("node-" + node + " claimed more partitions than the run has");
    });

    assertThat(completions).hasSize(partitions);
    assertThat(completions.values()).extracting(AtomicInteger::get).containsOnly(1);
    BatchRun done = store.find(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(done.partitionsDone()).isEqualTo(partitions);
    assertThat(done.itemsDone()).isEqualTo((long) partitions * (partitions + 1) / 2);
    assertThat(store.partitions(run.id())).extracting(PartitionStatus::attempts).containsOnly(1);
  }

  @Test
  void simultaneousClaimsNeverHandOutAPartitionTwice() {
    int nodes = 8;
    int partitions = 3;
    for (int round = 0; round < 20; round++) {
      BatchRun run = create(TYPE, partitions);

      List<Optional<PartitionLease>> leases = Concurrently.call(nodes, node ->
          store.claim(run.id(), "node-" + node, now(), LEASE));

      assertThat(leases.stream().flatMap(Optional::stream).map(PartitionLease::partition))
          .as("round %s", round).containsExactlyInAnyOrder(0, 1, 2);
      assertThat(store.partitions(run.id())).extracting(PartitionStatus::attempts).containsOnly(1);
      store.finish(run.id(), BatchState.CANCELLED, null, now());
    }
  }

  @Test
  void concurrentNodesWithExpiringLeasesStillCompleteEveryPartitionOnce() {
    int partitions = 40;
    BatchRun run = create(TYPE, partitions);
    Map<Integer, AtomicInteger> completions = new ConcurrentHashMap<>();
    AtomicInteger lost = new AtomicInteger();

    Concurrently.run(6, node -> {
      for (int step = 0; store.find(run.id()).orElseThrow().state().active(); step++) {
        if (step > MAX_STEPS) {
          throw new AssertionError("node-" + node + " made no progress in " + MAX_STEPS + " steps");
        }
        Optional<PartitionLease> lease = store.claim(run.id(), "node-" + node, now(), LEASE);
        if (lease.isEmpty()) {
          clock.advance(LEASE);  // let stuck leases expire so someone takes them over
          continue;
        }
        if (step % 3 == 0) {
          clock.advance(LEASE);  // this node "pauses" past its lease before completing
        }
        try {
          store.complete(lease.get(), 1, now());
          completions.computeIfAbsent(lease.get().partition(), p -> new AtomicInteger()).incrementAndGet();
        } catch (LeaseLostException e) {
          lost.incrementAndGet();
        }
      }
    });

    assertThat(completions).hasSize(partitions);
    assertThat(completions.values()).extracting(AtomicInteger::get).containsOnly(1);
    BatchRun done = store.find(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(done.itemsDone()).isEqualTo(partitions);
    int attempts = store.partitions(run.id()).stream().mapToInt(PartitionStatus::attempts).sum();
    assertThat(attempts).as("every claim either completed or lost its lease").isEqualTo(partitions + lost.get());
  }

  // ---- helpers ----

  private Instant now() {
    return clock.instant();
  }

  private static String spec(int index) {
    return "workers " + (index * 1_000) + "-" + (index * 1_000 + 999);
  }

  private BatchRun create(String type, int partitions) {
    List<String> specs = IntStream.range(0, partitions).mapToObj(BatchRunStoreContract::spec).toList();
    return store.create(new NewBatchRun(type, PARAMETERS, specs, "scheduler"), now());
  }

  /** Claims a partition of the active {@link #TYPE} run; fails when none is claimable. */
  private PartitionLease claim(String nodeId) {
    String runId = store.active(TYPE).orElseThrow().id();
    Optional<PartitionLease> lease = store.claim(runId, nodeId, now(), LEASE);
    assertThat(lease).as("claim by %s", nodeId).isPresent();
    return lease.get();
  }

  private BatchRun finished(BatchRun run) {
    return store.finish(run.id(), BatchState.CANCELLED, null, now());
  }

  private static PartitionStatus neverClaimed(BatchRun run, int index) {
    return new PartitionStatus(run.id(), index, spec(index), PartitionState.PENDING, null, 0, null, 0, 0, null);
  }

  private static void assertLeaseLost(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(LeaseLostException.class);
  }
}
