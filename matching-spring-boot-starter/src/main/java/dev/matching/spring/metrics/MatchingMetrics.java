package dev.matching.spring.metrics;

/**
 * Every metric the matching starter publishes, in one place (Micrometer names; Prometheus turns
 * dots into underscores and adds {@code _seconds}, {@code _total} suffixes).
 */
public final class MatchingMetrics {
  /** Timer of rankings served by the API; tag {@code direction}. */
  public static final String QUERY = "matching.query";
  /** Distribution of the number of results per ranking; tag {@code direction}. */
  public static final String QUERY_RESULTS = "matching.query.results";
  /** Gauge of entities in an index; tag {@code kind} (job, worker). */
  public static final String INDEX_SIZE = "matching.index.size";
  /** Gauge of store changes not yet applied to the indexes. */
  public static final String INDEX_LAG = "matching.index.lag";
  /** Counter of batch partitions finished by this node; tag {@code outcome} (completed, failed, lease_lost). */
  public static final String BATCH_PARTITIONS = "matching.batch.partitions";
  /** Counter of subjects ranked by this node's batch work. */
  public static final String BATCH_ITEMS = "matching.batch.items";
  /** Timer of batch partitions completed by this node. */
  public static final String BATCH_PARTITION_DURATION = "matching.batch.partition.duration";
  /** Counter of batch runs that reached a final state, seen by this node; tag {@code state}. */
  public static final String BATCH_RUNS = "matching.batch.runs";

  /**
   * Gauge of whether a store answers (1) or not (0), probed at each scrape; tag {@code store}:
   * {@code entities} (jobs and workers: PostgreSQL in a JDBC setup) or {@code results} (stored
   * batch results: Redis when configured).
   */
  public static final String STORAGE_UP = "matching.storage.up";
  /**
   * Gauge of the end of the last succeeded daily batch run, in seconds since the epoch; the
   * service's start while no run has succeeded.
   */
  public static final String BATCH_LAST_SUCCESS = "matching.batch.last.success";

  /**
   * Counter of items deleted by data retention on this node; tag {@code kind}: {@code batch_runs},
   * {@code match_lists}, {@code workers} (erased personal data).
   */
  public static final String RETENTION_DELETED = "matching.retention.deleted";

  /** Tag naming a store. */
  public static final String TAG_STORE = "store";
  /** Tag naming the ranking direction. */
  public static final String TAG_DIRECTION = "direction";
  /** Tag naming an entity kind. */
  public static final String TAG_KIND = "kind";
  /** Tag naming an outcome. */
  public static final String TAG_OUTCOME = "outcome";
  /** Tag naming a batch state. */
  public static final String TAG_STATE = "state";

  private MatchingMetrics() {}
}
