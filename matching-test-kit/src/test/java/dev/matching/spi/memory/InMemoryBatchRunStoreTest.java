package dev.matching.spi.memory;

import dev.matching.spi.BatchRunStore;
import dev.matching.testkit.BatchRunStoreContract;

/** Runs the {@link BatchRunStore} contract against {@link InMemoryBatchRunStore}. */
class InMemoryBatchRunStoreTest extends BatchRunStoreContract {
  @Override
  protected BatchRunStore newStore() {
    return new InMemoryBatchRunStore();
  }
}
