package dev.matching.jdbc;

import dev.matching.spi.StorageException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;

/**
 * The Jdbi of one storage plus the one place where database failures become the exceptions the
 * SPIs document. Thread-safe.
 *
 * <p>Mapping, by SQLState of the first {@link SQLException} in the cause chain:
 * <ul>
 *   <li>class 22 (data exception, e.g. a NUL character in a string) and class 23 (integrity
 *       constraint violation, e.g. a CHECK failing): {@link IllegalArgumentException}, the data
 *       was refused;
 *   <li>anything else, including connection failures (class 08), timeouts and cancellations
 *       (57014), shutdowns (57P01) and serialization failures (40001, 40P01), and failures
 *       without SQLState (no connection could be had): {@link StorageException}.
 * </ul>
 * The Jdbi exception is always the cause. Exceptions the callback throws itself (version
 * conflicts, lost leases, a sink's own exception) pass through unchanged after the rollback.
 */
final class Database {

  private final Jdbi jdbi;
  private final Tables tables;
  private final TransactionBounds bounds;

  Database(Jdbi jdbi, Tables tables, TransactionBounds bounds) {
    this.jdbi = jdbi;
    this.tables = tables;
    this.bounds = bounds;
  }

  /**
   * Server-side limits set at the start of every transaction ({@code SET LOCAL}), so that a node
   * stopped inside one (paused, swapped out, partitioned away) holds its locks for a bounded time:
   * PostgreSQL ends its session after {@code idleInTransaction} and cancels a statement after
   * {@code statement}; a transaction waiting for someone else's lock gives up after {@code lock}.
   * Each in milliseconds; 0 turns it off.
   */
  record TransactionBounds(long statementMillis, long lockMillis, long idleInTransactionMillis) {
    static final TransactionBounds NONE = new TransactionBounds(0, 0, 0);
  }

  Tables tables() {
    return tables;
  }

  /**
   * Runs {@code callback} in one transaction (read committed) within the {@link TransactionBounds};
   * all of it commits or none.
   */
  <R> R inTransaction(String operation, HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(h -> {
        if (!bounds.equals(TransactionBounds.NONE)) {
          h.createQuery("SELECT 1 FROM (SELECT set_config('statement_timeout', :statement, true),"
                  + " set_config('lock_timeout', :lock, true),"
                  + " set_config('idle_in_transaction_session_timeout', :idle, true)) AS bounded")
              .bind("statement", bounds.statementMillis() + "ms")
              .bind("lock", bounds.lockMillis() + "ms")
              .bind("idle", bounds.idleInTransactionMillis() + "ms")
              .mapTo(Integer.class).one();
        }
        return callback.withHandle(h);
      });
    } catch (JdbiException e) {
      throw translate(operation, e);
    }
  }

  /** Runs {@code callback} on one connection in auto-commit mode. */
  <R> R withHandle(String operation, HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (JdbiException e) {
      throw translate(operation, e);
    }
  }

  /** The exception the SPI documents for a failed {@code operation}. */
  static RuntimeException translate(String operation, Exception e) {
    String state = sqlState(e);
    String detail = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
      return new IllegalArgumentException(operation + ": the database refused the data (SQLState " + state + "): "
          + detail, e);
    }
    return new StorageException(operation + " failed" + (state == null ? "" : " (SQLState " + state + ")") + ": "
        + detail, e);
  }

  /** Whether {@code e} is a unique violation of the constraint or index {@code name}. */
  static boolean isUniqueViolation(Exception e, String name) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException) {
        PSQLException p = (PSQLException) t;
        return "23505".equals(p.getSQLState()) && p.getServerErrorMessage() != null
            && name.equals(p.getServerErrorMessage().getConstraint());
      }
    }
    return false;
  }

  private static @Nullable String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
        return ((SQLException) t).getSQLState();
      }
    }
    return null;
  }

  /** Takes the transaction-level advisory lock {@code (classId, objectId)}; held until commit. */
  static void lockForTransaction(Handle handle, int classId, int objectId) {
    handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:classId, :objectId)) AS locked")
        .bind("classId", classId)
        .bind("objectId", objectId)
        .mapTo(Integer.class)
        .one();
  }
}
