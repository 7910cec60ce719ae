package dev.matching.spi.memory;

import dev.matching.model.Worker;
import dev.matching.spi.WorkerStore;
import java.time.Clock;

/**
 * A {@link WorkerStore} held in memory, for tests, examples and single-node deployments that
 * rebuild their data at start. Thread-safe; nothing survives the process.
 */
public final class InMemoryWorkerStore extends InMemoryEntityStore<Worker> implements WorkerStore {

  /** An empty store stamping writes with {@link Clock#systemUTC()}. */
  public InMemoryWorkerStore() {
    this(Clock.systemUTC());
  }

  /** An empty store stamping writes ({@code updatedAt}) with {@code clock}. */
  public InMemoryWorkerStore(Clock clock) {
    super(clock, Worker::id);
  }
}
