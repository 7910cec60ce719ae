package dev.matching.jdbc;

import dev.matching.spi.MatchResultStore;
import dev.matching.testkit.MatchResultStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;

/** The match-result store contract, unchanged, on PostgreSQL. */
class JdbcMatchResultStoreContractTest extends MatchResultStoreContract {
  private static final TestSchema SCHEMA = TestSchema.migrated("results_contract");

  @AfterAll
  static void dropSchema() {
    SCHEMA.drop();
  }

  @Override
  protected MatchResultStore newStore() {
    return SCHEMA.emptied(Clock.systemUTC()).matchResultStore();
  }
}
