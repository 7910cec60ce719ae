package dev.matching.jdbc;

import dev.matching.spi.JobStore;
import dev.matching.testkit.JobStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;

/** The job store contract, unchanged, on PostgreSQL. */
class JdbcJobStoreContractTest extends JobStoreContract {
  private static final TestSchema SCHEMA = TestSchema.migrated("job_contract");

  @AfterAll
  static void dropSchema() {
    SCHEMA.drop();
  }

  @Override
  protected JobStore newStore(Clock clock) {
    return SCHEMA.emptied(clock).jobStore();
  }
}
