/**
 * Auto-configurations of the matching starter: engine, batch, metrics, health and web.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
