package dev.matching.spi.memory;

import dev.matching.spi.WorkerStore;
import dev.matching.testkit.WorkerStoreContract;
import java.time.Clock;

/** Runs the {@link WorkerStore} contract against {@link InMemoryWorkerStore}. */
class InMemoryWorkerStoreTest extends WorkerStoreContract {
  @Override
  protected WorkerStore newStore(Clock clock) {
    return new InMemoryWorkerStore(clock);
  }
}
