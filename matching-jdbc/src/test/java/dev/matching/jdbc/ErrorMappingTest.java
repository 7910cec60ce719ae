package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.spi.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ErrorMappingTest extends PostgresTestBase {

  @Test
  void anUnreachableServerIsAStorageExceptionWithTheCause() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?user=nobody");
    nowhere.setConnectTimeout(2);
    JdbcMatchingStorage storage = storageBuilder().dataSource(nowhere).build();

    assertThatThrownBy(() -> storage.jobStore().find("job-1")).isInstanceOf(StorageException.class)
        .hasMessageContaining("finding job job-1 failed").hasRootCauseInstanceOf(java.net.ConnectException.class);
    assertThatThrownBy(storage::migrate).isInstanceOf(StorageException.class);
  }

  @Test
  void aLockTimeoutIsAStorageExceptionAndWritesNothing() throws SQLException {
    storage.jobStore().upsert(Fixtures.job("job-1"));
    PGSimpleDataSource impatient = TestPostgres.simple();
    impatient.setOptions("-c lock_timeout=200");
    JdbcMatchingStorage storage = storageBuilder().dataSource(impatient).build();

    try (Connection holder = TestPostgres.dataSource().getConnection(); Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.execute("SELECT 1 FROM " + schema + ".jobs WHERE id = 'job-1' FOR UPDATE");
      assertThatThrownBy(() -> storage.jobStore().upsert(Fixtures.job("job-1"))).isInstanceOf(StorageException.class)
          .hasMessageContaining("SQLState 55P03");
      holder.rollback();
    }
    assertThat(storage.jobStore().find("job-1").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void dataPostgresqlCannotStoreIsAnIllegalArgument() {
    assertThatThrownBy(() -> storage.jobStore().upsert(Fixtures.job("job-1").toBuilder().title("NUL \u0000").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused the data (SQLState 22");
    assertThat(storage.jobStore().count()).isZero();
  }
}
