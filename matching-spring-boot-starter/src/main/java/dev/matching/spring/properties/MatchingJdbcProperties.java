package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PostgreSQL storage through matching-jdbc, used when a DataSource is present, under
 * {@code matching.jdbc.*}. Bound by {@code MatchingJdbcAutoConfiguration}. The defaults are
 * matching-jdbc's ({@code JdbcMatchingStorage.DEFAULT_*} and its builder's; checked by a test).
 */
@ConfigurationProperties(prefix = "matching.jdbc")
public class MatchingJdbcProperties {
  /** Schema holding the matching tables; created by the migrations when absent. */
  private String schema = "matching";
  /** Prefix of every table name ([a-z_][a-z0-9_]*), for sharing a schema. */
  private String tablePrefix = "";
  /** Whether the versioned migrations run at startup (safe from several nodes at once). */
  private boolean migrate = true;
  /**
   * PostgreSQL statement_timeout in every transaction of the stores: a statement running longer
   * is cancelled; 0 turns it off.
   */
  private Duration statementTimeout = Duration.ofSeconds(30);
  /**
   * PostgreSQL lock_timeout in every transaction: a wait for someone else's lock fails after it
   * (the batch gives the partition back and tries again); keep it above idle-in-transaction-timeout
   * and below matching.batch.lease-duration.
   */
  private Duration lockTimeout = Duration.ofSeconds(15);
  /**
   * PostgreSQL idle_in_transaction_session_timeout in every transaction: the server ends a session
   * that keeps a transaction open without a word for longer (a stopped or paused node), freeing its
   * locks; below matching.batch.lease-duration.
   */
  private Duration idleInTransactionTimeout = Duration.ofSeconds(10);

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public String getTablePrefix() {
    return tablePrefix;
  }

  public void setTablePrefix(String tablePrefix) {
    this.tablePrefix = tablePrefix;
  }

  public boolean isMigrate() {
    return migrate;
  }

  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }

  public Duration getStatementTimeout() {
    return statementTimeout;
  }

  public void setStatementTimeout(Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public Duration getIdleInTransactionTimeout() {
    return idleInTransactionTimeout;
  }

  public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
    this.idleInTransactionTimeout = idleInTransactionTimeout;
  }
}
