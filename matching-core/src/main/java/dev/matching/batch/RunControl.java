package dev.matching.batch;

import static dev.matching.batch.BatchContext.LOG;

import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.NewBatchRun;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The run records of a {@link MatchingBatch}: triggers a run (by hand or when the daily slot is
 * due), queues a failed one again, cancels an active one. Thread-safe; the run store decides
 * between concurrent triggers.
 */
final class RunControl {
  private final BatchContext context;
  private final @Nullable DailySchedule schedule;

  RunControl(BatchContext context, @Nullable DailySchedule schedule) {
    this.context = context;
    this.schedule = schedule;
  }

  /** {@link MatchingBatch#trigger(String, String)}: the configured top-N. */
  BatchRun trigger(String type, String triggeredBy) {
    return trigger(type, context.config().topN(), triggeredBy);
  }

  /** {@link MatchingBatch#trigger(String, int, String)}: the configured assignment. */
  BatchRun trigger(String type, int topN, String triggeredBy) {
    return trigger(type, topN, context.config().assignment(), triggeredBy);
  }

  /**
   * {@link MatchingBatch#trigger(String, int, AssignmentMode, String)}: one partition per hash
   * bucket of each configured direction, and the run's {@link RunParameters}.
   */
  BatchRun trigger(String type, int topN, AssignmentMode assignment, String triggeredBy) {
    BatchConfig config = context.config();
    requireKnownType(type);
    Checks.intIn(topN, 1, BatchConfig.MAX_TOP_N, "topN");
    BatchConfig.checkAssignment(assignment, config.directions());
    Checks.id(triggeredBy, "triggeredBy");
    Instant now = context.clock().instant();
    List<String> partitions = new ArrayList<>();
    Set<Direction> directions = EnumSet.noneOf(Direction.class);
    for (Direction d : Direction.values()) {
      if (config.directions().contains(d)) {
        directions.add(d);
        for (int b = 0; b < config.partitions(); b++) {
          partitions.add(new PartitionSpec(d, b, config.partitions()).toString());
        }
      }
    }
    MatchingEngine engine = context.engine();
    RunParameters parameters = new RunParameters(now.toEpochMilli(), OptionalInt.of(topN), directions, assignment,
        assignment == AssignmentMode.NONE ? OptionalInt.empty() : OptionalInt.of(config.maxOffersPerWorker()),
        OptionalLong.of(engine.jobStore().count()), OptionalLong.of(engine.jobIndex().size()),
        OptionalLong.of(engine.workerStore().count()), OptionalLong.of(engine.workerIndex().size()));
    BatchRun run = context.runs().create(new NewBatchRun(type, parameters.toMap(), partitions, triggeredBy), now);
    LOG.log(Level.INFO, "batch {0} of type {1} triggered by {2}: {3} partitions, top {4}",
        run.id(), type, triggeredBy, partitions.size(), topN);
    return run;
  }

  /** {@link MatchingBatch#retry}. */
  BatchRun retry(String runId) {
    requireRun(runId);
    BatchRun run = context.runs().retry(runId, context.clock().instant());
    LOG.log(Level.INFO, "batch {0} queued again for retry", runId);
    return run;
  }

  /** {@link MatchingBatch#cancel}: finishes the run as cancelled and tells the listener. */
  BatchRun cancel(String runId) {
    requireRun(runId);
    BatchRun run = context.runs().finish(runId, BatchState.CANCELLED, "cancelled", context.clock().instant());
    context.notifyListener(l -> l.runFinished(run));
    return run;
  }

  /** {@link MatchingBatch#triggerIfDue}: a run when the latest slot passed without one since. */
  Optional<BatchRun> triggerIfDue() {
    if (schedule == null) {
      return Optional.empty();
    }
    Instant slot = schedule.lastSlotAtOrBefore(context.clock().instant());
    List<BatchRun> latest = context.runs().list(MatchingBatch.DAILY_MATCHING, 1);
    if (!latest.isEmpty() && !latest.get(0).createdAt().isBefore(slot)) {
      return Optional.empty();
    }
    try {
      return Optional.of(trigger(MatchingBatch.DAILY_MATCHING, "scheduler"));
    } catch (BatchConflictException e) {
      return Optional.empty();
    }
  }

  private void requireRun(String runId) {
    context.runs().find(Checks.required(runId, "runId")).orElseThrow(() -> new NotFoundException("batch run", runId));
  }

  private static void requireKnownType(String type) {
    Checks.required(type, "batch_type");
    if (!MatchingBatch.DAILY_MATCHING.equals(type)) {
      throw Checks.fail("batch_type", "must be \"" + MatchingBatch.DAILY_MATCHING + "\", was \"" + type + "\"");
    }
  }
}
