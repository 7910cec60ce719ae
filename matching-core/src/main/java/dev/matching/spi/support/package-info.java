/**
 * Help for storage adapter authors (ShedLock's {@code support} pattern): the limits and argument
 * checks every {@code dev.matching.spi} implementation applies the same way ({@link PageLimit},
 * {@link SpiArguments}), and small utilities for adapters' background work
 * ({@link DaemonThreads}). Published and stable like the SPIs themselves; the in-memory,
 * PostgreSQL and Redis adapters use it.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spi.support;

import org.jspecify.annotations.NullMarked;
