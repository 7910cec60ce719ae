/**
 * Thread-safe in-memory implementations of the storage SPIs.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spi.memory;

import org.jspecify.annotations.NullMarked;
