package dev.matching.spi.memory;

import dev.matching.spi.MatchResultStore;
import dev.matching.testkit.MatchResultStoreContract;

/** Runs the {@link MatchResultStore} contract against {@link InMemoryMatchResultStore}. */
class InMemoryMatchResultStoreTest extends MatchResultStoreContract {
  @Override
  protected MatchResultStore newStore() {
    return new InMemoryMatchResultStore();
  }
}
