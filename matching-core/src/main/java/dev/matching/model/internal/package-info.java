/**
 * Internals of the model shared by matching-core's packages and the project's own modules: the
 * argument checks ({@code Checks}), the distance formula ({@code Haversine}) and availability as
 * intervals ({@code Timeline}). Not part of the API: {@code module-info} exports this package only
 * to the project's modules, and anything here may change in any release.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.model.internal;

import org.jspecify.annotations.NullMarked;
