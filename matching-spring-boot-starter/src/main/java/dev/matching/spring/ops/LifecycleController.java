package dev.matching.spring.ops;

import dev.matching.spring.web.MatchingApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin endpoints of the data lifecycle ({@code /api/v1/admin}, admin keys only): run retention
 * now, run the integrity check. Thread-safe.
 */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin")
public class LifecycleController implements MatchingApiController {
  private final DataLifecycle lifecycle;

  /** Endpoints over {@code lifecycle}. */
  public LifecycleController(DataLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /**
   * Runs retention now with the configured ages and returns what it deleted. Idempotent; each
   * erased worker is an AUDIT event with the calling key as actor.
   */
  @Operation(summary = "Run retention now",
      description = "Deletes old batch runs and match lists and erases inactive workers with the configured ages; returns what was deleted.")
  @PostMapping("/retention/run")
  public DataLifecycle.RetentionJson runRetention(HttpServletRequest http) {
    return DataLifecycle.RetentionJson.of(lifecycle.runRetention(AuditFilter.actor(http)));
  }

  /** Runs the integrity check (read-only) and returns its report; 200 whether clean or not. */
  @Operation(summary = "Run the integrity check",
      description = "Read-only; 200 with the report whether clean or not.")
  @PostMapping("/integrity-check")
  public DataLifecycle.IntegrityJson checkIntegrity() {
    return DataLifecycle.IntegrityJson.of(lifecycle.checkIntegrity());
  }
}
