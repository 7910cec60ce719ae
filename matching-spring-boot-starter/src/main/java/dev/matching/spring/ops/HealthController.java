package dev.matching.spring.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the plain, public liveness check of the operations manual
 * ({@code curl http://localhost:8080/health}), {@code {"status":"UP","ready":true,"maintenance":false}}:
 * {@code ready} is false while the application is still starting (data being loaded, the batch not
 * started yet) and during maintenance. Detailed health is at {@code /actuator/health}; the
 * readiness probe at {@code /actuator/health/readiness}.
 */
@RestController
public class HealthController {
  private final MaintenanceMode maintenance;
  private final @Nullable ApplicationAvailability availability;

  /** Reports {@code maintenance} and the readiness of {@code availability} (null: ready once serving). */
  public HealthController(MaintenanceMode maintenance, @Nullable ApplicationAvailability availability) {
    this.maintenance = maintenance;
    this.availability = availability;
  }

  /** UP while the process serves requests, with whether it is ready and whether maintenance is on. */
  @GetMapping("/health")
  public Map<String, Object> health() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("ready", !maintenance.isEnabled() && (availability == null
        || availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC));
    body.put("maintenance", maintenance.isEnabled());
    return body;
  }
}
