package dev.matching.jdbc;

import dev.matching.testkit.SettableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class with a {@link TestSchema} of its own, emptied before each test and dropped at the
 * end; each test gets a fresh {@link #clock} and {@link #storage}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresTestBase {

  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private final TestSchema testSchema = TestSchema.migrated(getClass().getSimpleName());
  protected final String schema = testSchema.name();
  protected SettableClock clock = new SettableClock(T0);
  protected JdbcMatchingStorage storage;

  @BeforeEach
  void emptySchema() {
    clock = new SettableClock(T0);
    storage = testSchema.emptied(clock);
  }

  @AfterAll
  void dropSchema() {
    testSchema.drop();
  }

  /** The storage configuration of this class, on its schema and the shared pool, migrate off. */
  JdbcMatchingStorage.Builder storageBuilder() {
    return testSchema.builder(clock);
  }
}
