package dev.matching.spi.memory;

import dev.matching.model.Job;
import dev.matching.spi.JobStore;
import java.time.Clock;

/**
 * A {@link JobStore} held in memory, for tests, examples and single-node deployments that
 * rebuild their data at start. Thread-safe; nothing survives the process.
 */
public final class InMemoryJobStore extends InMemoryEntityStore<Job> implements JobStore {

  /** An empty store stamping writes with {@link Clock#systemUTC()}. */
  public InMemoryJobStore() {
    this(Clock.systemUTC());
  }

  /** An empty store stamping writes ({@code updatedAt}) with {@code clock}. */
  public InMemoryJobStore(Clock clock) {
    super(clock, Job::id);
  }
}
