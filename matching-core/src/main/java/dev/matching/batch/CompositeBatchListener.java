package dev.matching.batch;

import dev.matching.spi.BatchRun;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** {@link BatchListener#composite}: each event to each listener, each failure isolated. Immutable. */
final class CompositeBatchListener implements BatchListener {
  private static final System.Logger LOG = System.getLogger(BatchListener.class.getName());
  private final List<BatchListener> listeners;

  CompositeBatchListener(List<? extends BatchListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(String event, Consumer<BatchListener> call) {
    for (BatchListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "batch listener " + listener.getClass().getName() + " failed on " + event
            + "; the other listeners still hear it", e);
      }
    }
  }

  @Override
  public void partitionCompleted(BatchRun run, String spec, long items, Duration took) {
    each("partitionCompleted", l -> l.partitionCompleted(run, spec, items, took));
  }

  @Override
  public void partitionFailed(BatchRun run, String spec, long items, String reason) {
    each("partitionFailed", l -> l.partitionFailed(run, spec, items, reason));
  }

  @Override
  public void leaseLost(String runId, String spec) {
    each("leaseLost", l -> l.leaseLost(runId, spec));
  }

  @Override
  public void assignmentComputed(BatchRun run, BatchAssignment assignment) {
    each("assignmentComputed", l -> l.assignmentComputed(run, assignment));
  }

  @Override
  public void runFinished(BatchRun run) {
    each("runFinished", l -> l.runFinished(run));
  }
}
