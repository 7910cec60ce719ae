package dev.matching.jdbc;

import dev.matching.model.internal.Checks;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.JobStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.WorkerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL storage of matching: one configured schema holding jobs, workers, match
 * results and batch runs, and the stores that read and write them.
 *
 * <pre>{@code
 * JdbcMatchingStorage storage = JdbcMatchingStorage.custom()
 *     .dataSource(dataSource)      // any javax.sql.DataSource, pooled in production
 *     .schema("matching")          // default "matching"
 *     .tablePrefix("m_")           // default "" (no prefix)
 *     .migrate(true)               // default true: apply the bundled migrations in build()
 *     .clock(Clock.systemUTC())    // stamps updated_at; default the system UTC clock
 *     .build();
 * JobStore jobs = storage.jobStore();
 * }</pre>
 *
 * <p>The configuration is immutable and the object is thread-safe: the stores it returns are
 * created once, are thread-safe and may be shared by every thread of the process; several
 * processes may use the same schema at once. Each store operation borrows a connection from the
 * data source for its own duration and returns it, so the data source decides pooling.
 *
 * <p>Migrations are versioned Flyway scripts under {@code db/matching/migration} in this jar,
 * with the schema and the table prefix as placeholders. {@link #migrate()} is idempotent and
 * safe to run from several threads or nodes at once: it holds a PostgreSQL advisory lock for the
 * schema while Flyway runs, so one caller migrates and the others wait, then find nothing to do.
 */
public final class JdbcMatchingStorage {

  /** The schema used when none is configured. */
  public static final String DEFAULT_SCHEMA = "matching";
  /** Rows fetched per round trip by {@code forEach} when none is configured. */
  public static final int DEFAULT_FETCH_SIZE = 1_000;
  /** Size above which {@code upsertAll} streams rows with COPY, when none is configured. */
  public static final int DEFAULT_COPY_THRESHOLD = 1_000;
  /** Default of {@link Builder#statementTimeout(Duration)}. */
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
  /** Default of {@link Builder#lockTimeout(Duration)}. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(15);
  /** Default of {@link Builder#idleInTransactionTimeout(Duration)}. */
  public static final Duration DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern PREFIX = Pattern.compile("([a-z_][a-z0-9_]*)?");
  /** Longest identifier PostgreSQL keeps without truncation. */
  private static final int MAX_IDENTIFIER_LENGTH = 63;
  /** Longest table or index name the migrations append to the prefix. */
  private static final int LONGEST_SUFFIX = "match_lists_match_ids_idx".length();

  private final DataSource dataSource;
  private final String schema;
  private final String tablePrefix;
  private final boolean migrateOnBuild;
  private final Clock clock;
  private final int fetchSize;
  private final int copyThreshold;
  private final Duration statementTimeout;
  private final Duration lockTimeout;
  private final Duration idleInTransactionTimeout;
  private final Database database;
  private final JobStore jobStore;
  private final WorkerStore workerStore;
  private final MatchResultStore matchResultStore;
  private final BatchRunStore batchRunStore;

  private JdbcMatchingStorage(Builder b) {
    this.dataSource = Checks.required(b.dataSource, "dataSource");
    this.schema = checkIdentifier(b.schema, "schema", IDENTIFIER, 0);
    this.tablePrefix = checkIdentifier(b.tablePrefix, "tablePrefix", PREFIX, LONGEST_SUFFIX);
    this.migrateOnBuild = b.migrate;
    this.clock = Checks.required(b.clock, "clock");
    this.fetchSize = Checks.intIn(b.fetchSize, 1, 1_000_000, "fetchSize");
    this.copyThreshold = Checks.intIn(b.copyThreshold, 0, 1_000_000, "copyThreshold");
    this.statementTimeout = checkTimeout(b.statementTimeout, "statementTimeout");
    this.lockTimeout = checkTimeout(b.lockTimeout, "lockTimeout");
    this.idleInTransactionTimeout = checkTimeout(b.idleInTransactionTimeout, "idleInTransactionTimeout");
    this.database = new Database(Jdbi.create(dataSource), new Tables(schema, tablePrefix),
        new Database.TransactionBounds(statementTimeout.toMillis(), lockTimeout.toMillis(),
            idleInTransactionTimeout.toMillis()));
    this.jobStore = new JdbcJobStore(database, clock, fetchSize, copyThreshold);
    this.workerStore = new JdbcWorkerStore(database, clock, fetchSize, copyThreshold);
    this.matchResultStore = new JdbcMatchResultStore(database, clock);
    this.batchRunStore = new JdbcBatchRunStore(database);
  }

  /** Starts a configuration; only the data source is required. */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * Storage on {@code dataSource} with every default: schema {@value #DEFAULT_SCHEMA}, no table
   * prefix, migrated now, the system UTC clock.
   */
  public static JdbcMatchingStorage ofDefaults(DataSource dataSource) {
    return custom().dataSource(dataSource).build();
  }

  /** A builder pre-filled with this configuration, to derive another. */
  public Builder toBuilder() {
    return custom().dataSource(dataSource).schema(schema).tablePrefix(tablePrefix).migrate(migrateOnBuild)
        .clock(clock).fetchSize(fetchSize).copyThreshold(copyThreshold).statementTimeout(statementTimeout)
        .lockTimeout(lockTimeout).idleInTransactionTimeout(idleInTransactionTimeout);
  }

  /**
   * Applies the bundled migrations that are not applied yet, creating the schema when missing.
   * Idempotent; safe to call concurrently from several threads or nodes.
   *
   * @throws dev.matching.spi.StorageException when the database cannot be reached or a
   *     migration fails
   */
  public void migrate() {
    new Migrations(dataSource, database.tables()).migrate();
  }

  /** The jobs. */
  public JobStore jobStore() {
    return jobStore;
  }

  /** The workers. */
  public WorkerStore workerStore() {
    return workerStore;
  }

  /** The ranked lists of the matching batch. */
  public MatchResultStore matchResultStore() {
    return matchResultStore;
  }

  /** The batch runs and their partitions. */
  public BatchRunStore batchRunStore() {
    return batchRunStore;
  }

  /** The schema holding every table. */
  public String schema() {
    return schema;
  }

  /** The prefix of every table name, possibly empty. */
  public String tablePrefix() {
    return tablePrefix;
  }

  /** Whether {@link Builder#build()} migrated the schema. */
  public boolean migrateOnBuild() {
    return migrateOnBuild;
  }

  /** The clock that stamps {@code updated_at} of jobs and workers. */
  public Clock clock() {
    return clock;
  }

  /** Rows fetched per round trip while streaming. */
  public int fetchSize() {
    return fetchSize;
  }

  /** Largest {@code upsertAll} sent as one statement; larger ones stream with COPY. */
  public int copyThreshold() {
    return copyThreshold;
  }

  /** PostgreSQL's {@code statement_timeout} in every transaction of this storage; 0 when off. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** PostgreSQL's {@code lock_timeout} in every transaction of this storage; 0 when off. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** PostgreSQL's {@code idle_in_transaction_session_timeout} in every transaction; 0 when off. */
  public Duration idleInTransactionTimeout() {
    return idleInTransactionTimeout;
  }

  @Override
  public String toString() {
    return "JdbcMatchingStorage[schema=" + schema + ", tablePrefix=" + tablePrefix + ", migrate=" + migrateOnBuild
        + ", fetchSize=" + fetchSize + ", copyThreshold=" + copyThreshold + ", statementTimeout=" + statementTimeout
        + ", lockTimeout=" + lockTimeout + ", idleInTransactionTimeout=" + idleInTransactionTimeout + "]";
  }

  private static Duration checkTimeout(@Nullable Duration timeout, String field) {
    Checks.required(timeout, field);
    Checks.check(!timeout.isNegative() && timeout.compareTo(Duration.ofDays(1)) <= 0, field,
        "must be within [0, 1 day] (0: off), was " + timeout);
    return timeout;
  }

  private static String checkIdentifier(@Nullable String value, String field, Pattern pattern, int suffixLength) {
    Checks.required(value, field);
    Checks.check(pattern.matcher(value).matches(), field,
        "must be lower-case letters, digits and underscores, not starting with a digit, was \"" + value + "\"");
    Checks.check(value.length() + suffixLength <= MAX_IDENTIFIER_LENGTH, field,
        "must be at most " + (MAX_IDENTIFIER_LENGTH - suffixLength) + " characters, was " + value.length());
    return value;
  }

  /** Mutable builder of {@link JdbcMatchingStorage}; not thread-safe. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private String schema = DEFAULT_SCHEMA;
    private String tablePrefix = "";
    private boolean migrate = true;
    private Clock clock = Clock.systemUTC();
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private int copyThreshold = DEFAULT_COPY_THRESHOLD;
    private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration idleInTransactionTimeout = DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT;

    private Builder() {}

    /** Sets the data source every store borrows connections from (required). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /**
     * Sets the schema; lower-case letters, digits and underscores. Defaults to
     * {@value #DEFAULT_SCHEMA}.
     */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /**
     * Sets the prefix of every table (and index) name, for sharing a schema; lower-case letters,
     * digits and underscores. Defaults to none.
     */
    public Builder tablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Whether {@link #build()} applies the bundled migrations (the default). Turn it off when
     * migrations run as a separate deployment step.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /** Sets the clock stamping {@code updated_at} of jobs and workers; defaults to system UTC. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Rows fetched per round trip while streaming with {@code forEach}; defaults to 1,000. */
    public Builder fetchSize(int fetchSize) {
      this.fetchSize = fetchSize;
      return this;
    }

    /**
     * Largest {@code upsertAll} sent as one statement with one array per column; larger ones
     * stream their rows with {@code COPY} into a temporary table first. Defaults to 1,000.
     */
    public Builder copyThreshold(int copyThreshold) {
      this.copyThreshold = copyThreshold;
      return this;
    }

    /**
     * PostgreSQL's {@code statement_timeout} in every transaction: a statement running longer is
     * cancelled. Defaults to 30 s; {@link Duration#ZERO} turns it off.
     */
    public Builder statementTimeout(Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
      return this;
    }

    /**
     * PostgreSQL's {@code lock_timeout} in every transaction: waiting longer for a lock another
     * transaction holds fails the statement (a {@link dev.matching.spi.StorageException}; the batch
     * gives the partition back and tries again). Defaults to 15 s; keep it above
     * {@link #idleInTransactionTimeout} so that the wait usually outlasts a stopped holder.
     */
    public Builder lockTimeout(Duration lockTimeout) {
      this.lockTimeout = lockTimeout;
      return this;
    }

    /**
     * PostgreSQL's {@code idle_in_transaction_session_timeout} in every transaction: a session that
     * holds a transaction open without sending anything for longer (its node stopped or paused) is
     * ended by the server, which rolls its transaction back and frees its locks. Defaults to 10 s.
     * With the batch, keep it and {@link #lockTimeout} well below the lease duration.
     */
    public Builder idleInTransactionTimeout(Duration idleInTransactionTimeout) {
      this.idleInTransactionTimeout = idleInTransactionTimeout;
      return this;
    }

    /**
     * Validates the configuration and, when {@link #migrate(boolean)} is on, migrates.
     *
     * @throws IllegalArgumentException naming the field when the configuration is invalid
     * @throws dev.matching.spi.StorageException when migrating fails
     */
    public JdbcMatchingStorage build() {
      JdbcMatchingStorage storage = new JdbcMatchingStorage(this);
      if (storage.migrateOnBuild) {
        storage.migrate();
      }
      return storage;
    }
  }
}
