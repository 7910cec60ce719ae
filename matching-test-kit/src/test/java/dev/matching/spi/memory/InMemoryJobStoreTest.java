package dev.matching.spi.memory;

import dev.matching.spi.JobStore;
import dev.matching.testkit.JobStoreContract;
import java.time.Clock;

/** Runs the {@link JobStore} contract against {@link InMemoryJobStore}. */
class InMemoryJobStoreTest extends JobStoreContract {
  @Override
  protected JobStore newStore(Clock clock) {
    return new InMemoryJobStore(clock);
  }
}
