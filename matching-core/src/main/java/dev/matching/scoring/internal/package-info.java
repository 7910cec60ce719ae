/**
 * Internals of scoring shared with the index: the one scoring kernel ({@code Evaluator}), the
 * columnar layout of jobs it reads ({@code JobColumns}), compiled workers ({@code WorkerProfile})
 * and skill ids ({@code SkillCatalog}). Not part of the API: {@code module-info} exports this
 * package only to the benchmarks, and anything here may change in any release.
 *
 * <p>Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.scoring.internal;

import org.jspecify.annotations.NullMarked;
