/**
 * Data life cycle for operators: retention (deleting what is older than the policy allows,
 * erasing the personal data of long-inactive workers) and the integrity check of stored
 * results, indexes and batch runs.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.lifecycle;

import org.jspecify.annotations.NullMarked;
