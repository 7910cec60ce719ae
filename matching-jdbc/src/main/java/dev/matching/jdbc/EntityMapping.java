package dev.matching.jdbc;

import dev.matching.model.EntityKind;
import dev.matching.model.GeoPoint;
import java.sql.Types;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one entity type maps to its table: the id, the query columns copied out of the entity and
 * its JSON document. Stateless and thread-safe.
 *
 * @param <T> the entity type
 */
interface EntityMapping<T> {

  /** Which entity this maps; its {@link EntityKind#label()} names it in messages. */
  EntityKind kind();

  /** The entity table's unprefixed name. */
  String table();

  /** The change-log table's unprefixed name. */
  String changeTable();

  /** The entity's id. */
  String id(T entity);

  /** The columns besides id, version, updated_at and body, in a fixed order. */
  List<Column<T>> columns();

  /** The JSON document stored in {@code body}. */
  String toJson(T entity);

  /** The entity read back from its {@code body}. */
  T fromJson(String json);

  /** The latitude column of an optional point. */
  static @Nullable Double latitude(@Nullable GeoPoint point) {
    return point == null ? null : point.latitude();
  }

  /** The longitude column of an optional point. */
  static @Nullable Double longitude(@Nullable GeoPoint point) {
    return point == null ? null : point.longitude();
  }

  /**
   * One query column copied out of the entity.
   *
   * @param name column name
   * @param sqlType PostgreSQL element type name for arrays ({@code text}, {@code float8},
   *     {@code int4}, {@code bool})
   * @param jdbcType JDBC type for binding NULL
   * @param value the column's value for an entity, null for SQL NULL
   * @param <T> the entity type
   */
  record Column<T>(String name, String sqlType, int jdbcType, Function<T, @Nullable Object> value) {

    static <T> Column<T> text(String name, Function<T, @Nullable Object> value) {
      return new Column<>(name, "text", Types.VARCHAR, value);
    }

    static <T> Column<T> float8(String name, Function<T, @Nullable Object> value) {
      return new Column<>(name, "float8", Types.DOUBLE, value);
    }

    static <T> Column<T> int4(String name, Function<T, @Nullable Object> value) {
      return new Column<>(name, "int4", Types.INTEGER, value);
    }

    static <T> Column<T> bool(String name, Function<T, @Nullable Object> value) {
      return new Column<>(name, "bool", Types.BOOLEAN, value);
    }
  }
}
