package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test
  void twoNodesMigratingAFreshSchemaAtOnceBothSucceedAndApplyEachScriptOnce() throws Exception {
    String schema = TestPostgres.newSchema("race");
    try {
      // Each "node" has its own unpooled data source, like two processes would.
      List<JdbcMatchingStorage> storages = ConcurrencyTest.runConcurrently(2, node ->
          JdbcMatchingStorage.custom().dataSource(TestPostgres.simple()).schema(schema).tablePrefix("m_").build());

      assertThat(successfulMigrations(schema, "m_schema_history")).isEqualTo(4);
      storages.get(0).migrate();
      assertThat(successfulMigrations(schema, "m_schema_history")).isEqualTo(4);
      storages.get(1).jobStore().upsert(Fixtures.job("job-1"));
      assertThat(storages.get(0).jobStore().count()).isEqualTo(1);
      assertThat(tableExists(schema, "m_jobs")).isTrue();
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void prefixesLetTwoConfigurationsShareASchema() {
    String schema = TestPostgres.newSchema("shared");
    try {
      DataSource ds = TestPostgres.dataSource();
      JdbcMatchingStorage first = JdbcMatchingStorage.custom().dataSource(ds).schema(schema).tablePrefix("a_").build();
      JdbcMatchingStorage second = JdbcMatchingStorage.custom().dataSource(ds).schema(schema).tablePrefix("b_").build();
      first.jobStore().upsert(Fixtures.job("job-1"));

      assertThat(second.jobStore().count()).isZero();
      assertThat(successfulMigrations(schema, "a_schema_history")).isEqualTo(4);
      assertThat(successfulMigrations(schema, "b_schema_history")).isEqualTo(4);
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void withMigrateOffBuildTouchesNothing() {
    String schema = TestPostgres.newSchema("untouched");
    JdbcMatchingStorage storage = JdbcMatchingStorage.custom().dataSource(TestPostgres.dataSource()).schema(schema)
        .migrate(false).build();
    assertThat(schemaExists(schema)).isFalse();
    assertThat(storage.toString()).contains("schema=" + schema, "migrate=false");
  }

  @Test
  void configurationIsValidated() {
    DataSource ds = TestPostgres.dataSource();
    assertThatThrownBy(() -> JdbcMatchingStorage.custom().dataSource(ds).schema("Bad-Name").migrate(false).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("schema:");
    assertThatThrownBy(() -> JdbcMatchingStorage.custom().dataSource(ds).tablePrefix("x; DROP").migrate(false).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tablePrefix:");
    assertThatThrownBy(() -> JdbcMatchingStorage.custom().migrate(false).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dataSource:");
    JdbcMatchingStorage defaults = JdbcMatchingStorage.custom().dataSource(ds).migrate(false).build();
    assertThat(defaults.schema()).isEqualTo(JdbcMatchingStorage.DEFAULT_SCHEMA);
    assertThat(defaults.tablePrefix()).isEmpty();
  }

  private static int successfulMigrations(String schema, String historyTable) {
    return queryInt("SELECT count(*) FROM " + schema + "." + historyTable + " WHERE success AND type = 'SQL'");
  }

  private static boolean tableExists(String schema, String table) {
    return queryInt("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
        + "' AND table_name = '" + table + "'") == 1;
  }

  private static boolean schemaExists(String schema) {
    return queryInt("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'") == 1;
  }

  private static int queryInt(String sql) {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
