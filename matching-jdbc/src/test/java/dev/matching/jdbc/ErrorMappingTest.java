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
    // The model refuses what PostgreSQL cannot store (NUL, unpaired surrogates), so it never gets here;
    // the mapping stays for data refused all the same.
    assertThatThrownBy(() -> Fixtures.job("job-1").toBuilder().title("NUL \u0000").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("title:");
    assertThat(Database.translate("upserting 1 job", new SQLException("invalid byte sequence", "22021")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused the data (SQLState 22021");
    assertThat(Database.translate("upserting 1 job", new SQLException("check violation", "23514")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(storage.jobStore().count()).isZero();
  }
}
