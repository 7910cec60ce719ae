/**
 * The matching Spring Boot starter: the configuration properties in {@code properties} (one class
 * per {@code matching.*} prefix) and the auto-configurations in {@code autoconfigure}, the REST API
 * in {@code web}, meters in {@code metrics}.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spring;

import org.jspecify.annotations.NullMarked;
