package dev.matching.spring.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.matching.lifecycle.IntegrityCheck;
import dev.matching.lifecycle.IntegrityFinding;
import dev.matching.lifecycle.IntegrityReport;
import dev.matching.lifecycle.RetentionReport;
import dev.matching.lifecycle.RetentionTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's data lifecycle: runs the {@link RetentionTask} with an AUDIT event per erased
 * worker, a summary at info and a {@link DeletionObserver} (the Micrometer counter
 * {@code matching.retention.deleted} when metrics are on), and runs
 * the {@link IntegrityCheck}. Thread-safe; the JSON views are immutable.
 */
public class DataLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(DataLifecycle.class);

  private final RetentionTask retention;
  private final IntegrityCheck integrity;
  private final DeletionObserver observer;

  /** Hears what retention deleted, per kind; implementations are thread-safe. */
  @FunctionalInterface
  public interface DeletionObserver {
    /** Kinds reported. */
    List<String> KINDS = List.of("batch_runs", "match_lists", "workers");

    /** {@code count} items of {@code kind} (one of {@link #KINDS}) were deleted; called only when above 0. */
    void deleted(String kind, long count);
  }

  /** The lifecycle over {@code retention} and {@code integrity}, reporting deletions to {@code observer}. */
  public DataLifecycle(RetentionTask retention, IntegrityCheck integrity, DeletionObserver observer) {
    this.retention = retention;
    this.integrity = integrity;
    this.observer = observer;
  }

  /** Runs retention once on behalf of {@code actor} (an admin key, or {@code scheduler}). */
  public RetentionReport runRetention(String actor) {
    RetentionReport report = retention.run((id, lastActivity, changed) -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("worker", id);
      details.put("reason", "retention");
      details.put("last_activity", lastActivity);
      details.put("result_lists_changed", changed);
      AuditLog.record("erasure", actor, details);
    });
    deleted("batch_runs", report.batchRunsDeleted());
    deleted("match_lists", report.matchListsDeleted());
    deleted("workers", report.workersErased());
    LOG.atInfo().addKeyValue("category", "retention").addKeyValue("action", "retention")
        .log("Retention by {}: {} batch runs deleted (finished before {}), {} match lists deleted (computed before {}),"
                + " {} workers erased (inactive since before {}, {} result lists changed) in {} ms", actor,
            report.batchRunsDeleted(), report.batchRunsCutoff(), report.matchListsDeleted(), report.matchResultsCutoff(),
            report.workersErased(), report.inactiveWorkersCutoff(), report.resultListsChangedByErasure(),
            report.duration().toMillis());
    return report;
  }

  /** Runs the integrity check once; logs a summary at info (clean) or warn (findings). */
  public IntegrityReport checkIntegrity() {
    IntegrityReport report = integrity.run();
    if (report.clean()) {
      LOG.info("Integrity check: clean ({} jobs, {} workers, {} result lists, {} batch runs)", report.jobs(),
          report.workers(), report.resultLists(), report.batchRuns());
    } else {
      LOG.warn("Integrity check: {}", report.findings().stream()
          .map(f -> f.kind() + "=" + f.count()).toList());
    }
    return report;
  }

  private void deleted(String kind, long count) {
    if (count > 0) {
      observer.deleted(kind, count);
    }
  }

  /**
   * A retention report as JSON.
   *
   * @param startedAt when the run started
   * @param durationMs how long it took
   * @param batchRuns what happened to batch runs
   * @param matchLists what happened to stored match lists
   * @param workers what happened to inactive workers
   */
  public record RetentionJson(@JsonProperty("started_at") String startedAt, @JsonProperty("duration_ms") long durationMs,
      @JsonProperty("batch_runs") KindJson batchRuns, @JsonProperty("match_lists") KindJson matchLists,
      @JsonProperty("workers") WorkersJson workers) {

    /** The JSON view of {@code report}. */
    public static RetentionJson of(RetentionReport report) {
      return new RetentionJson(report.startedAt().toString(), report.duration().toMillis(),
          new KindJson(text(report.batchRunsCutoff()), report.batchRunsDeleted()),
          new KindJson(text(report.matchResultsCutoff()), report.matchListsDeleted()),
          new WorkersJson(text(report.inactiveWorkersCutoff()), report.workersErased(),
              report.resultListsChangedByErasure()));
    }
  }

  /**
   * One kind of data.
   *
   * @param cutoff data older than this was deleted; null when kept forever
   * @param deleted how many were deleted
   */
  public record KindJson(@Nullable String cutoff, long deleted) {}

  /**
   * Inactive workers.
   *
   * @param cutoff workers last written before this were erased; null when kept forever
   * @param erased how many were erased
   * @param resultListsChanged stored lists deleted or changed by the erasures
   */
  public record WorkersJson(@Nullable String cutoff, long erased,
      @JsonProperty("result_lists_changed") long resultListsChanged) {}

  /**
   * An integrity report as JSON.
   *
   * @param checkedAt when the check started
   * @param durationMs how long it took
   * @param clean whether nothing was found
   * @param checked how much was read: jobs, workers, result_lists, batch_runs
   * @param indexLag store changes the indexes had not applied (index findings may be only that)
   * @param findings per kind (lower case): count and a sample of ids
   */
  public record IntegrityJson(@JsonProperty("checked_at") String checkedAt, @JsonProperty("duration_ms") long durationMs,
      boolean clean, Map<String, Long> checked, @JsonProperty("index_lag") long indexLag,
      Map<String, FindingJson> findings) {

    /** The JSON view of {@code report}. */
    public static IntegrityJson of(IntegrityReport report) {
      Map<String, Long> checked = new LinkedHashMap<>();
      checked.put("jobs", report.jobs());
      checked.put("workers", report.workers());
      checked.put("result_lists", report.resultLists());
      checked.put("batch_runs", report.batchRuns());
      Map<String, FindingJson> findings = new LinkedHashMap<>();
      for (IntegrityFinding f : report.findings()) {
        findings.put(f.kind().name().toLowerCase(Locale.ROOT), new FindingJson(f.count(), f.sample()));
      }
      return new IntegrityJson(report.checkedAt().toString(), report.duration().toMillis(), report.clean(), checked,
          report.indexLag(), findings);
    }
  }

  /**
   * One kind of finding.
   *
   * @param count how many were found
   * @param sample the first ones found
   */
  public record FindingJson(long count, List<String> sample) {}

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }
}
