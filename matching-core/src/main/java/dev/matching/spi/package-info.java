/**
 * Storage service-provider interfaces: what the engine and the service persist.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spi;

import org.jspecify.annotations.NullMarked;
