package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PostgreSQL storage through matching-jdbc, used when a DataSource is present, under
 * {@code matching.jdbc.*}. Bound by {@code MatchingJdbcAutoConfiguration}. The defaults are
 * matching-jdbc's ({@code JdbcMatchingStorage.DEFAULT_*} and its builder's; checked by a test).
 * An immutable record, bound through its constructor, so safe to share between threads.
 *
 * @param schema Schema holding the matching tables; created by the migrations when absent.
 * @param tablePrefix Prefix of every table name ([a-z_][a-z0-9_]*), for sharing a schema.
 * @param migrate Whether the versioned migrations run at startup (safe from several nodes at once).
 * @param statementTimeout PostgreSQL statement_timeout in every transaction of the stores: a statement running
 *     longer is cancelled; 0 turns it off.
 * @param lockTimeout PostgreSQL lock_timeout in every transaction: a wait for someone else's lock fails after it
 *     (the batch gives the partition back and tries again); keep it above idle-in-transaction-timeout and below
 *     matching.batch.lease-duration.
 * @param idleInTransactionTimeout PostgreSQL idle_in_transaction_session_timeout in every transaction: the server
 *     ends a session that keeps a transaction open without a word for longer (a stopped or paused node), freeing
 *     its locks; below matching.batch.lease-duration.
 */
@ConfigurationProperties(prefix = "matching.jdbc")
public record MatchingJdbcProperties(
    @DefaultValue("matching") String schema,
    @DefaultValue("") String tablePrefix,
    @DefaultValue("true") boolean migrate,
    @DefaultValue("30s") Duration statementTimeout,
    @DefaultValue("15s") Duration lockTimeout,
    @DefaultValue("10s") Duration idleInTransactionTimeout) {}
