package dev.matching.jdbc;

import dev.matching.spi.WorkerStore;
import dev.matching.testkit.WorkerStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;

/** The worker store contract, unchanged, on PostgreSQL. */
class JdbcWorkerStoreContractTest extends WorkerStoreContract {
  private static final TestSchema SCHEMA = TestSchema.migrated("worker_contract");

  @AfterAll
  static void dropSchema() {
    SCHEMA.drop();
  }

  @Override
  protected WorkerStore newStore(Clock clock) {
    return SCHEMA.emptied(clock).workerStore();
  }
}
