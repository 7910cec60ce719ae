/**
 * Scoring of one (worker, job) pair: factor functions, policies, hard constraints and explanations.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.scoring;

import org.jspecify.annotations.NullMarked;
