package dev.matching.batch;

import static dev.matching.batch.BatchContext.LOG;

import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.StorageException;
import dev.matching.spi.support.DaemonThreads;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The partition work of a {@link MatchingBatch}: claims partitions of the active run under a
 * lease, ranks their subjects, renews the lease while ranking, writes the lists fenced by the
 * lease, and completes, fails or gives back each partition. Thread-safe: any number of threads
 * and nodes drain one run, the run store hands each partition to one of them at a time.
 */
final class PartitionWorker {
  private static final int HEARTBEAT_CHECK_EVERY = 64;

  private final BatchContext context;
  private final ResultPublisher publisher;
  /** Set while the poller stops: work in progress gives its partition back instead of finishing it. */
  private volatile boolean stopping;

  PartitionWorker(BatchContext context, ResultPublisher publisher) {
    this.context = context;
    this.publisher = publisher;
  }

  /** Whether work in progress gives its partition back at its next subject (see {@link MatchingBatch#stop}). */
  void stopping(boolean stopping) {
    this.stopping = stopping;
  }

  /** {@link MatchingBatch#runPending()}. */
  int runPending() {
    publisher.publishUnpublished();
    int threads = context.config().threads();
    if (threads == 1) {
      return drain();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1, DaemonThreads.named("matching-batch-helper"));
    try {
      List<Future<Integer>> helpers = new ArrayList<>();
      for (int i = 1; i < threads; i++) {
        helpers.add(pool.submit(this::drain));
      }
      int n = drain();
      for (Future<Integer> f : helpers) {
        n += f.get();
      }
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working on the batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a batch worker thread failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Claims and processes partitions until none is left to claim; how many this thread finished. */
  private int drain() {
    BatchRunStore runs = context.runs();
    int processed = 0;
    while (!Thread.currentThread().isInterrupted() && !stopping) {
      Optional<BatchRun> active = runs.active(MatchingBatch.DAILY_MATCHING);
      if (active.isEmpty()) {
        return processed;
      }
      Optional<PartitionLease> lease = runs.claim(active.get().id(), context.config().nodeId(),
          context.clock().instant(), context.config().leaseDuration());
      if (lease.isEmpty()) {
        return processed;
      }
      Outcome outcome = process(active.get(), lease.get());
      if (outcome == Outcome.FINISHED) {
        processed++;
      } else if (outcome == Outcome.RETRY_LATER) {
        return processed;
      }
    }
    return processed;
  }

  /** What became of a claimed partition. */
  private enum Outcome {
    /** Completed or failed by this node. */
    FINISHED,
    /** Another node holds it now. */
    LEASE_LOST,
    /** Given back: this node cannot work now (its store is unreachable, or it is stopping). */
    RETRY_LATER
  }

  /**
   * Ranks one partition and stores its lists. A run whose parameters cannot be read, a subject
   * that cannot be ranked, or lists that cannot be written, fail the partition with the reason
   * recorded; an index that cannot be refreshed from the store gives the partition back for a
   * later attempt.
   */
  private Outcome process(BatchRun run, PartitionLease claimed) {
    BatchRunStore runs = context.runs();
    BatchConfig config = context.config();
    PartitionSpec spec = PartitionSpec.parse(claimed.spec());
    RunParameters parameters;
    try {
      parameters = RunParameters.of(run);
    } catch (IllegalArgumentException unreadable) {
      return failPartition(run, spec, claimed, 0, unreadable.getMessage(), unreadable);
    }
    long generation = parameters.generation();
    int topN = parameters.topN().orElse(config.topN());
    Instant started = context.clock().instant();
    PartitionLease lease = claimed;
    Instant lastBeat = started;
    try {
      context.engine().refresh();
    } catch (RuntimeException storeDown) {
      // Not the partition's fault (the store is unreachable or a change cannot be read): give the
      // lease back so that this or another node retries at its next poll, and say why.
      runs.release(lease);
      LOG.log(Level.WARNING, "batch " + run.id() + " partition " + spec
          + ": could not refresh the index from the store; partition released for a later attempt", storeDown);
      return Outcome.RETRY_LATER;
    }
    List<String> subjects = subjects(spec);
    Map<String, List<Match>> lists = new LinkedHashMap<>();
    try {
      for (String subject : subjects) {
        if (stopping) {
          // shutting down: give the partition back at once for another node (or a restart)
          runs.release(lease);
          LOG.log(Level.INFO, "batch {0} partition {1}: released on shutdown after {2} of {3} subjects",
              run.id(), spec, lists.size(), subjects.size());
          return Outcome.RETRY_LATER;
        }
        if (lists.size() % HEARTBEAT_CHECK_EVERY == 0) {
          Instant now = context.clock().instant();
          if (!now.isBefore(lastBeat.plus(config.heartbeatInterval()))) {
            lease = runs.heartbeat(lease, now, config.leaseDuration());
            lastBeat = now;
          }
        }
        try {
          lists.put(subject, rank(spec.direction(), subject, topN));
        } catch (NotFoundException gone) {
          // deleted since the partition listed it: nothing to rank
        } catch (RuntimeException poison) {
          return failPartition(run, spec, lease, lists.size(), "subject " + subject + ": " + poison, poison);
        }
      }
      // Renew the lease before writing (a paused node learns here that it lost it); the write
      // itself is fenced by the lease's token in the result store, atomically.
      lease = runs.heartbeat(lease, context.clock().instant(), config.leaseDuration());
      try {
        context.results().write(lease, spec.direction(), generation, context.clock().instant(), lists);
      } catch (LeaseLostException lost) {
        throw lost;
      } catch (StorageException unavailable) {
        // the store timed out or is unreachable (a lock held by a stopped node, an outage): not
        // the partition's fault; give it back so that this or another node ranks it again
        runs.release(lease);
        LOG.log(Level.WARNING, "batch " + run.id() + " partition " + spec
            + ": could not write its lists; partition released for a later attempt", unavailable);
        return Outcome.RETRY_LATER;
      } catch (RuntimeException writeFailed) {
        return failPartition(run, spec, lease, 0, "writing results: " + writeFailed, writeFailed);
      }
      BatchRun after = runs.complete(lease, lists.size(), context.clock().instant());
      Duration took = Duration.between(started, context.clock().instant());
      LOG.log(Level.DEBUG, "batch {0} partition {1}: {2} subjects in {3} ms",
          run.id(), spec, lists.size(), took.toMillis());
      context.notifyListener(l -> l.partitionCompleted(after, spec.toString(), lists.size(), took));
      publisher.finished(after);
      return Outcome.FINISHED;
    } catch (LeaseLostException lost) {
      LOG.log(Level.WARNING, "batch {0} partition {1}: lease lost, work discarded", run.id(), spec);
      context.notifyListener(l -> l.leaseLost(run.id(), spec.toString()));
      return Outcome.LEASE_LOST;
    }
  }

  /**
   * Records the partition as failed with {@code reason}: the rest of the run goes on, and a
   * retry recomputes only the failed partitions.
   */
  private Outcome failPartition(BatchRun run, PartitionSpec spec, PartitionLease lease, long items,
      String reason, RuntimeException cause) {
    BatchRun after = context.runs().fail(lease, reason, items, context.clock().instant());
    LOG.log(Level.WARNING, "batch " + run.id() + " partition " + spec + " failed: " + reason, cause);
    context.notifyListener(l -> l.partitionFailed(after, spec.toString(), items, reason));
    publisher.finished(after);
    return Outcome.FINISHED;
  }

  /**
   * The partition's subjects in the index's own order, which is spatial: neighbours are ranked
   * one after the other and find the same parts of the other index in the processor's caches.
   */
  private List<String> subjects(PartitionSpec spec) {
    List<String> ids = new ArrayList<>();
    if (spec.direction() == Direction.JOBS_FOR_WORKER) {
      context.engine().workerIndex().forEach((Worker w) -> {
        if (w.active() && spec.contains(w.id())) {
          ids.add(w.id());
        }
      });
    } else {
      context.engine().jobIndex().forEach((Job j) -> {
        if (j.open() && spec.contains(j.id())) {
          ids.add(j.id());
        }
      });
    }
    return ids;
  }

  private List<Match> rank(Direction direction, String subject, int topN) {
    MatchingEngine engine = context.engine();
    MatchQuery query = MatchQuery.top(topN);
    return direction == Direction.JOBS_FOR_WORKER
        ? engine.topJobsFor(subject, query).matches()
        : engine.topWorkersFor(subject, query).matches();
  }
}
