package dev.matching.spi;

import dev.matching.model.Job;

/** Durable home of {@link Job}s. Thread-safe; see {@link EntityStore} for the contract. */
public interface JobStore extends EntityStore<Job> {}
