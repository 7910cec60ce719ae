package dev.matching.lifecycle;

import dev.matching.MatchingEngine;
import dev.matching.batch.RunParameters;
import dev.matching.index.IndexView;
import dev.matching.lifecycle.IntegrityFinding.Kind;
import dev.matching.model.EntityKind;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.EntityStore;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionState;
import dev.matching.spi.PartitionStatus;
import dev.matching.spi.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The data integrity check: compares stored results, the engine's indexes, the entity stores and
 * the batch runs, and reports every {@link IntegrityFinding.Kind} of inconsistency with a count
 * and a bounded sample. Read-only: it changes nothing. Thread-safe (no state between runs).
 *
 * <p>Run it when a batch failed or data looks corrupted. Writes during the check can show up as
 * findings that are not corruption (a worker deleted after its list was read); a finding that is
 * still there when the check is run again on a quiet system is real. Index findings while the
 * report's {@code indexLag} is above 0 may only be writes of other nodes not refreshed yet.
 *
 * <p>Cost: reads every stored entity and every stored list once, and holds the ids of all
 * entities in memory (tens of bytes each).
 */
public final class IntegrityCheck {
  private static final int PAGE = 1_000;

  private final MatchingEngine engine;
  private final MatchResultStore results;
  private final @Nullable BatchRunStore batchRuns;
  private final IntegrityCheckConfig config;
  private final Clock clock;

  /** A check of the engine's stores and indexes, {@code results} and {@code batchRuns} (null: none). */
  public IntegrityCheck(MatchingEngine engine, MatchResultStore results, @Nullable BatchRunStore batchRuns,
      IntegrityCheckConfig config, Clock clock) {
    this.engine = Checks.required(engine, "engine");
    this.results = Checks.required(results, "results");
    this.batchRuns = batchRuns;
    this.config = Checks.required(config, "config");
    this.clock = Checks.required(clock, "clock");
  }

  /** Runs the check once. */
  public IntegrityReport run() {
    Instant started = clock.instant();
    long lag = engine.indexLag();
    Findings findings = new Findings(config.sampleSize());
    Map<String, Stored> jobs = scan(EntityKind.JOB, engine.jobStore(), engine.jobIndex(), Job::id, Job::open, findings);
    Map<String, Stored> workers =
        scan(EntityKind.WORKER, engine.workerStore(), engine.workerIndex(), Worker::id, Worker::active, findings);

    Set<Long> activeGenerations = new HashSet<>();
    Set<String> unreadableRuns = new HashSet<>();
    List<BatchRun> runs = batchRuns == null ? List.of() : batchRuns.list(null, config.batchRuns());
    for (BatchRun run : runs) {
      try {
        RunParameters parameters = RunParameters.of(run);
        if (run.state().active()) {
          activeGenerations.add(parameters.generation());
        }
      } catch (IllegalArgumentException unreadable) {
        unreadableRuns.add(run.id());
      }
    }
    long lists = 0;
    for (Direction direction : Direction.values()) {
      Map<String, Stored> subjects = direction == Direction.JOBS_FOR_WORKER ? workers : jobs;
      Map<String, Stored> matched = direction == Direction.JOBS_FOR_WORKER ? jobs : workers;
      long published = results.publishedGeneration(direction).orElse(0);
      Set<String> ranked = new HashSet<>();
      String prefix = direction.name().toLowerCase(java.util.Locale.ROOT) + "/";
      for (long generation : results.generations(direction)) {
        String after = null;
        List<MatchList> page;
        do {
          page = results.list(direction, generation, after, PAGE);
          for (MatchList list : page) {
            lists++;
            String where = prefix + list.subjectId();
            if (generation == published) {
              ranked.add(list.subjectId());
              Stored subject = subjects.get(list.subjectId());
              if (subject == null) {
                findings.add(Kind.RESULT_SUBJECT_MISSING, where);
              } else if (!subject.live()) {
                findings.add(Kind.RESULT_SUBJECT_INACTIVE, where);
              }
              for (Match match : list.matches()) {
                if (!matched.containsKey(match.id())) {
                  findings.add(Kind.RESULT_MATCH_MISSING, where + "->" + match.id());
                }
              }
            } else if (!activeGenerations.contains(generation)) {
              findings.add(Kind.RESULT_LEFTOVER, where + "@" + generation);
            }
          }
          if (!page.isEmpty()) {
            after = page.get(page.size() - 1).subjectId();
          }
        } while (page.size() == PAGE);
      }
      if (published > 0) {
        unranked(prefix, subjects, ranked, Instant.ofEpochMilli(published), findings);
      }
    }

    BatchRunStore runStore = batchRuns;
    if (runStore != null) {
      for (BatchRun run : runs) {
        checkRun(run, runStore.partitions(run.id()), unreadableRuns.contains(run.id()), started, findings);
      }
    }
    return new IntegrityReport(started, Duration.between(started, clock.instant()), jobs.size(), workers.size(),
        lists, runs.size(), lag, findings.toList());
  }

  /**
   * Reads every stored entity, compares it with the index, and finds indexed entities not
   * stored; returns the stored ids with whether each is live (open job, active worker).
   */
  private static <T> Map<String, Stored> scan(EntityKind kind, EntityStore<T> store, IndexView<T> index,
      Function<T, String> idOf, Predicate<T> live, Findings findings) {
    Map<String, Stored> ids = new HashMap<>();
    String after = null;
    List<Versioned<T>> page;
    do {
      page = store.list(after, PAGE);
      for (Versioned<T> stored : page) {
        T value = stored.value();
        String id = idOf.apply(value);
        ids.put(id, new Stored(live.test(value), stored.updatedAt()));
        T indexed = index.get(id).orElse(null);
        if (indexed == null) {
          findings.add(Kind.INDEX_MISSING, kind.label() + ":" + id);
        } else if (!indexed.equals(value)) {
          findings.add(Kind.INDEX_STALE, kind.label() + ":" + id);
        }
        after = id;
      }
    } while (page.size() == PAGE);
    index.forEach(indexed -> {
      String id = idOf.apply(indexed);
      if (!ids.containsKey(id)) {
        findings.add(Kind.INDEX_ORPHAN, kind.label() + ":" + id);
      }
    });
    return ids;
  }

  /**
   * Live subjects stored, unchanged, since before the published generation was triggered (its
   * number is the trigger's time in epoch milliseconds) that have no list in it: the run that
   * published it ranked an incomplete index (for example one still being loaded).
   */
  private static void unranked(String prefix, Map<String, Stored> subjects, Set<String> ranked, Instant triggered,
      Findings findings) {
    subjects.forEach((id, subject) -> {
      if (subject.live() && subject.updatedAt().isBefore(triggered) && !ranked.contains(id)) {
        findings.add(Kind.RESULT_SUBJECT_UNRANKED, prefix + id);
      }
    });
  }

  /** What the check keeps of a stored entity. */
  private record Stored(boolean live, Instant updatedAt) {}

  /**
   * Finds a run inconsistent when its partitions do not add up to it or the batch cannot read its
   * parameters ({@code unreadable}), and stalled when active with no recent lease.
   */
  private void checkRun(BatchRun run, List<PartitionStatus> partitions, boolean unreadable, Instant now,
      Findings findings) {
    int done = 0;
    int failed = 0;
    int running = 0;
    long itemsDone = 0;
    Instant lastLease = null;
    for (PartitionStatus p : partitions) {
      if (p.state() == PartitionState.DONE) {
        done++;
        itemsDone += p.items();
      } else if (p.state() == PartitionState.FAILED) {
        failed++;
      } else if (p.state() == PartitionState.RUNNING) {
        running++;
      }
      if (p.leaseExpiresAt() != null && (lastLease == null || p.leaseExpiresAt().isAfter(lastLease))) {
        lastLease = p.leaseExpiresAt();
      }
    }
    boolean active = run.state().active();
    if (unreadable || partitions.size() != run.partitions() || done != run.partitionsDone()
        || failed != run.partitionsFailed() || itemsDone != run.itemsDone() || (!active && running > 0)) {
      findings.add(Kind.BATCH_RUN_INCONSISTENT, run.id());
    }
    if (active) {
      Instant since = run.startedAt() != null ? run.startedAt() : run.createdAt();
      if (lastLease != null && lastLease.isAfter(since)) {
        since = lastLease;
      }
      if (Duration.between(since, now).compareTo(config.stalledAfter()) > 0) {
        findings.add(Kind.BATCH_RUN_STALLED, run.id());
      }
    }
  }

  /** Counts and samples per kind; not thread-safe (used by one run). */
  private static final class Findings {
    private final int sampleSize;
    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, List<String>> samples = new EnumMap<>(Kind.class);

    Findings(int sampleSize) {
      this.sampleSize = sampleSize;
    }

    void add(Kind kind, String what) {
      counts.merge(kind, 1L, Long::sum);
      List<String> sample = samples.computeIfAbsent(kind, k -> new ArrayList<>());
      if (sample.size() < sampleSize) {
        sample.add(what);
      }
    }

    List<IntegrityFinding> toList() {
      List<IntegrityFinding> list = new ArrayList<>();
      counts.forEach((kind, count) -> list.add(new IntegrityFinding(kind, count, samples.get(kind))));
      return list;
    }
  }
}
