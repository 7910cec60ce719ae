/**
 * The configuration properties of the matching starter, one class per prefix under
 * {@code matching.*} (for example {@link dev.matching.spring.properties.MatchingBatchProperties}
 * for {@code matching.batch.*}), each bound by the auto-configuration of its concern. Every
 * property has a default that works on a laptop; values are checked at startup and a bad one
 * stops the application with a message naming the property.
 *
 * <p>Each class is an immutable record bound through its canonical constructor: its defaults are
 * the {@code @DefaultValue} literals on its components (the metadata an IDE shows is read from
 * them and from the {@code @param} tags), a property is read with its accessor
 * ({@code batch.topN()}), and an instance is safe to share between threads.
 *
 * <p>A leaf package: it depends on nothing else of the starter, so the auto-configurations and
 * the helpers they use ({@code security}, {@code web}, {@code ops}) can all read it.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spring.properties;

import org.jspecify.annotations.NullMarked;
