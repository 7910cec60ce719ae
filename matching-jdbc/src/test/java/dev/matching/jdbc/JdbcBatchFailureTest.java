package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.batch.BatchConfig;
import dev.matching.batch.MatchingBatch;
import dev.matching.jdbc.BatchFixture.Node;
import dev.matching.jdbc.BatchFixture.Recorder;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.sample.SampleMarket;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.PartitionState;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.PartitionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Failures of the batch on PostgreSQL: a partition whose writes fail, a subject the database
 * refuses, a retry that recomputes only what failed, and a trigger refused across nodes.
 */
class JdbcBatchFailureTest extends PostgresTestBase {

  private static final int TOP_N = 5;
  private static final int PARTITIONS = 8;
  private static final BatchConfig CONFIG = BatchConfig.custom().topN(TOP_N).partitions(PARTITIONS).nodeId("node-a")
      .build();

  private final SampleMarket market = BatchFixture.market(3, 3_000, 1_500);
  private final String subject = market.workers().stream().filter(Worker::active).findFirst().orElseThrow().id();

  @Test
  void aPartitionWhoseWritesFailFailsAloneAndRetryRecomputesOnlyIt() {
    BatchFixture.load(storage, market);
    AtomicBoolean failing = new AtomicBoolean(true);
    Recorder recorder = new Recorder();
    try (Node node = new Node(schema, CONFIG, recorder.forNode("node-a"), results -> new ForwardingMatchResultStore(results) {
      @Override
      public void write(PartitionLease writer, Direction d, long generation, Instant at,
          Map<String, List<Match>> lists) {
        if (failing.get() && lists.containsKey(subject)) {
          throw new IllegalStateException("disk full");
        }
        super.write(writer, d, generation, at, lists);
      }
    })) {
      BatchRun run = node.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      node.batch.runPending();
      PartitionStatus failed = assertFailedAlone(node, run, "writing results: java.lang.IllegalStateException: disk full");
      assertThat(recorder.allCompleted()).hasSize(2 * PARTITIONS - 1);

      failing.set(false);
      recorder.clear();
      assertThat(node.batch.retry(run.id()).state()).isEqualTo(BatchState.QUEUED);
      assertThat(node.batch.runPending()).isEqualTo(1);
      assertRetriedOnly(node, run, failed, recorder);
    }
  }

  @Test
  void aSubjectTheDatabaseRefusesFailsOnlyItsPartitionWithTheReasonRecorded() throws SQLException {
    BatchFixture.load(storage, market);
    execute("CREATE FUNCTION " + schema + ".refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF NEW.subject_id = '" + subject + "' THEN"
        + " RAISE EXCEPTION 'poison subject %', NEW.subject_id USING ERRCODE = 'check_violation'; END IF;"
        + " RETURN NEW; END $$");
    execute("CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON " + schema + ".match_lists"
        + " FOR EACH ROW EXECUTE FUNCTION " + schema + ".refuse_poison()");
    Recorder recorder = new Recorder();
    try (Node node = new Node(schema, CONFIG, recorder.forNode("node-a"))) {
      BatchRun run = node.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      node.batch.runPending();
      PartitionStatus failed = assertFailedAlone(node, run, "poison subject " + subject);

      dropPoisonTrigger();
      recorder.clear();
      node.batch.retry(run.id());
      assertThat(node.batch.runPending()).isEqualTo(1);
      assertRetriedOnly(node, run, failed, recorder);
    } finally {
      dropPoisonTrigger();
    }
  }

  private void dropPoisonTrigger() throws SQLException {
    execute("DROP TRIGGER IF EXISTS refuse_poison ON " + schema + ".match_lists");
  }

  @Test
  void aTriggerWhileAnotherNodesRunIsActiveIsRefused() throws Exception {
    BatchFixture.load(storage, market);
    try (Node a = new Node(schema, CONFIG, new Recorder().forNode("node-a"));
        Node b = new Node(schema, CONFIG.toBuilder().nodeId("node-b").build(), new Recorder().forNode("node-b"))) {
      List<Callable<BatchRun>> triggers = List.of(() -> a.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-a"),
          () -> b.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-b"));
      List<Object> outcomes = triggerAtOnce(triggers);
      assertThat(outcomes).filteredOn(BatchRun.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(BatchConflictException.class::isInstance).hasSize(1);
      BatchRun run = (BatchRun) outcomes.stream().filter(BatchRun.class::isInstance).findFirst().orElseThrow();
      assertThat(b.batch.runs(null, 10)).extracting(BatchRun::id).containsExactly(run.id());

      assertThat(a.batch.runPending() + b.batch.runPending()).isEqualTo(2 * PARTITIONS);
      assertThatThrownBy(() -> b.batch.retry(run.id())).isInstanceOf(IllegalArgumentException.class);
      assertThat(b.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-b").state()).isEqualTo(BatchState.QUEUED);
      assertThatThrownBy(() -> a.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-a"))
          .isInstanceOf(BatchConflictException.class);
    }
  }

  /** Calls each trigger on a thread of its own, released at once; each one's run or exception. */
  private static List<Object> triggerAtOnce(List<Callable<BatchRun>> triggers) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(triggers.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> outcomes = new ArrayList<>();
      for (Callable<BatchRun> trigger : triggers) {
        outcomes.add(threads.submit(() -> {
          start.await();
          try {
            return trigger.call();
          } catch (BatchConflictException refused) {
            return refused;
          }
        }));
      }
      start.countDown();
      List<Object> done = new ArrayList<>();
      for (Future<Object> f : outcomes) {
        done.add(f.get(30, TimeUnit.SECONDS));
      }
      return done;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The run failed with one failed partition, {@code subject}'s, whose recorded reason contains {@code reason}. */
  private PartitionStatus assertFailedAlone(Node node, BatchRun run, String reason) {
    BatchRun after = node.batch.status(run.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(BatchState.FAILED);
    assertThat(after.partitionsFailed()).isEqualTo(1);
    assertThat(after.partitionsDone()).isEqualTo(2 * PARTITIONS - 1);
    assertThat(after.error()).contains(reason);
    assertThat(storage.matchResultStore().publishedGeneration(Direction.JOBS_FOR_WORKER)).isEmpty();
    List<PartitionStatus> failed = node.batch.partitions(run.id()).stream()
        .filter(p -> p.state() == PartitionState.FAILED).toList();
    assertThat(failed).singleElement().satisfies(p -> {
      assertThat(p.spec()).startsWith(Direction.JOBS_FOR_WORKER.name());
      assertThat(p.error()).contains(reason);
    });
    return failed.get(0);
  }

  /** The retry recomputed the failed partition alone, and the run published the single-node results. */
  private void assertRetriedOnly(Node node, BatchRun run, PartitionStatus failed, Recorder recorder) {
    assertThat(recorder.allCompleted()).containsExactly(failed.spec());
    BatchRun done = node.batch.status(run.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
    assertThat(node.batch.partitions(run.id())).allSatisfy(p -> assertThat(p.attempts()).as(p.spec())
        .isEqualTo(p.partition() == failed.partition() ? 2 : 1));
    BatchFixture.assertPublishedEqualsReference(storage, schema, done, market, BatchFixture.referenceEngine(market),
        TOP_N, EnumSet.allOf(Direction.class));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = TestPostgres.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
