package dev.matching.spring.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.matching.NotFoundException;
import dev.matching.batch.MatchingBatch;
import dev.matching.spring.web.ResultJson.BatchRunJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The batch endpoints of the operations manual: trigger, status of one run, recent runs, retry.
 * A trigger while a run is active answers 409.
 */
@Tag(name = "batch", description = "The daily matching batch")
@RestController
@RequestMapping("/api/v1/batch")
public class BatchController implements MatchingApiController {
  private static final int MAX_LIST = 100;
  private final MatchingBatch batch;
  private final Clock clock;

  /** Endpoints over {@code batch}. */
  public BatchController(MatchingBatch batch, Clock clock) {
    this.batch = batch;
    this.clock = clock;
  }

  /**
   * The body of a trigger.
   *
   * @param batchType must be {@code daily_matching}
   * @param topN matches stored per subject; the configured default when absent
   * @param triggeredBy who asks, for the record; the caller's API key name (or {@code api}
   *     without security) when absent
   */
  public record TriggerRequest(
      @JsonProperty("batch_type") @Nullable String batchType,
      @JsonProperty("top_n") @Nullable Integer topN,
      @JsonProperty("triggered_by") @Nullable String triggeredBy) {}

  /** Starts a run (202 with the queued run). */
  @Operation(summary = "Start a batch run",
      description = "202 with the queued run; 409 when a run is active.")
  @PostMapping("/trigger")
  public ResponseEntity<BatchRunJson> trigger(@RequestBody TriggerRequest request, HttpServletRequest http) {
    if (request.batchType() == null) {
      throw InvalidRequestException.of("batch_type", "is required (\"" + MatchingBatch.DAILY_MATCHING + "\")");
    }
    if (!MatchingBatch.DAILY_MATCHING.equals(request.batchType())) {
      throw InvalidRequestException.of("batch_type",
          "must be \"" + MatchingBatch.DAILY_MATCHING + "\", was \"" + request.batchType() + "\"");
    }
    int topN = request.topN() == null ? batch.config().topN() : request.topN();
    if (topN < 1 || topN > dev.matching.batch.BatchConfig.MAX_TOP_N) {
      throw InvalidRequestException.of("top_n", "must be within [1, " + dev.matching.batch.BatchConfig.MAX_TOP_N + "], was " + topN);
    }
    Principal caller = http.getUserPrincipal();
    String who = request.triggeredBy() != null && !request.triggeredBy().isBlank() ? request.triggeredBy()
        : caller != null ? caller.getName() : "api";
    var run = batch.trigger(request.batchType(), topN, who);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(run.id()));
  }

  /** One run with its progress. */
  @Operation(summary = "One batch run",
      description = "State, partitions, items, progress, rate, estimated time left and error of one run.")
  @GetMapping("/status/{id}")
  public BatchRunJson status(@PathVariable String id) {
    return json(id);
  }

  /** The most recent runs, newest first. */
  @Operation(summary = "Recent batch runs",
      description = "The most recent runs, newest first.")
  @GetMapping("/status")
  public List<BatchRunJson> recent(@RequestParam(required = false) @Nullable Integer limit) {
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > MAX_LIST) {
      throw InvalidRequestException.of("limit", "must be within [1, " + MAX_LIST + "], was " + size);
    }
    return batch.runs(null, size).stream()
        .map(r -> BatchRunJson.of(dev.matching.batch.BatchProgress.of(r, clock.instant()))).toList();
  }

  /** Queues a failed or cancelled run again; it resumes from its checkpoints (202). */
  @Operation(summary = "Retry a batch run",
      description = "Queues a failed or cancelled run again; it resumes from its checkpoints (202).")
  @PostMapping("/retry/{id}")
  public ResponseEntity<BatchRunJson> retry(@PathVariable String id) {
    if (batch.status(id).isEmpty()) {
      throw new NotFoundException("batch run", id);
    }
    try {
      batch.retry(id);
    } catch (IllegalArgumentException e) {
      throw new StateConflictException("batch run " + id + " cannot be retried: " + e.getMessage());
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(id));
  }

  /** Cancels an active run. */
  @Operation(summary = "Cancel a batch run",
      description = "Cancels an active run.")
  @PostMapping("/cancel/{id}")
  public BatchRunJson cancel(@PathVariable String id) {
    batch.cancel(id);
    return json(id);
  }

  private BatchRunJson json(String id) {
    if (batch.status(id).isEmpty()) {
      throw new NotFoundException("batch run", id);
    }
    return BatchRunJson.of(batch.progress(id));
  }
}
