package dev.matching.spi;

import dev.matching.model.Worker;

/** Durable home of {@link Worker}s. Thread-safe; see {@link EntityStore} for the contract. */
public interface WorkerStore extends EntityStore<Worker> {}
