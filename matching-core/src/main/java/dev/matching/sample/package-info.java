/**
 * Deterministic, realistic sample markets of jobs and workers in Japan.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.sample;

import org.jspecify.annotations.NullMarked;
