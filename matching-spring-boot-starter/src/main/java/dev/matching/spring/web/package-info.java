/**
 * The REST API of the matching service: controllers, JSON shapes, problem+json errors.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.spring.web;

import org.jspecify.annotations.NullMarked;
