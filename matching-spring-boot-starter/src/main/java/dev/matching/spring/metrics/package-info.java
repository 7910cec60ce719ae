/**
 * Micrometer meters of the matching service; names in {@link dev.matching.spring.metrics.MatchingMetrics}.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spring.metrics;

import org.jspecify.annotations.NullMarked;
