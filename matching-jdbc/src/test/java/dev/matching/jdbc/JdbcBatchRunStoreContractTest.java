package dev.matching.jdbc;

import dev.matching.spi.BatchRunStore;
import dev.matching.testkit.BatchRunStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;

/** The batch-run store contract, unchanged, on PostgreSQL. */
class JdbcBatchRunStoreContractTest extends BatchRunStoreContract {
  private static final TestSchema SCHEMA = TestSchema.migrated("runs_contract");

  @AfterAll
  static void dropSchema() {
    SCHEMA.drop();
  }

  @Override
  protected BatchRunStore newStore() {
    return SCHEMA.emptied(Clock.systemUTC()).batchRunStore();
  }
}
