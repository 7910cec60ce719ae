package dev.matching.jdbc;

import dev.matching.testkit.LifecycleContract;
import dev.matching.testkit.SettableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;

/**
 * The lifecycle contract (retention, integrity check with planted inconsistencies), unchanged,
 * on PostgreSQL; a run is corrupted by deleting one of its partition rows.
 */
class JdbcLifecycleTest extends LifecycleContract {
  private static final TestSchema SCHEMA = TestSchema.migrated("lifecycle");

  @AfterAll
  static void dropSchema() {
    SCHEMA.drop();
  }

  @Override
  protected Stores newStores(SettableClock clock) {
    JdbcMatchingStorage storage = SCHEMA.emptied(clock);
    return new Stores(storage.jobStore(), storage.workerStore(), storage.matchResultStore(), storage.batchRunStore());
  }

  @Override
  protected boolean corruptRun(String runId) {
    try (Connection c = TestPostgres.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM " + SCHEMA.name()
            + ".batch_partitions WHERE run_id = ? AND partition = 1")) {
      s.setString(1, runId);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
