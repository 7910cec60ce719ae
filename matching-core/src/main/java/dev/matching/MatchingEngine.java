package dev.matching;

import dev.matching.index.EntityIndex;
import dev.matching.index.IndexView;
import dev.matching.index.JobIndex;
import dev.matching.index.WorkerIndex;
import dev.matching.model.EntityKind;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.Scorer;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.spi.Change;
import dev.matching.spi.EntityStore;
import dev.matching.spi.JobStore;
import dev.matching.spi.Versioned;
import dev.matching.spi.WorkerStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.spi.support.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The matching engine: jobs and workers kept in their stores (the system of record) and
 * mirrored in in-memory indexes that answer top-K queries in both directions. Thread-safe.
 *
 * <p>Writes go to the store first and then to the index, one writer at a time per kind, so the
 * index never lags a write this engine acknowledged and never applies two writes of the same id
 * out of order. Writes made by other nodes to a shared store reach this engine's index through
 * {@link #refresh()}, which applies the stores' change logs; {@link #reload()} rebuilds both
 * indexes from the stores. Queries never block and see a consistent snapshot of each index.
 *
 * <pre>{@code
 * MatchingEngine engine = MatchingEngine.builder().build();   // in-memory stores
 * engine.upsertJob(job);
 * engine.upsertWorker(worker);
 * MatchPage page = engine.topJobsFor(worker.id(), MatchQuery.top(20));
 * Explanation why = engine.explain(worker.id(), page.matches().get(0).id());
 * }</pre>
 */
public final class MatchingEngine {
  private static final int CHANGE_BATCH = 1000;

  private static final System.Logger LOG = System.getLogger(MatchingEngine.class.getName());

  private final List<WriteListener> writeListeners = new CopyOnWriteArrayList<>();
  private final Side<Job, JobStore, JobIndex> jobs;
  private final Side<Worker, WorkerStore, WorkerIndex> workers;
  private final ScoringPolicy policy;

  private MatchingEngine(Builder b) {
    this.policy = b.policy;
    JobStore jobStore = b.jobStore != null ? b.jobStore : new InMemoryJobStore(b.clock);
    WorkerStore workerStore = b.workerStore != null ? b.workerStore : new InMemoryWorkerStore(b.clock);
    Clock clock = b.clock;
    Duration window = b.availabilityWindow;
    this.jobs = new Side<>(EntityKind.JOB, jobStore, () -> JobIndex.create(policy));
    this.workers = new Side<>(EntityKind.WORKER, workerStore, () -> WorkerIndex.create(policy, clock, window));
    reload();
  }

  /** A builder: in-memory stores, the default policy and the system clock unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy used when a query names none. */
  public ScoringPolicy policy() {
    return policy;
  }

  /** The job store (system of record). */
  public JobStore jobStore() {
    return jobs.store;
  }

  /** The worker store (system of record). */
  public WorkerStore workerStore() {
    return workers.store;
  }

  /**
   * A read-only view of the in-memory job index, for statistics and checks; it follows the index
   * across {@link #reload()}s. Writes go through this engine ({@link #upsertJob} and the like).
   */
  public IndexView<Job> jobIndex() {
    return jobs.view;
  }

  /**
   * A read-only view of the in-memory worker index, for statistics and checks; it follows the
   * index across {@link #reload()}s. Writes go through this engine ({@link #upsertWorker} and the
   * like).
   */
  public IndexView<Worker> workerIndex() {
    return workers.view;
  }

  // ---------------------------------------------------------------------------------- writes

  /** Creates or replaces {@code job} in the store and the index; returns the stored version. */
  public Versioned<Job> upsertJob(Job job) {
    String id = Checks.required(job, "job").id();
    return written(EntityKind.JOB, id, jobs.write(s -> s.upsert(job)));
  }

  /**
   * Replaces {@code job} only if its stored version is {@code expectedVersion} (0: only if
   * absent).
   *
   * @throws dev.matching.spi.VersionConflictException when it is not; nothing changes
   */
  public Versioned<Job> upsertJob(Job job, long expectedVersion) {
    String id = Checks.required(job, "job").id();
    return written(EntityKind.JOB, id, jobs.write(s -> s.upsert(job, expectedVersion)));
  }

  /** Creates or replaces every job in one atomic step; returns them stored, in order. */
  public List<Versioned<Job>> upsertJobs(List<Job> batch) {
    return writtenAll(EntityKind.JOB, jobs.writeAll(Checks.required(batch, "jobs")), Job::id);
  }

  /** Deletes the job; returns whether it existed. */
  public boolean removeJob(String id) {
    return removed(EntityKind.JOB, id, jobs.remove(id));
  }

  /**
   * Deletes the job only if its stored version is {@code expectedVersion}.
   *
   * @throws dev.matching.spi.VersionConflictException when it is absent or at another version
   */
  public void removeJob(String id, long expectedVersion) {
    jobs.remove(id, expectedVersion);
    removed(EntityKind.JOB, id, true);
  }

  /** Creates or replaces {@code worker} in the store and the index; returns the stored version. */
  public Versioned<Worker> upsertWorker(Worker worker) {
    String id = Checks.required(worker, "worker").id();
    return written(EntityKind.WORKER, id, workers.write(s -> s.upsert(worker)));
  }

  /**
   * Replaces {@code worker} only if its stored version is {@code expectedVersion} (0: only if
   * absent).
   *
   * @throws dev.matching.spi.VersionConflictException when it is not; nothing changes
   */
  public Versioned<Worker> upsertWorker(Worker worker, long expectedVersion) {
    String id = Checks.required(worker, "worker").id();
    return written(EntityKind.WORKER, id, workers.write(s -> s.upsert(worker, expectedVersion)));
  }

  /** Creates or replaces every worker in one atomic step; returns them stored, in order. */
  public List<Versioned<Worker>> upsertWorkers(List<Worker> batch) {
    return writtenAll(EntityKind.WORKER, workers.writeAll(Checks.required(batch, "workers")), Worker::id);
  }

  /** Deletes the worker; returns whether it existed. */
  public boolean removeWorker(String id) {
    return removed(EntityKind.WORKER, id, workers.remove(id));
  }

  /**
   * Deletes the worker only if its stored version is {@code expectedVersion}.
   *
   * @throws dev.matching.spi.VersionConflictException when it is absent or at another version
   */
  public void removeWorker(String id, long expectedVersion) {
    workers.remove(id, expectedVersion);
    removed(EntityKind.WORKER, id, true);
  }

  /** Adds a listener to this engine's writes (see {@link WriteListener}). */
  public void addWriteListener(WriteListener listener) {
    writeListeners.add(Checks.required(listener, "listener"));
  }

  /** Removes a listener added with {@link #addWriteListener}. */
  public void removeWriteListener(WriteListener listener) {
    writeListeners.remove(listener);
  }

  private <T> Versioned<T> written(EntityKind kind, String id, Versioned<T> stored) {
    notifyListeners(kind, List.of(id), Change.Type.UPSERT);
    return stored;
  }

  private <T> List<Versioned<T>> writtenAll(EntityKind kind, List<Versioned<T>> stored, Function<T, String> idOf) {
    if (!stored.isEmpty()) {
      List<String> ids = new ArrayList<>(stored.size());
      for (Versioned<T> v : stored) {
        ids.add(idOf.apply(v.value()));
      }
      notifyListeners(kind, ids, Change.Type.UPSERT);
    }
    return stored;
  }

  private boolean removed(EntityKind kind, String id, boolean existed) {
    if (existed) {
      notifyListeners(kind, List.of(id), Change.Type.DELETE);
    }
    return existed;
  }

  private void notifyListeners(EntityKind kind, List<String> ids, Change.Type type) {
    for (WriteListener l : writeListeners) {
      try {
        l.written(kind, ids, type);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "write listener failed; the write stands", e);
      }
    }
  }

  // ----------------------------------------------------------------------------------- reads

  /** The indexed job with that id, or empty. */
  public Optional<Job> job(String id) {
    return jobs.index.get(Checks.required(id, "id"));
  }

  /** The indexed worker with that id, or empty. */
  public Optional<Worker> worker(String id) {
    return workers.index.get(Checks.required(id, "id"));
  }

  /**
   * The best jobs for the registered worker {@code workerId}.
   *
   * @throws NotFoundException when no such worker is indexed
   */
  public MatchPage topJobsFor(String workerId, MatchQuery query) {
    return topJobsFor(requireWorker(workerId), query);
  }

  /** The best jobs for {@code worker}, registered or not (cold start: a profile being browsed). */
  public MatchPage topJobsFor(Worker worker, MatchQuery query) {
    return jobs.index.topJobs(Checks.required(worker, "worker"), Checks.required(query, "query"));
  }

  /**
   * The best workers for the registered job {@code jobId}.
   *
   * @throws NotFoundException when no such job is indexed
   */
  public MatchPage topWorkersFor(String jobId, MatchQuery query) {
    return topWorkersFor(requireJob(jobId), query);
  }

  /** The best workers for {@code job}, registered or not. */
  public MatchPage topWorkersFor(Job job, MatchQuery query) {
    return workers.index.topWorkers(Checks.required(job, "job"), Checks.required(query, "query"));
  }

  /**
   * Why {@code workerId} and {@code jobId} score what they score under the default policy: each
   * factor's raw value, score, weight and contribution, or the hard constraints that exclude
   * the pair.
   *
   * @throws NotFoundException when either is not indexed
   */
  public Explanation explain(String workerId, String jobId) {
    return explain(workerId, jobId, policy);
  }

  /** As {@link #explain(String, String)} under {@code policy}. */
  public Explanation explain(String workerId, String jobId, ScoringPolicy policy) {
    return Scorer.of(Checks.required(policy, "policy")).explain(requireWorker(workerId), requireJob(jobId));
  }

  private Worker requireWorker(String id) {
    return worker(id).orElseThrow(() -> new NotFoundException(EntityKind.WORKER, id));
  }

  private Job requireJob(String id) {
    return job(id).orElseThrow(() -> new NotFoundException(EntityKind.JOB, id));
  }

  // ------------------------------------------------------------------------- synchronisation

  /**
   * Rebuilds both indexes from the stores, the worker index on a short-lived thread of its own
   * while the calling thread builds the job index. Queries keep being answered from the previous
   * indexes until each new one is complete. A failure of either side is thrown once both have
   * ended (the other side's failure, if any, suppressed).
   */
  public void reload() {
    Throwable[] workerFailure = new Throwable[1];
    Thread workerSide = DaemonThreads.start("matching-reload-workers", () -> {
      try {
        workers.reload();
      } catch (Throwable e) { // handed to the calling thread below
        workerFailure[0] = e;
      }
    });
    RuntimeException failure = null;
    try {
      jobs.reload();
    } catch (RuntimeException e) {
      failure = e;
    }
    boolean interrupted = false;
    while (true) {
      try {
        workerSide.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the worker side holds its lock: wait for it, then restore the flag
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable other = workerFailure[0];
    if (other instanceof Error error) {
      if (failure != null) {
        error.addSuppressed(failure);
      }
      throw error;
    }
    if (other != null) {
      if (failure == null) {
        failure = (RuntimeException) other;
      } else {
        failure.addSuppressed(other);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Applies to the indexes every change in the stores' change logs since the last reload or
   * refresh, including writes made by other nodes. Returns how many changes were applied.
   */
  public long refresh() {
    return jobs.refresh() + workers.refresh();
  }

  /**
   * How many change-log entries of the stores the indexes have not applied yet, both kinds
   * summed: 0 when every write known to the stores is indexed. Writes by other nodes count
   * until {@link #refresh()} applies them.
   */
  public long indexLag() {
    return jobs.lag() + workers.lag();
  }

  /** Configures and builds a {@link MatchingEngine}. Not thread-safe. */
  public static final class Builder {
    private @Nullable JobStore jobStore;
    private @Nullable WorkerStore workerStore;
    private ScoringPolicy policy = ScoringPolicy.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private Duration availabilityWindow = WorkerIndex.DEFAULT_WINDOW;

    private Builder() {}

    /** The job store; an in-memory one by default. */
    public Builder jobStore(JobStore store) {
      this.jobStore = Checks.required(store, "jobStore");
      return this;
    }

    /** The worker store; an in-memory one by default. */
    public Builder workerStore(WorkerStore store) {
      this.workerStore = Checks.required(store, "workerStore");
      return this;
    }

    /** The policy used when a query names none; {@link ScoringPolicy#ofDefaults()} by default. */
    public Builder policy(ScoringPolicy policy) {
      this.policy = Checks.required(policy, "policy");
      return this;
    }

    /** The clock for timestamps and availability expansion; the UTC system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Checks.required(clock, "clock");
      return this;
    }

    /**
     * How far ahead worker availabilities are pre-expanded for fast pruning; by default
     * {@link WorkerIndex#DEFAULT_WINDOW}. Shifts beyond it are still scored exactly.
     */
    public Builder availabilityWindow(Duration window) {
      this.availabilityWindow = Checks.required(window, "availabilityWindow");
      return this;
    }

    /** Builds the engine and loads its indexes from the stores. */
    public MatchingEngine build() {
      return new MatchingEngine(this);
    }
  }

  /** One kind of entity: its store, its index, and the log position the index reflects. */
  private static final class Side<T, S extends EntityStore<T>, I extends EntityIndex<T>> {
    private final EntityKind kind;
    private final S store;
    private final Supplier<I> newIndex;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile I index;
    private volatile long appliedSequence;
    private final IndexView<T> view = new IndexView<>() {
      @Override
      public int size() {
        return index.size();
      }

      @Override
      public Optional<T> get(String id) {
        return index.get(id);
      }

      @Override
      public void forEach(Consumer<? super T> action) {
        index.forEach(action);
      }

      @Override
      public long estimatedBytes() {
        return index.estimatedBytes();
      }

      @Override
      public String toString() {
        return kind.label() + " index view of " + size();
      }
    };

    Side(EntityKind kind, S store, Supplier<I> newIndex) {
      this.kind = kind;
      this.store = store;
      this.newIndex = newIndex;
      this.index = newIndex.get();
    }

    Versioned<T> write(Function<S, Versioned<T>> op) {
      writeLock.lock();
      try {
        Versioned<T> stored = op.apply(store);
        index.upsert(stored.value());
        advancePast(1);
        return stored;
      } finally {
        writeLock.unlock();
      }
    }

    List<Versioned<T>> writeAll(List<T> batch) {
      writeLock.lock();
      try {
        List<Versioned<T>> stored = store.upsertAll(batch);
        List<T> values = new ArrayList<>(stored.size());
        for (Versioned<T> v : stored) {
          values.add(v.value());
        }
        index.upsertAll(values);
        advancePast(stored.size());
        return stored;
      } finally {
        writeLock.unlock();
      }
    }

    boolean remove(String id) {
      Checks.required(id, "id");
      writeLock.lock();
      try {
        boolean existed = store.delete(id);
        index.remove(id);
        advancePast(existed ? 1 : 0);
        return existed;
      } finally {
        writeLock.unlock();
      }
    }

    /**
     * After this engine's own write of {@code changes} log entries: when nobody else wrote in
     * between, the index already reflects the log up to its end, so refresh need not re-read it.
     */
    private void advancePast(int changes) {
      long last = store.lastSequence();
      if (last == appliedSequence + changes) {
        appliedSequence = last;
      }
    }

    void remove(String id, long expectedVersion) {
      Checks.required(id, "id");
      writeLock.lock();
      try {
        store.delete(id, expectedVersion);
        index.remove(id);
        advancePast(1);
      } finally {
        writeLock.unlock();
      }
    }

    void reload() {
      writeLock.lock();
      try {
        // Changes after this point are re-applied by refresh(); re-applying one is harmless.
        long from = store.lastSequence();
        List<T> all = new ArrayList<>();
        store.forEach(all::add);
        I fresh = newIndex.get();
        fresh.replaceAll(all);
        index = fresh;
        appliedSequence = from;
      } finally {
        writeLock.unlock();
      }
    }

    long refresh() {
      writeLock.lock();
      try {
        long applied = 0;
        while (true) {
          List<Change> changes = store.changesSince(appliedSequence, CHANGE_BATCH);
          if (changes.isEmpty()) {
            return applied;
          }
          Set<String> ids = new LinkedHashSet<>();
          for (Change c : changes) {
            ids.add(c.id());
          }
          List<T> upserts = new ArrayList<>();
          List<String> removals = new ArrayList<>();
          for (String id : ids) {
            Optional<Versioned<T>> current = store.find(id);
            if (current.isPresent()) {
              upserts.add(current.get().value());
            } else {
              removals.add(id);
            }
          }
          index.upsertAll(upserts);
          index.removeAll(removals);
          appliedSequence = changes.get(changes.size() - 1).sequence();
          applied += changes.size();
        }
      } finally {
        writeLock.unlock();
      }
    }

    long lag() {
      return Math.max(0, store.lastSequence() - appliedSequence);
    }

    @Override
    public String toString() {
      return kind.label() + " side";
    }
  }
}
