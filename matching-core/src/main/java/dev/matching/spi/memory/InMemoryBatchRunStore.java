package dev.matching.spi.memory;

import dev.matching.model.internal.Checks;
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
import dev.matching.spi.support.SpiArguments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BatchRunStore} held in memory, for tests, examples and single-node deployments where
 * several worker threads share the partitions of a run. Thread-safe: one read-write lock guards
 * every run, so claims, completions and state changes are atomic.
 *
 * <p>Run ids are {@code run-1}, {@code run-2}... in creation order, never reused.
 */
public final class InMemoryBatchRunStore implements BatchRunStore {

  private static final Comparator<RunRecord> NEWEST_FIRST =
      Comparator.comparing((RunRecord r) -> r.createdAt).thenComparingLong(r -> r.number).reversed();

  private final Guard guard = new Guard();
  private final Map<String, RunRecord> runs = new HashMap<>();
  private long lastRunNumber;

  /** An empty store. */
  public InMemoryBatchRunStore() {}

  @Override
  public BatchRun create(NewBatchRun request, Instant now) {
    Checks.required(request, "request");
    Checks.required(now, "now");
    return guard.write(() -> {
      Optional<RunRecord> active = activeRecord(request.type());
      if (active.isPresent()) {
        throw new BatchConflictException(request.type(), active.get().id);
      }
      long number = ++lastRunNumber;
      RunRecord run = new RunRecord(number, "run-" + number, request, now);
      runs.put(run.id, run);
      return run.snapshot();
    });
  }

  @Override
  public Optional<BatchRun> find(String runId) {
    Checks.required(runId, "runId");
    return guard.read(() -> Optional.ofNullable(runs.get(runId)).map(RunRecord::snapshot));
  }

  @Override
  public List<BatchRun> list(@Nullable String type, int limit) {
    PageLimit.check(limit);
    return guard.read(() -> runs.values().stream()
        .filter(r -> type == null || r.type.equals(type))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .map(RunRecord::snapshot)
        .toList());
  }

  @Override
  public Optional<BatchRun> active(String type) {
    Checks.required(type, "type");
    return guard.read(() -> activeRecord(type).map(RunRecord::snapshot));
  }

  @Override
  public Optional<PartitionLease> claim(String runId, String nodeId, Instant now, Duration leaseFor) {
    SpiArguments.claim(runId, nodeId, now, leaseFor);
    return guard.write(() -> {
      RunRecord run = runs.get(runId);
      if (run == null || !run.state.active()) {
        return Optional.empty();
      }
      for (PartitionRecord partition : run.partitions) {
        if (partition.claimableAt(now)) {
          partition.claim(nodeId, now.plus(leaseFor));
          run.state = BatchState.RUNNING;
          if (run.startedAt == null) {
            run.startedAt = now;
          }
          return Optional.of(partition.lease(runId));
        }
      }
      return Optional.empty();
    });
  }

  @Override
  public PartitionLease heartbeat(PartitionLease lease, Instant now, Duration leaseFor) {
    SpiArguments.heartbeat(lease, now, leaseFor);
    return guard.write(() -> {
      PartitionRecord partition = held(lease);
      partition.leaseExpiresAt = now.plus(leaseFor);
      return partition.lease(lease.runId());
    });
  }

  @Override
  public BatchRun complete(PartitionLease lease, long items, Instant now) {
    Checks.required(lease, "lease");
    SpiArguments.items(items);
    Checks.required(now, "now");
    return guard.write(() -> {
      held(lease).close(PartitionState.DONE, items, null);
      RunRecord run = runs.get(lease.runId());
      run.partitionsDone++;
      run.itemsDone += items;
      run.finishIfLastPartition(now);
      return run.snapshot();
    });
  }

  @Override
  public BatchRun fail(PartitionLease lease, String reason, long items, Instant now) {
    Checks.required(lease, "lease");
    Checks.required(reason, "reason");
    SpiArguments.items(items);
    Checks.required(now, "now");
    return guard.write(() -> {
      held(lease).close(PartitionState.FAILED, items, reason);
      RunRecord run = runs.get(lease.runId());
      run.partitionsFailed++;
      run.itemsFailed += items;
      run.finishIfLastPartition(now);
      return run.snapshot();
    });
  }

  @Override
  public void release(PartitionLease lease) {
    Checks.required(lease, "lease");
    guard.write(() -> {
      if (holds(lease)) {
        partitionOf(lease).makePending();
      }
    });
  }

  @Override
  public List<PartitionStatus> partitions(String runId) {
    Checks.required(runId, "runId");
    return guard.read(() -> {
      RunRecord run = runs.get(runId);
      return run == null ? List.of() : run.partitions.stream().map(p -> p.snapshot(runId)).toList();
    });
  }

  @Override
  public BatchRun finish(String runId, BatchState state, @Nullable String error, Instant now) {
    SpiArguments.finish(runId, state, now);
    return guard.write(() -> {
      RunRecord run = known(runId);
      if (run.state.active()) {
        for (PartitionRecord partition : run.partitions) {
          if (partition.state == PartitionState.RUNNING) {
            partition.makePending();
          }
        }
        run.end(state, error, now);
      }
      return run.snapshot();
    });
  }

  @Override
  public BatchRun retry(String runId, Instant now) {
    Checks.required(runId, "runId");
    Checks.required(now, "now");
    return guard.write(() -> {
      RunRecord run = known(runId);
      if (run.state != BatchState.FAILED && run.state != BatchState.CANCELLED) {
        throw Checks.fail("runId", runId + " is " + run.state + "; only a FAILED or CANCELLED run can be retried");
      }
      Optional<RunRecord> active = activeRecord(run.type);
      if (active.isPresent()) {
        throw new BatchConflictException(run.type, active.get().id);
      }
      for (PartitionRecord partition : run.partitions) {
        if (partition.state != PartitionState.DONE) {
          partition.reset();
        }
      }
      run.requeue();
      return run.snapshot();
    });
  }

  @Override
  public long deleteFinishedBefore(Instant cutoff) {
    Checks.required(cutoff, "cutoff");
    return guard.write(() -> {
      int before = runs.size();
      runs.values().removeIf(r -> !r.state.active() && r.finishedAt != null && r.finishedAt.isBefore(cutoff));
      return (long) (before - runs.size());
    });
  }

  /** The active run of {@code type}; caller holds the lock. */
  private Optional<RunRecord> activeRecord(String type) {
    return runs.values().stream().filter(r -> r.type.equals(type) && r.state.active()).findFirst();
  }

  private RunRecord known(String runId) {
    RunRecord run = runs.get(runId);
    if (run == null) {
      throw Checks.fail("runId", "unknown run \"" + runId + "\"");
    }
    return run;
  }

  /** Whether {@code lease} is still held (see {@link BatchRunStore}); caller holds the lock. */
  private boolean holds(PartitionLease lease) {
    RunRecord run = runs.get(lease.runId());
    if (run == null || !run.state.active() || lease.partition() >= run.partitions.size()) {
      return false;
    }
    PartitionRecord partition = run.partitions.get(lease.partition());
    return partition.state == PartitionState.RUNNING && partition.token == lease.token();
  }

  /** The partition of a held lease; caller holds the write lock. */
  private PartitionRecord held(PartitionLease lease) {
    if (!holds(lease)) {
      throw new LeaseLostException("lease on " + lease.runId() + " partition " + lease.partition()
          + " with token " + lease.token() + " is no longer held");
    }
    return partitionOf(lease);
  }

  private PartitionRecord partitionOf(PartitionLease lease) {
    return runs.get(lease.runId()).partitions.get(lease.partition());
  }

  /** The mutable state of one run; guarded by the store's lock. */
  private static final class RunRecord {
    final long number;
    final String id;
    final String type;
    final Map<String, String> parameters;
    final String triggeredBy;
    final Instant createdAt;
    final List<PartitionRecord> partitions;
    BatchState state = BatchState.QUEUED;
    int partitionsDone;
    int partitionsFailed;
    long itemsDone;
    long itemsFailed;
    @Nullable Instant startedAt;
    @Nullable Instant finishedAt;
    @Nullable String error;

    RunRecord(long number, String id, NewBatchRun request, Instant createdAt) {
      this.number = number;
      this.id = id;
      this.type = request.type();
      this.parameters = request.parameters();
      this.triggeredBy = request.triggeredBy();
      this.createdAt = createdAt;
      List<PartitionRecord> list = new ArrayList<>(request.partitions().size());
      for (int i = 0; i < request.partitions().size(); i++) {
        list.add(new PartitionRecord(i, request.partitions().get(i)));
      }
      this.partitions = List.copyOf(list);
    }

    /** Ends the run once no partition is open: succeeded, or failed naming the first failure. */
    void finishIfLastPartition(Instant now) {
      if (partitionsDone + partitionsFailed < partitions.size()) {
        return;
      }
      if (partitionsFailed == 0) {
        end(BatchState.SUCCEEDED, null, now);
        return;
      }
      PartitionRecord firstFailed = partitions.stream()
          .filter(p -> p.state == PartitionState.FAILED).findFirst().orElseThrow();
      end(BatchState.FAILED, partitionsFailed + " of " + partitions.size() + " partitions failed; partition "
          + firstFailed.index + ": " + firstFailed.error, now);
    }

    void end(BatchState finalState, @Nullable String reason, Instant now) {
      state = finalState;
      error = reason;
      finishedAt = now;
    }

    void requeue() {
      state = BatchState.QUEUED;
      partitionsFailed = 0;
      itemsFailed = 0;
      startedAt = null;
      finishedAt = null;
      error = null;
    }

    BatchRun snapshot() {
      return new BatchRun(id, type, parameters, state, partitions.size(), partitionsDone, partitionsFailed,
          itemsDone, itemsFailed, triggeredBy, createdAt, startedAt, finishedAt, error);
    }
  }

  /** The mutable state of one partition; guarded by the store's lock. */
  private static final class PartitionRecord {
    final int index;
    final String spec;
    PartitionState state = PartitionState.PENDING;
    @Nullable String owner;
    long token;
    @Nullable Instant leaseExpiresAt;
    int attempts;
    long items;
    @Nullable String error;

    PartitionRecord(int index, String spec) {
      this.index = index;
      this.spec = spec;
    }

    boolean claimableAt(Instant now) {
      return state == PartitionState.PENDING
          || (state == PartitionState.RUNNING && leaseExpiresAt != null && !leaseExpiresAt.isAfter(now));
    }

    void claim(String nodeId, Instant expiresAt) {
      state = PartitionState.RUNNING;
      owner = nodeId;
      token++;
      attempts++;
      leaseExpiresAt = expiresAt;
    }

    void close(PartitionState finalState, long processed, @Nullable String reason) {
      state = finalState;
      items = processed;
      error = reason;
      leaseExpiresAt = null;
    }

    void makePending() {
      state = PartitionState.PENDING;
      leaseExpiresAt = null;
    }

    void reset() {
      makePending();
      items = 0;
      error = null;
    }

    PartitionLease lease(String runId) {
      return new PartitionLease(runId, index, spec, Checks.required(owner, "owner"), token,
          Checks.required(leaseExpiresAt, "leaseExpiresAt"));
    }

    PartitionStatus snapshot(String runId) {
      return new PartitionStatus(runId, index, spec, state, owner, token, leaseExpiresAt, attempts, items, error);
    }
  }
}
