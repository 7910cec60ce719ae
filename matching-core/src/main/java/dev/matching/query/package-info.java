/**
 * Ranking requests, filters, opaque cursors and ranked pages.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.query;

import org.jspecify.annotations.NullMarked;
