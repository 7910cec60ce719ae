package dev.matching.spring.ops;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/**
 * Boot's readiness indicator ({@code readinessState}, behind {@code /actuator/health/readiness}),
 * refusing traffic while maintenance is on, including a maintenance mode configured at startup.
 */
public class MaintenanceAwareReadinessIndicator extends ReadinessStateHealthIndicator {
  private final MaintenanceMode maintenance;

  /** Boot's readiness from {@code availability}, overridden by {@code maintenance}. */
  public MaintenanceAwareReadinessIndicator(ApplicationAvailability availability, MaintenanceMode maintenance) {
    super(availability);
    this.maintenance = maintenance;
  }

  @Override
  protected AvailabilityState getState(ApplicationAvailability applicationAvailability) {
    return maintenance.isEnabled() ? ReadinessState.REFUSING_TRAFFIC : super.getState(applicationAvailability);
  }
}
