/**
 * In-memory indexes for top-K search in both directions, with immutable snapshots swapped atomically on update.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.index;

import org.jspecify.annotations.NullMarked;
