/**
 * The engine's entry point, {@link dev.matching.MatchingEngine}, and the core exception hierarchy.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching;

import org.jspecify.annotations.NullMarked;
