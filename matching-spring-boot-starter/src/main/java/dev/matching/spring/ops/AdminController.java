package dev.matching.spring.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.spi.BatchRun;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.web.InvalidRequestException;
import dev.matching.spring.web.MatchingApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootVersion;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin endpoints ({@code /api/v1/admin}, admin keys only): maintenance mode, system
 * information, and erasure of a worker's personal data. Every change is an AUDIT event.
 */
@Tag(name = "admin", description = "Operations: maintenance, system information, erasure (admin keys)")
@RestController
@RequestMapping("/api/v1/admin")
public class AdminController implements MatchingApiController {
  private final MatchingEngine engine;
  private final MatchResultStore results;
  private final MaintenanceMode maintenance;
  private final @Nullable MatchingBatch batch;
  private final @Nullable DatabasePool databasePool;
  private final Clock clock;

  /** Admin endpoints; {@code batch} and {@code databasePool} are null when the service has none. */
  public AdminController(MatchingEngine engine, MatchResultStore results, MaintenanceMode maintenance,
      @Nullable MatchingBatch batch, @Nullable DatabasePool databasePool, Clock clock) {
    this.engine = engine;
    this.results = results;
    this.maintenance = maintenance;
    this.batch = batch;
    this.databasePool = databasePool;
    this.clock = clock;
  }

  /**
   * The body of a maintenance switch.
   *
   * @param enabled whether maintenance should be on
   */
  public record MaintenanceRequest(@Nullable Boolean enabled) {}

  /**
   * The maintenance state.
   *
   * @param enabled whether maintenance is on
   * @param since when it was last switched
   * @param changedBy who switched it
   */
  public record MaintenanceJson(boolean enabled, Instant since, @JsonProperty("changed_by") String changedBy) {
    static MaintenanceJson of(MaintenanceMode.State state) {
      return new MaintenanceJson(state.enabled(), state.since(), state.changedBy());
    }
  }

  /**
   * What a personal-data erasure did.
   *
   * @param workerId the erased worker
   * @param workerRemoved whether the worker was stored (and is now removed from store and index)
   * @param resultListsChanged stored match lists deleted or changed to drop the worker
   */
  public record ErasureJson(@JsonProperty("worker_id") String workerId,
      @JsonProperty("worker_removed") boolean workerRemoved,
      @JsonProperty("result_lists_changed") long resultListsChanged) {}

  /** Whether maintenance is on, since when and by whom. */
  @Operation(summary = "Maintenance state",
      description = "Whether maintenance is on, since when and by whom.")
  @GetMapping("/maintenance")
  public MaintenanceJson maintenance() {
    return MaintenanceJson.of(maintenance.state());
  }

  /** Switches maintenance on or off ({@code {"enabled":true}}). */
  @Operation(summary = "Switch maintenance on or off",
      description = "In maintenance, writes answer 503 and readiness refuses traffic; reads keep working.")
  @PostMapping("/maintenance")
  public MaintenanceJson switchMaintenance(@RequestBody MaintenanceRequest request, HttpServletRequest http) {
    if (request.enabled() == null) {
      throw InvalidRequestException.of("enabled", "is required (true or false)");
    }
    String actor = AuditFilter.actor(http);
    MaintenanceMode.State state = maintenance.set(request.enabled(), actor);
    AuditLog.record("maintenance", actor, Map.of("enabled", state.enabled()));
    return MaintenanceJson.of(state);
  }

  /**
   * Version, uptime, the indexes, the database pool (when the service has a Hikari pool) and the
   * last batch run, as in the operations manual's {@code system-info}.
   */
  @Operation(summary = "System information",
      description = "Version, uptime, the indexes, the database pool and the last batch run.")
  @GetMapping("/system-info")
  public Map<String, Object> systemInfo() {
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    Map<String, Object> info = new LinkedHashMap<>();
    String version = MatchingEngine.class.getPackage().getImplementationVersion();
    info.put("version", version == null ? "development" : version);
    info.put("spring_boot", SpringBootVersion.getVersion());
    info.put("java", runtime.getVmVendor() + " " + Runtime.version());
    info.put("started_at", Instant.ofEpochMilli(runtime.getStartTime()).toString());
    info.put("uptime_seconds", Duration.ofMillis(runtime.getUptime()).toSeconds());
    info.put("maintenance", maintenance.isEnabled());
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("jobs", engine.jobIndex().size());
    index.put("workers", engine.workerIndex().size());
    index.put("lag", engine.indexLag());
    info.put("index", index);
    if (databasePool != null) {
      info.put("database", Map.of("pool_stats", databasePool.stats()));
    }
    info.put("last_batch_run", batch == null ? null : lastRun(batch));
    return info;
  }

  private @Nullable Map<String, Object> lastRun(MatchingBatch matchingBatch) {
    List<BatchRun> runs = matchingBatch.runs(MatchingBatch.DAILY_MATCHING, 1);
    if (runs.isEmpty()) {
      return null;
    }
    BatchRun run = runs.get(0);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("batch_id", run.id());
    json.put("status", run.state().name().toLowerCase(Locale.ROOT));
    json.put("created_at", run.createdAt().toString());
    json.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
    json.put("age_seconds", Duration.between(run.createdAt(), clock.instant()).toSeconds());
    return json;
  }

  /**
   * Erases a worker's personal data: removes the worker from the store and the indexes (so no
   * live ranking returns it) and from every stored batch result. Idempotent: erasing again, or a
   * worker already deleted, still removes whatever results remain.
   */
  @Operation(summary = "Erase a worker's personal data",
      description = "Removes the worker from the store, every node's indexes and every stored result list. Idempotent.")
  @DeleteMapping("/workers/{id}/personal-data")
  public ErasureJson erasePersonalData(@PathVariable String id, HttpServletRequest http) {
    boolean removed = engine.removeWorker(id);
    long changed = results.erase(id);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("worker", id);
    details.put("worker_removed", removed);
    details.put("result_lists_changed", changed);
    AuditLog.record("erasure", AuditFilter.actor(http), details);
    return new ErasureJson(id, removed, changed);
  }
}
