/**
 * The storage SPI contracts as abstract JUnit 5 test classes: extend one, implement its factory
 * method, and the whole contract runs against your implementation.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.testkit;

import org.jspecify.annotations.NullMarked;
