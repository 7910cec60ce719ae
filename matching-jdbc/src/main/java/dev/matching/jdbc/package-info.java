/**
 * PostgreSQL adapter of the storage SPIs of {@code dev.matching.spi}, over any
 * {@link javax.sql.DataSource}.
 *
 * <p>Start at {@link dev.matching.jdbc.JdbcMatchingStorage}: it migrates the schema with the
 * Flyway scripts shipped in this jar and hands out the job, worker, match-result and batch-run
 * stores. Every type in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.matching.jdbc;

import org.jspecify.annotations.NullMarked;
