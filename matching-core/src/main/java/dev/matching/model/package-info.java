/**
 * Immutable, validated domain values: jobs, workers, locations, skills, shifts, availability and pay.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.model;

import org.jspecify.annotations.NullMarked;
