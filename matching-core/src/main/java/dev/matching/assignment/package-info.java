/**
 * Capacity-aware assignment of workers to jobs: given each worker's scored candidate jobs, choose
 * edges so that no job exceeds its headcount and no worker its maximum number of offers, while
 * maximizing the total score. Pure algorithms on compact arrays; JDK only.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.assignment;

import org.jspecify.annotations.NullMarked;
