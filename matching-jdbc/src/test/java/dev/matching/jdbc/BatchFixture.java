package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.matching.MatchingEngine;
import dev.matching.batch.BatchAssignment;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.BatchListener;
import dev.matching.batch.MatchingBatch;
import dev.matching.batch.RunParameters;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.query.MatchQuery;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import dev.matching.spi.BatchRun;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Support for the batch tests on PostgreSQL: sample markets, nodes with a connection pool, a
 * storage, an engine and a batch of their own over one schema, a listener recording which node
 * did what, and the check that a run published exactly the lists a single in-memory engine
 * computes for the same market.
 */
final class BatchFixture {

  /** The engines' clock: the sample market's start (2026-12-01 00:00 Tokyo), so availability is in range. */
  static final Clock MARKET_CLOCK = Clock.fixed(Instant.parse("2026-11-30T15:00:00Z"), ZoneOffset.UTC);

  private BatchFixture() {}

  /** The sample market of {@code seed} with that many jobs and workers. */
  static SampleMarket market(long seed, int jobs, int workers) {
    return SampleMarket.generate(SampleMarketConfig.custom().seed(seed).jobs(jobs).workers(workers).build());
  }

  /** Loads {@code market} through {@code storage}'s entity stores. */
  static void load(JdbcMatchingStorage storage, SampleMarket market) {
    storage.jobStore().upsertAll(market.jobs());
    storage.workerStore().upsertAll(market.workers());
  }

  /** A single-node engine over in-memory stores holding {@code market}: the reference rankings. */
  static MatchingEngine referenceEngine(SampleMarket market) {
    InMemoryJobStore jobs = new InMemoryJobStore(MARKET_CLOCK);
    InMemoryWorkerStore workers = new InMemoryWorkerStore(MARKET_CLOCK);
    jobs.upsertAll(market.jobs());
    workers.upsertAll(market.workers());
    return MatchingEngine.builder().jobStore(jobs).workerStore(workers).clock(MARKET_CLOCK).build();
  }

  /** A connection pool of its own on the test server. */
  static HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(TestPostgres.simple());
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(30_000);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  /**
   * One engine instance, as a separate application node would have it: its own pool, storage,
   * engine (indexes loaded from the schema at construction) and batch.
   */
  static final class Node implements AutoCloseable {
    final String id;
    final HikariDataSource pool;
    final JdbcMatchingStorage storage;
    final MatchingEngine engine;
    final MatchingBatch batch;

    /**
     * A node over {@code schema} (already migrated); {@code results} may decorate the node's
     * result store, to inject failures.
     */
    Node(String schema, BatchConfig config, BatchListener listener, UnaryOperator<MatchResultStore> results) {
      this.id = config.nodeId();
      this.pool = pool("node-" + id, config.threads() + 2);
      this.storage = JdbcMatchingStorage.custom().dataSource(pool).schema(schema).migrate(false).build();
      this.engine = MatchingEngine.builder().jobStore(storage.jobStore()).workerStore(storage.workerStore())
          .clock(MARKET_CLOCK).build();
      this.batch = MatchingBatch.builder(engine, storage.batchRunStore(), results.apply(storage.matchResultStore()))
          .config(config).listener(listener).build();
    }

    Node(String schema, BatchConfig config, BatchListener listener) {
      this(schema, config, listener, UnaryOperator.identity());
    }

    @Override
    public void close() {
      pool.close();
    }
  }

  /** Records, per node, the partitions completed and failed, and the assignments computed. Thread-safe. */
  static final class Recorder {
    final Map<String, List<String>> completedByNode = new ConcurrentHashMap<>();
    final List<String> failed = Collections.synchronizedList(new ArrayList<>());
    final List<String> leasesLost = Collections.synchronizedList(new ArrayList<>());
    final Map<String, BatchAssignment> assignmentsByNode = new ConcurrentHashMap<>();

    /** The listener of node {@code nodeId}. */
    BatchListener forNode(String nodeId) {
      return new BatchListener() {
        @Override
        public void partitionCompleted(BatchRun run, String spec, long items, Duration took) {
          completedByNode.computeIfAbsent(nodeId, k -> Collections.synchronizedList(new ArrayList<>())).add(spec);
        }

        @Override
        public void partitionFailed(BatchRun run, String spec, long items, String reason) {
          failed.add(spec + " " + reason);
        }

        @Override
        public void leaseLost(String runId, String spec) {
          leasesLost.add(nodeId + " " + spec);
        }

        @Override
        public void assignmentComputed(BatchRun run, BatchAssignment assignment) {
          assignmentsByNode.put(nodeId, assignment);
        }
      };
    }

    /** Every partition completed, by every node. */
    List<String> allCompleted() {
      List<String> all = new ArrayList<>();
      completedByNode.values().forEach(all::addAll);
      return all;
    }

    void clear() {
      completedByNode.clear();
      failed.clear();
      leasesLost.clear();
      assignmentsByNode.clear();
    }
  }

  /** The generation a run writes. */
  static long generationOf(BatchRun run) {
    return RunParameters.of(run).generation();
  }

  /**
   * Every row of {@code direction} in {@code schema}'s match_lists, read directly: subject to
   * its matches. Fails when a row is of another generation than {@code generation} or a
   * subject has two rows, so the map holds exactly the stored lists.
   */
  static Map<String, List<Match>> storedLists(DataSource ds, String schema, Direction direction, long generation) {
    Map<String, List<Match>> lists = new HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT subject_id, generation, matches::text FROM " + schema + ".match_lists WHERE direction = ?")) {
      s.setString(1, direction.name());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String subject = rs.getString(1);
          assertThat(rs.getLong(2)).as("generation of %s %s", direction, subject).isEqualTo(generation);
          assertThat(lists.put(subject, DomainJson.matches(rs.getString(3))))
              .as("second list of %s %s", direction, subject).isNull();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading " + schema + ".match_lists", e);
    }
    return lists;
  }

  /**
   * Asserts that {@code run} succeeded and published, for each of {@code directions}, exactly
   * one list per active worker (open job) of {@code market}, each equal, ids and scores, to what
   * {@code reference} ranks; reads a sample through the store's own {@code find} too. Returns
   * the stored jobs-for-worker lists (empty when that direction was not run).
   */
  static Map<String, List<Match>> assertPublishedEqualsReference(JdbcMatchingStorage storage, String schema,
      BatchRun run, SampleMarket market, MatchingEngine reference, int topN, Set<Direction> directions) {
    long generation = generationOf(run);
    MatchResultStore results = storage.matchResultStore();
    Map<String, List<Match>> workerLists = Map.of();
    for (Direction direction : directions) {
      assertThat(results.publishedGeneration(direction)).as("published %s", direction).hasValue(generation);
      Map<String, List<Match>> stored = storedLists(TestPostgres.dataSource(), schema, direction, generation);
      Map<String, List<Match>> expected = new HashMap<>();
      if (direction == Direction.JOBS_FOR_WORKER) {
        for (Worker w : market.workers()) {
          if (w.active()) {
            expected.put(w.id(), reference.topJobsFor(w.id(), MatchQuery.top(topN)).matches());
          }
        }
        workerLists = stored;
      } else {
        for (Job j : market.jobs()) {
          if (j.open()) {
            expected.put(j.id(), reference.topWorkersFor(j.id(), MatchQuery.top(topN)).matches());
          }
        }
      }
      assertThat(stored.keySet()).as("subjects of %s", direction).isEqualTo(expected.keySet());
      int full = 0;
      for (Map.Entry<String, List<Match>> e : expected.entrySet()) {
        List<Match> list = stored.get(e.getKey());
        assertThat(list).as("%s %s", direction, e.getKey()).isEqualTo(e.getValue()).hasSizeLessThanOrEqualTo(topN);
        full += list.size() == topN ? 1 : 0;
      }
      assertThat(full).as("lists of %s with %d matches", direction, topN).isPositive();
      expected.keySet().stream().sorted().limit(50).forEach(id ->
          assertThat(results.find(direction, id).orElseThrow().matches()).isEqualTo(expected.get(id)));
    }
    return workerLists;
  }
}
