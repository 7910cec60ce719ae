package dev.matching.lifecycle;

import dev.matching.MatchingEngine;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.VersionConflictException;
import dev.matching.spi.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link RetentionPolicy}: deletes stored match lists computed before the cutoff
 * ({@link MatchResultStore#deleteComputedBefore}), erases the personal data of workers whose
 * last write is older than the cutoff, and deletes batch runs that finished before the cutoff
 * ({@link BatchRunStore#deleteFinishedBefore}). Thread-safe (it holds no state between runs).
 *
 * <p>A worker is erased exactly as a personal-data erasure request: removed from the worker
 * store and the engine's index ({@link MatchingEngine#removeWorker(String, long)}), then from
 * every stored result ({@link MatchResultStore#erase}). The removal is conditional on the
 * version read while listing, so a worker written meanwhile (active again) is kept.
 *
 * <p>Idempotent and safe on several nodes at once: a second run finds nothing left to delete,
 * and of two nodes erasing the same worker only one removal succeeds (the other sees a version
 * conflict and skips the worker), so each erased worker is reported once.
 *
 * <p>Cost: the worker store is read in full by keyset pages ({@link
 * dev.matching.spi.EntityStore#list}); each erased worker costs one result-store erasure.
 */
public final class RetentionTask {
  private static final int PAGE = 1_000;

  private final MatchingEngine engine;
  private final MatchResultStore results;
  private final @Nullable BatchRunStore batchRuns;
  private final RetentionPolicy policy;
  private final Clock clock;

  /** Receives each erased worker, for audit records. Called on the running thread. */
  @FunctionalInterface
  public interface ErasureListener {
    /**
     * {@code workerId}, last written at {@code lastActivity}, was erased; {@code resultListsChanged}
     * stored lists were deleted or changed.
     */
    void erased(String workerId, Instant lastActivity, long resultListsChanged);
  }

  /**
   * A task over the engine's worker store and index, {@code results}, and {@code batchRuns}
   * (null when the service has no batch; batch runs are then skipped).
   */
  public RetentionTask(MatchingEngine engine, MatchResultStore results, @Nullable BatchRunStore batchRuns,
      RetentionPolicy policy, Clock clock) {
    this.engine = Checks.required(engine, "engine");
    this.results = Checks.required(results, "results");
    this.batchRuns = batchRuns;
    this.policy = Checks.required(policy, "policy");
    this.clock = Checks.required(clock, "clock");
  }

  /** The policy applied. */
  public RetentionPolicy policy() {
    return policy;
  }

  /** Runs once; see {@link #run(ErasureListener)}. */
  public RetentionReport run() {
    return run((id, at, changed) -> { });
  }

  /**
   * Runs once: match lists first, then inactive workers (so their erasure has fewer lists to
   * rewrite), then batch runs. A failure of a store stops the run with its exception; what was
   * deleted until then stays deleted, and running again continues.
   */
  public RetentionReport run(ErasureListener listener) {
    Checks.required(listener, "listener");
    Instant started = clock.instant();
    Instant resultsCutoff = cutoff(started, policy.matchResults());
    long listsDeleted = resultsCutoff == null ? 0 : results.deleteComputedBefore(resultsCutoff);

    Instant workersCutoff = cutoff(started, policy.inactiveWorkers());
    long erased = 0;
    long changedByErasure = 0;
    if (workersCutoff != null) {
      String after = null;
      List<Versioned<Worker>> page;
      do {
        page = engine.workerStore().list(after, PAGE);
        for (Versioned<Worker> stored : page) {
          if (stored.updatedAt().isBefore(workersCutoff)) {
            String id = stored.value().id();
            try {
              engine.removeWorker(id, stored.version());
            } catch (VersionConflictException e) {
              continue; // written again (active) or erased by another node meanwhile
            }
            long changed = results.erase(id);
            erased++;
            changedByErasure += changed;
            listener.erased(id, stored.updatedAt(), changed);
          }
        }
        if (!page.isEmpty()) {
          after = page.get(page.size() - 1).value().id();
        }
      } while (page.size() == PAGE);
    }

    BatchRunStore runs = batchRuns;
    Instant runsCutoff = runs == null ? null : cutoff(started, policy.batchRuns());
    long runsDeleted = runs == null || runsCutoff == null ? 0 : runs.deleteFinishedBefore(runsCutoff);

    return new RetentionReport(started, Duration.between(started, clock.instant()), runsCutoff, runsDeleted,
        resultsCutoff, listsDeleted, workersCutoff, erased, changedByErasure);
  }

  private static @Nullable Instant cutoff(Instant now, Duration age) {
    return age.isZero() ? null : now.minus(age);
  }
}
