package dev.matching.spring.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Whether the service is in maintenance: reads keep working, writes are refused with 503 by
 * {@link MaintenanceFilter}, and readiness is {@link ReadinessState#REFUSING_TRAFFIC} so load
 * balancers and Kubernetes take the node out of rotation. Switched at startup by
 * {@code matching.maintenance.enabled} and at run time by the admin API; each switch publishes an
 * {@link AvailabilityChangeEvent}. Boot declares the application ready after startup whatever
 * this says, so the readiness probe also asks {@link MaintenanceAwareReadinessIndicator}.
 * Thread-safe.
 */
public class MaintenanceMode {

  /**
   * The current state.
   *
   * @param enabled whether maintenance is on
   * @param since when it was last switched
   * @param changedBy who switched it ({@code configuration} at startup)
   */
  public record State(boolean enabled, Instant since, String changedBy) {}

  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration retryAfter;
  private final AtomicReference<State> state;

  /** Starts {@code enabled} or not; refused writes are told to retry after {@code retryAfter}. */
  public MaintenanceMode(boolean enabled, Duration retryAfter, ApplicationEventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
    this.retryAfter = retryAfter;
    this.state = new AtomicReference<>(new State(enabled, clock.instant(), "configuration"));
  }

  /** The current state. */
  public State state() {
    return state.get();
  }

  /** Whether maintenance is on. */
  public boolean isEnabled() {
    return state.get().enabled();
  }

  /** What writes refused during maintenance are told to wait. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Switches maintenance on or off, publishes the readiness change, and returns the new state. */
  public State set(boolean enabled, String changedBy) {
    State next = new State(enabled, clock.instant(), changedBy);
    state.set(next);
    AvailabilityChangeEvent.publish(events, this,
        enabled ? ReadinessState.REFUSING_TRAFFIC : ReadinessState.ACCEPTING_TRAFFIC);
    return next;
  }

  /** For logs. */
  @Override
  public String toString() {
    State s = state.get();
    return "MaintenanceMode[enabled=" + s.enabled() + ", since=" + s.since() + "]";
  }
}
