package dev.matching.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * A schema of its own on the test server, migrated once, for one test class: {@link #emptied}
 * truncates it and returns a storage on it, {@link #drop} removes it. Thread-safe.
 */
final class TestSchema {

  private final String name;

  private TestSchema(String name) {
    this.name = name;
  }

  /** A new migrated schema whose name contains {@code hint}. */
  static TestSchema migrated(String hint) {
    TestSchema schema = new TestSchema(TestPostgres.newSchema(hint));
    schema.builder(Clock.systemUTC()).migrate(true).build();
    return schema;
  }

  String name() {
    return name;
  }

  /** Empties every table and returns a storage on the schema stamping writes with {@code clock}. */
  JdbcMatchingStorage emptied(Clock clock) {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + String.join(", ", qualified("jobs"), qualified("workers"), qualified("job_changes"),
          qualified("worker_changes"), qualified("match_lists"), qualified("match_fences"), qualified("batch_runs"), qualified("batch_partitions"))
          + " RESTART IDENTITY");
      s.execute("UPDATE " + qualified("match_publications") + " SET generation = NULL, published_at = NULL");
    } catch (SQLException e) {
      throw new IllegalStateException("emptying test schema " + name, e);
    }
    return builder(clock).build();
  }

  /** The storage configuration on this schema and the shared pool, with migration off. */
  JdbcMatchingStorage.Builder builder(Clock clock) {
    return JdbcMatchingStorage.custom().dataSource(TestPostgres.dataSource()).schema(name).clock(clock).migrate(false);
  }

  void drop() {
    TestPostgres.dropSchema(name);
  }

  private String qualified(String table) {
    return name + "." + table;
  }
}
