package dev.matching.jdbc;

import dev.matching.spi.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the Flyway migrations under {@value #LOCATION} to one schema and prefix.
 *
 * <p>Concurrent callers (threads or nodes) are serialized by a session-level advisory lock keyed
 * by the schema, held on a connection of its own while the schema is created and Flyway runs.
 * Flyway takes its own lock too; ours also covers {@code CREATE SCHEMA}, which is not safe to run
 * concurrently even with {@code IF NOT EXISTS}.
 *
 * <p>The history table is {@code <prefix>schema_history} in the configured schema. In a schema that
 * already holds other tables, Flyway records a baseline at version 0 first, then applies V1 on.
 */
final class Migrations {

  /** Where the scripts live in the jar. */
  static final String LOCATION = "classpath:db/matching/migration";
  /** First key of the advisory lock: "mtch". */
  private static final int LOCK_CLASS = 0x6d746368;

  private final DataSource dataSource;
  private final Tables tables;

  Migrations(DataSource dataSource, Tables tables) {
    this.dataSource = dataSource;
    this.tables = tables;
  }

  void migrate() {
    try (Connection lockConnection = dataSource.getConnection()) {
      lockConnection.setAutoCommit(true);
      runLocked(lockConnection, "SELECT pg_advisory_lock(?, ?)");
      try {
        try (Statement statement = lockConnection.createStatement()) {
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + tables.schema());
        }
        flyway().migrate();
      } finally {
        runLocked(lockConnection, "SELECT pg_advisory_unlock(?, ?)");
      }
    } catch (SQLException e) {
      throw Database.translate("migrating schema " + tables.schema(), e);
    } catch (FlywayException e) {
      throw new StorageException("migrating schema " + tables.schema() + " failed: " + e.getMessage(), e);
    }
  }

  private Flyway flyway() {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(tables.schema())
        .defaultSchema(tables.schema())
        .createSchemas(false)
        // A schema shared with other tables (or with another prefix) has no history table of
        // ours yet: baseline it at version 0 so that every script from V1 on still applies.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .table(tables.historyTable())
        .locations(LOCATION)
        .placeholders(Map.of("schema", tables.schema(), "prefix", tables.prefix()))
        .placeholderReplacement(true)
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load();
  }

  private void runLocked(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, LOCK_CLASS);
      statement.setInt(2, tables.schema().hashCode());
      statement.executeQuery().close();
    }
  }
}
