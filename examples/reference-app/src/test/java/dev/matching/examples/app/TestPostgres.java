package dev.matching.examples.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL for one test: the server {@code MATCHING_TEST_PG_URL} names, or an embedded one,
 * and a schema name of its own, dropped (best effort) on {@link #close()} with the embedded
 * server. Not thread-safe.
 */
final class TestPostgres implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  /** JDBC URL of the server (user {@code postgres}). */
  final String url;
  /** The test's schema, unique per instance. */
  final String schema;

  private TestPostgres(EmbeddedPostgres embedded, String url, String schema) {
    this.embedded = embedded;
    this.url = url;
    this.schema = schema;
  }

  /** Connects to the external server or starts an embedded one; the schema is {@code prefix} plus a unique suffix. */
  static TestPostgres start(String schemaPrefix) throws IOException {
    String schema = schemaPrefix + Long.toHexString(System.nanoTime());
    String external = System.getenv("MATCHING_TEST_PG_URL");
    if (external != null && !external.isBlank()) {
      return new TestPostgres(null, external, schema);
    }
    EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
    return new TestPostgres(embedded, embedded.getJdbcUrl("postgres", "postgres"), schema);
  }

  @Override
  public void close() throws IOException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // best effort; a leftover test schema harms nothing
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
