package dev.matching.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.matching.batch.BatchProgress;
import dev.matching.query.Cursor;
import dev.matching.query.Match;
import dev.matching.query.MatchPage;
import dev.matching.scoring.Explanation;
import dev.matching.scoring.FactorExplanation;
import dev.matching.scoring.FactorScores;
import dev.matching.scoring.Rejection;
import dev.matching.spi.BatchRun;
import dev.matching.spi.MatchList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of results: match pages, explanations, stored lists and batch runs. */
public final class ResultJson {
  private ResultJson() {}

  /** Per-factor scores in [0, 1]. */
  public record FactorsJson(double distance, double skills, double schedule, double pay) {
    static FactorsJson of(FactorScores f) {
      return new FactorsJson(f.distance(), f.skills(), f.schedule(), f.pay());
    }
  }

  /** One ranked candidate. */
  public record MatchJson(String id, double score, FactorsJson factors) {
    static MatchJson of(Match m) {
      return new MatchJson(m.id(), m.score(), FactorsJson.of(m.factors()));
    }
  }

  /** A page of ranked candidates; {@code next_cursor} fetches the next page, absent on the last. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MatchPageJson(List<MatchJson> matches, @JsonProperty("next_cursor") @Nullable String nextCursor) {
    static MatchPageJson of(MatchPage page) {
      return new MatchPageJson(page.matches().stream().map(MatchJson::of).toList(), page.nextCursor().orElse(null));
    }

    /** The page with its next cursor written by {@code cursors} (e.g. sealed). */
    static MatchPageJson of(MatchPage page, Function<Cursor, String> cursors) {
      return new MatchPageJson(page.matches().stream().map(MatchJson::of).toList(),
          page.next() == null ? null : cursors.apply(page.next()));
    }
  }

  /** How one factor scored; {@code raw} is absent when the data was missing. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FactorExplanationJson(String factor, @Nullable Double raw, String unit, String detail,
      boolean missing, double score, double weight, double contribution) {
    static FactorExplanationJson of(FactorExplanation f) {
      return new FactorExplanationJson(f.factor().name().toLowerCase(java.util.Locale.ROOT),
          Double.isNaN(f.raw()) ? null : f.raw(), f.unit(), f.detail(), f.missing(), f.score(), f.weight(),
          f.contribution());
    }
  }

  /** A violated hard constraint. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RejectionJson(String reason, @Nullable String factor, String detail) {
    static RejectionJson of(Rejection r) {
      return new RejectionJson(r.reason().name().toLowerCase(java.util.Locale.ROOT),
          r.factor() == null ? null : r.factor().name().toLowerCase(java.util.Locale.ROOT), r.detail());
    }
  }

  /** Why a pair scores what it scores, or why it is excluded. */
  public record ExplanationJson(@JsonProperty("worker_id") String workerId, @JsonProperty("job_id") String jobId,
      String policy, boolean eligible, double total, List<FactorExplanationJson> factors,
      List<RejectionJson> rejections) {
    static ExplanationJson of(Explanation e) {
      return new ExplanationJson(e.workerId(), e.jobId(), e.policy(), e.eligible(), e.total(),
          e.factors().stream().map(FactorExplanationJson::of).toList(),
          e.rejections().stream().map(RejectionJson::of).toList());
    }
  }

  /**
   * A stored list from the last published batch generation ({@code source: batch}), or, when the
   * result store could not be read and the fallback is on, a live ranking ({@code source: live},
   * generation 0).
   */
  public record StoredMatchesJson(@JsonProperty("subject_id") String subjectId, long generation,
      @JsonProperty("computed_at") Instant computedAt, String source, List<MatchJson> matches) {
    static StoredMatchesJson of(MatchList list) {
      return new StoredMatchesJson(list.subjectId(), list.generation(), list.computedAt(), "batch",
          list.matches().stream().map(MatchJson::of).toList());
    }

    static StoredMatchesJson live(String subjectId, Instant now, MatchPage page) {
      return live(subjectId, now, page.matches());
    }

    static StoredMatchesJson live(String subjectId, Instant now, List<Match> matches) {
      return new StoredMatchesJson(subjectId, 0, now, "live", matches.stream().map(MatchJson::of).toList());
    }

    /** {@code list} with its matches replaced by {@code matches} (as a client is shown them). */
    static StoredMatchesJson of(MatchList list, List<Match> matches) {
      return new StoredMatchesJson(list.subjectId(), list.generation(), list.computedAt(), "batch",
          matches.stream().map(MatchJson::of).toList());
    }
  }

  /** A batch run with its progress. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BatchRunJson(
      @JsonProperty("batch_id") String batchId,
      @JsonProperty("batch_type") String batchType,
      String status,
      Map<String, String> parameters,
      @JsonProperty("total_partitions") int totalPartitions,
      @JsonProperty("done_partitions") int donePartitions,
      @JsonProperty("failed_partitions") int failedPartitions,
      @JsonProperty("processed_items") long processedItems,
      @JsonProperty("failed_items") long failedItems,
      double progress,
      @JsonProperty("items_per_second") double itemsPerSecond,
      @JsonProperty("estimated_seconds_remaining") @Nullable Long estimatedSecondsRemaining,
      @JsonProperty("triggered_by") String triggeredBy,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("started_at") @Nullable Instant startedAt,
      @JsonProperty("finished_at") @Nullable Instant finishedAt,
      @Nullable String error) {
    static BatchRunJson of(BatchProgress p) {
      BatchRun r = p.run();
      return new BatchRunJson(r.id(), r.type(), r.state().name().toLowerCase(java.util.Locale.ROOT), r.parameters(),
          r.partitions(), r.partitionsDone(), r.partitionsFailed(), r.itemsDone(), r.itemsFailed(),
          p.fraction(), p.itemsPerSecond(),
          p.estimatedRemaining().map(java.time.Duration::toSeconds).orElse(null),
          r.triggeredBy(), r.createdAt(), r.startedAt(), r.finishedAt(), r.error());
    }
  }

  /** A page of jobs or workers; {@code next_after} is the {@code after} of the next page. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ListPageJson<T>(List<T> items, @JsonProperty("next_after") @Nullable String nextAfter) {}

  /** What a bulk import stored and what it rejected, per record. */
  public record BulkResultJson(int received, int stored, List<RejectedRecordJson> rejected) {}

  /** One rejected record of a bulk import: its position, id (if any) and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RejectedRecordJson(int index, @Nullable String id, List<FieldError> errors) {}
}
