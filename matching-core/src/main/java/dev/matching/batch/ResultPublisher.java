package dev.matching.batch;

import static dev.matching.batch.BatchContext.LOG;

import dev.matching.MatchingEngine;
import dev.matching.assignment.Assigner;
import dev.matching.assignment.Assignment;
import dev.matching.assignment.AssignmentProblem;
import dev.matching.assignment.AssignmentReport;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The end of a run of a {@link MatchingBatch}: once it is final, publishes a succeeded run's
 * generation (only where it is newer than the published one) and computes its assignment, deletes
 * superseded generations, and tells the listener. Also publishes a succeeded run whose publisher
 * died before publishing. Thread-safe: publishing is conditional in the result store.
 */
final class ResultPublisher {
  private final BatchContext context;
  private volatile @Nullable Instant lastCleanUp;
  private volatile @Nullable BatchAssignment lastAssignment;
  /** The last succeeded run found unreadable, so that each poll does not warn about it again. */
  private volatile @Nullable String unreadableReported;

  ResultPublisher(BatchContext context) {
    this.context = context;
  }

  /** Called with the run after each partition of it ends: a final run is published (if it succeeded) and reported. */
  void finished(BatchRun run) {
    if (run.state().active()) {
      return;
    }
    if (run.state() == BatchState.SUCCEEDED) {
      publishAndAssign(run);
    }
    LOG.log(Level.INFO, "batch {0} {1}: {2} partitions done, {3} failed, {4} subjects ranked{5}",
        run.id(), run.state(), run.partitionsDone(), run.partitionsFailed(), run.itemsDone(),
        run.error() == null ? "" : "; error: " + run.error());
    context.notifyListener(l -> l.runFinished(run));
  }

  /** Publishes the latest daily run if it succeeded and is not published yet (its publisher died). */
  void publishUnpublished() {
    for (BatchRun run : context.runs().list(MatchingBatch.DAILY_MATCHING, 1)) {
      if (run.state() == BatchState.SUCCEEDED) {
        publishAndAssign(run);
      }
    }
  }

  /** {@link MatchingBatch#cleanUp()}. */
  long cleanUp() {
    MatchResultStore results = context.results();
    long deleted = 0;
    for (Direction d : Direction.values()) {
      OptionalLong published = results.publishedGeneration(d);
      if (published.isPresent()) {
        deleted += results.deleteGenerationsBefore(d, published.getAsLong());
      }
    }
    lastCleanUp = context.clock().instant();
    if (deleted > 0) {
      LOG.log(Level.INFO, "batch clean-up: {0} lists of superseded generations deleted", deleted);
    }
    return deleted;
  }

  /** When {@link #cleanUp()} last ran on this node, or null. */
  @Nullable Instant lastCleanUp() {
    return lastCleanUp;
  }

  /** {@link MatchingBatch#lastAssignment()}. */
  Optional<BatchAssignment> lastAssignment() {
    return Optional.ofNullable(lastAssignment);
  }

  /**
   * Publishes a succeeded run; when this call published it, computes its assignment if any. A
   * run whose parameters cannot be read (edited since it succeeded) is logged and left alone.
   */
  private void publishAndAssign(BatchRun run) {
    RunParameters parameters;
    try {
      parameters = RunParameters.of(run);
    } catch (IllegalArgumentException unreadable) {
      if (!Objects.equals(unreadableReported, run.id())) {
        unreadableReported = run.id();
        LOG.log(Level.WARNING, "batch " + run.id() + " succeeded but is not published: " + unreadable.getMessage());
      }
      return;
    }
    if (publish(parameters)) {
      assign(run, parameters);
    }
  }

  /** Publishes each direction of the run not published at its generation or later; whether any was. */
  private boolean publish(RunParameters parameters) {
    MatchResultStore results = context.results();
    long generation = parameters.generation();
    boolean published = false;
    for (Direction d : parameters.directions()) {
      if (results.publishedGeneration(d).orElse(0) < generation && results.publishIfNewer(d, generation)) {
        published = true;
      }
    }
    if (published) {
      cleanUp();
    }
    return published;
  }

  /** Computes the run's assignment, if it asks for one (see {@link MatchingBatch}'s class comment). */
  private void assign(BatchRun run, RunParameters parameters) {
    AssignmentMode mode = parameters.assignment();
    if (mode.assigner() == null) {
      return;
    }
    long generation = parameters.generation();
    try {
      Instant started = context.clock().instant();
      int maxOffers = parameters.maxOffersPerWorker().orElse(context.config().maxOffersPerWorker());
      AssignmentProblem problem = assignmentProblem(generation, maxOffers);
      Assignment greedy = Assigner.greedy().assign(problem);
      Assignment optimal = Assigner.optimal().assign(problem);
      AssignmentReport report = AssignmentReport.of(greedy, optimal);
      BatchAssignment result = new BatchAssignment(run.id(), generation, mode, problem,
          mode == AssignmentMode.OPTIMAL ? optimal : greedy, report,
          Duration.between(started, context.clock().instant()));
      lastAssignment = result;
      LOG.log(Level.INFO, String.format(Locale.ROOT,
          "batch %s assignment (%s, at most %d offers per worker): %s; %d workers, %d jobs, %d edges; greedy total"
              + " %.4f, optimal total %.4f (greedy reaches %.2f%%), in %d ms",
          run.id(), mode.parameterValue(), maxOffers, result.assignment(), problem.workerCount(), problem.jobCount(),
          problem.edgeCount(), report.greedyTotal(), report.optimalTotal(), report.ratio() * 100,
          result.took().toMillis()));
      context.notifyListener(l -> l.assignmentComputed(run, result));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch " + run.id() + ": computing the " + mode.parameterValue()
          + " assignment failed; the run stays succeeded and published", e);
    }
  }

  /**
   * One edge per match of the published jobs-for-worker lists of {@code generation}, for every
   * active worker this node indexes, to jobs it indexes as open.
   */
  private AssignmentProblem assignmentProblem(long generation, int maxOffers) {
    MatchingEngine engine = context.engine();
    engine.refresh();
    AssignmentProblem.Builder problem = AssignmentProblem.builder();
    Set<String> jobsDeclared = new HashSet<>();
    List<String> workerIds = new ArrayList<>();
    engine.workerIndex().forEach((Worker w) -> {
      if (w.active()) {
        workerIds.add(w.id());
      }
    });
    for (String workerId : workerIds) {
      Optional<MatchList> list = context.results().find(Direction.JOBS_FOR_WORKER, workerId);
      if (list.isEmpty() || list.get().generation() != generation) {
        continue;
      }
      problem.worker(workerId, maxOffers);
      for (Match match : list.get().matches()) {
        Optional<Job> job = engine.job(match.id());
        if (job.isEmpty() || !job.get().open()) {
          continue;
        }
        if (jobsDeclared.add(match.id())) {
          problem.job(match.id(), job.get().headcount());
        }
        problem.edge(workerId, match.id(), match.score());
      }
    }
    return problem.build();
  }
}
