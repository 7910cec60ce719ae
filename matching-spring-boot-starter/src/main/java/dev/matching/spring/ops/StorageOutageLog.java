package dev.matching.spring.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of entity-store outages: one WARN when the store stops answering (its first failure,
 * with the cause's message and one stack trace) and one WARN when it answers again, naming how
 * long the outage lasted and how many requests were refused meanwhile. Failures in between are
 * only counted, so an outage does not write a stack trace per 503. Requests report refusals,
 * probes and pollers (the health indicator, the index refresher) report failures and answers.
 * Thread-safe.
 */
public final class StorageOutageLog {
  private static final Logger LOG = LoggerFactory.getLogger(StorageOutageLog.class);
  private final Clock clock;
  /** When the current outage began; null while the store answers. Written under the lock. */
  private volatile @Nullable Instant since;
  private long refused;

  /** With the system clock. */
  public StorageOutageLog() {
    this(Clock.systemUTC());
  }

  /** With {@code clock} for the outage's duration. */
  public StorageOutageLog(Clock clock) {
    this.clock = clock;
  }

  /** A request was refused (503) because the store failed with {@code cause}. */
  public synchronized void refused(Throwable cause) {
    failed(cause);
    refused++;
  }

  /** A probe or poller found the store failing with {@code cause}; not counted as a refusal. */
  public synchronized void failed(Throwable cause) {
    if (since == null) {
      since = clock.instant();
      refused = 0;
      LOG.warn("the data store is unavailable: {}; requests needing it are answered 503 until it answers again"
          + " (further failures are counted, not logged)", cause.getMessage(), cause);
    }
  }

  /** The store answered: ends the outage, if there was one, with a WARN naming what it refused. */
  public void answered() {
    if (since == null) {
      return;
    }
    synchronized (this) {
      Instant began = since;
      if (began == null) {
        return;
      }
      since = null;
      LOG.warn("the data store answers again after an outage of {} s; {} requests were refused during it",
          Duration.between(began, clock.instant()).toMillis() / 1000.0, refused);
      refused = 0;
    }
  }

  /** Whether an outage is going on (a failure was reported and no answer since). */
  public boolean isOutage() {
    return since != null;
  }

  /** Requests refused in the current outage; 0 when there is none. */
  public synchronized long refusedCount() {
    return since == null ? 0 : refused;
  }
}
