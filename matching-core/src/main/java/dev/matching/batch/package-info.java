/**
 * The daily matching batch: run model and partition processing.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.batch;

import org.jspecify.annotations.NullMarked;
