package dev.matching.spi.memory;

import dev.matching.testkit.LifecycleContract;
import dev.matching.testkit.SettableClock;

/** Runs the lifecycle contract (retention, integrity check) on the in-memory stores. */
class InMemoryLifecycleTest extends LifecycleContract {
  @Override
  protected Stores newStores(SettableClock clock) {
    return new Stores(new InMemoryJobStore(clock), new InMemoryWorkerStore(clock), new InMemoryMatchResultStore(),
        new InMemoryBatchRunStore());
  }
}
