package dev.matching.batch;

import dev.matching.model.internal.Checks;
import dev.matching.spi.BatchRun;
import java.time.Duration;
import java.util.List;

/**
 * Callbacks on batch progress, for metrics and logs (the Spring Boot starter maps them to
 * Micrometer). Called on the thread that did the work; implementations must be thread-safe and
 * fast, and should not throw (an exception is logged and ignored).
 */
public interface BatchListener {
  /** A listener that does nothing. */
  BatchListener NONE = new BatchListener() {};

  /**
   * One listener that forwards every event to each of {@code listeners}, in order; one that
   * throws is logged and does not keep the others from hearing the event. Immutable and
   * thread-safe when the listeners are.
   */
  static BatchListener composite(List<? extends BatchListener> listeners) {
    return new CompositeBatchListener(Checks.listOf(listeners, "listeners"));
  }

  /** This node finished a partition of {@code run} with {@code items} subjects ranked. */
  default void partitionCompleted(BatchRun run, String spec, long items, Duration took) {}

  /** This node failed a partition of {@code run}; {@code reason} is recorded with it. */
  default void partitionFailed(BatchRun run, String spec, long items, String reason) {}

  /** This node lost the lease of a partition while working on it; its work was discarded. */
  default void leaseLost(String runId, String spec) {}

  /**
   * This node computed the assignment of {@code run} (a succeeded run with an
   * {@link AssignmentMode} other than none, right after this node published it).
   */
  default void assignmentComputed(BatchRun run, BatchAssignment assignment) {}

  /** {@code run} reached a final state (succeeded, failed or cancelled). */
  default void runFinished(BatchRun run) {}
}
