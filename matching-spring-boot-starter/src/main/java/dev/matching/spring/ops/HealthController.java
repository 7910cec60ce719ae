package dev.matching.spring.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the plain, public liveness check of the operations manual
 * ({@code curl http://localhost:8080/health}), {@code {"status":"UP","maintenance":false}}.
 * Detailed health is at {@code /actuator/health}; readiness at {@code /actuator/health/readiness}.
 */
@RestController
public class HealthController {
  private final MaintenanceMode maintenance;

  /** Reports {@code maintenance} along with the status. */
  public HealthController(MaintenanceMode maintenance) {
    this.maintenance = maintenance;
  }

  /** UP while the process serves requests, with whether maintenance is on. */
  @GetMapping("/health")
  public Map<String, Object> health() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("maintenance", maintenance.isEnabled());
    return body;
  }
}
