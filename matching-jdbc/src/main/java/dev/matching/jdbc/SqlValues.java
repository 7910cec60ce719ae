package dev.matching.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Binding and reading of instants and arrays, explicit so that neither the JVM's default zone
 * nor the session's {@code TimeZone} can shift a timestamp. Stateless.
 *
 * <p>Instants are bound as {@link OffsetDateTime} at UTC into {@code timestamptz} columns and read
 * back as {@link OffsetDateTime}, both of which the PostgreSQL driver converts without looking at
 * any zone. PostgreSQL keeps microseconds, so instants are truncated to microseconds before they
 * are written and returned.
 */
final class SqlValues {

  private SqlValues() {}

  /** {@code instant} as PostgreSQL will store it. */
  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** An argument binding {@code instant} (or SQL NULL) as {@code timestamptz}. */
  static Argument timestamp(@Nullable Instant instant) {
    return (position, statement, context) -> {
      if (instant == null) {
        statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        statement.setObject(position, OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC));
      }
    };
  }

  /** The {@code timestamptz} column {@code column}, or null. */
  static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The non-null {@code timestamptz} column {@code column}. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    Instant value = instantOrNull(rs, column);
    if (value == null) {
      throw new SQLException("column " + column + " is unexpectedly NULL");
    }
    return value;
  }

  /** An argument binding {@code values} as an SQL array of {@code elementType} ({@code text}, {@code float8}...). */
  static Argument array(String elementType, Object[] values) {
    return (position, statement, context) ->
        statement.setArray(position, statement.getConnection().createArrayOf(elementType, values));
  }
}
