package dev.matching.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class with a schema of its own on the test server, migrated once, emptied before each
 * test and dropped at the end; each test gets a fresh {@link #clock} and {@link #storage}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresTestBase {

  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  protected final String schema = TestPostgres.newSchema(getClass().getSimpleName());
  protected TestClock clock = new TestClock(T0);
  protected JdbcMatchingStorage storage;

  @BeforeAll
  void migrateSchema() {
    storage = storageBuilder().migrate(true).build();
  }

  @BeforeEach
  void emptySchema() throws SQLException {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + schema + ".jobs, " + schema + ".workers, " + schema + ".job_changes, " + schema
          + ".worker_changes, " + schema + ".match_lists, " + schema + ".batch_runs, " + schema
          + ".batch_partitions RESTART IDENTITY");
      s.execute("UPDATE " + schema + ".match_publications SET generation = NULL, published_at = NULL");
    }
    clock = new TestClock(T0);
    storage = storageBuilder().build();
  }

  @AfterAll
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  /** The storage configuration of this class, on its schema and the shared pool, migrate off. */
  JdbcMatchingStorage.Builder storageBuilder() {
    return JdbcMatchingStorage.custom().dataSource(TestPostgres.dataSource()).schema(schema).clock(clock)
        .migrate(false);
  }
}
