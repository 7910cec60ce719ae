package dev.matching.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, so time-dependent behaviour (lease
 * expiry, {@code updatedAt}) is exact and never depends on how fast a test runs. Thread-safe:
 * threads may read and move it concurrently; clocks from {@link #withZone} share the time.
 */
public final class SettableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock standing at {@code start}, in UTC. */
  public SettableClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A clock in {@code zone} sharing this clock's time: moving either moves both. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new SettableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  /** Moves the clock to {@code instant} (backwards too). */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves the clock forward by {@code amount}; returns the new time. */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(t -> t.plus(amount));
  }

  @Override
  public String toString() {
    return "SettableClock[" + instant() + ", " + zone + "]";
  }
}
