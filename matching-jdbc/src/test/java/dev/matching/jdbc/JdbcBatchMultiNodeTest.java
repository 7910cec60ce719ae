package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.assignment.AssignedEdge;
import dev.matching.assignment.Assignment;
import dev.matching.batch.AssignmentMode;
import dev.matching.batch.BatchAssignment;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.MatchingBatch;
import dev.matching.jdbc.BatchFixture.Node;
import dev.matching.jdbc.BatchFixture.Recorder;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.sample.SampleMarket;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.PartitionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four engine instances, each with its own pool, storage, engine and batch, share one run over
 * 10,000 workers and 20,000 jobs on PostgreSQL; the published lists equal a single in-memory
 * engine's, and the run's optimal assignment is computed once, by the node that published.
 */
class JdbcBatchMultiNodeTest extends PostgresTestBase {

  private static final int NODES = 4;
  private static final int TOP_N = 10;
  private static final int PARTITIONS = 16;
  private static final int MAX_OFFERS = 3;

  @Test
  @Timeout(240)
  void fourNodesShareOneRunAndPublishTheSingleNodeResults() throws Exception {
    long t0 = System.nanoTime();
    SampleMarket market = BatchFixture.market(20261201, 20_000, 10_000);
    BatchFixture.load(storage, market);
    BatchConfig config = BatchConfig.custom().topN(TOP_N).partitions(PARTITIONS).assignment(AssignmentMode.OPTIMAL)
        .maxOffersPerWorker(MAX_OFFERS).leaseDuration(Duration.ofSeconds(30)).heartbeatInterval(Duration.ofSeconds(5))
        .build();
    Recorder recorder = new Recorder();
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 1; i <= NODES; i++) {
        String id = "node-" + i;
        nodes.add(new Node(schema, config.toBuilder().nodeId(id).build(), recorder.forNode(id)));
      }
      long t1 = System.nanoTime();
      BatchRun run = nodes.get(0).batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      assertThat(run.parameters()).containsEntry("assignment", "optimal");

      int processed = runConcurrently(nodes);
      long t2 = System.nanoTime();

      int partitions = 2 * PARTITIONS;
      assertThat(processed).isEqualTo(partitions);
      List<String> completed = recorder.allCompleted();
      assertThat(completed).hasSize(partitions).doesNotHaveDuplicates();
      assertThat(recorder.failed).isEmpty();
      assertThat(recorder.leasesLost).isEmpty();
      Map<String, Integer> perNode = new TreeMap<>();
      recorder.completedByNode.forEach((node, specs) -> perNode.put(node, specs.size()));
      System.out.printf("partitions per node: %s; load and 4 engine builds %.1f s, run %.1f s%n", perNode,
          (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      assertThat(perNode).as("partitions per node").hasSizeGreaterThanOrEqualTo(2);
      List<PartitionStatus> stored = nodes.get(0).batch.partitions(run.id());
      assertThat(stored).allSatisfy(p -> assertThat(p.attempts()).as(p.spec()).isEqualTo(1));
      Map<String, Integer> owners = new TreeMap<>();
      stored.forEach(p -> owners.merge(p.owner(), 1, Integer::sum));
      assertThat(owners).as("owners in the partitions table").isEqualTo(perNode);

      BatchRun done = nodes.get(0).batch.status(run.id()).orElseThrow();
      assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
      long activeWorkers = market.workers().stream().filter(Worker::active).count();
      long openJobs = market.jobs().stream().filter(Job::open).count();
      assertThat(activeWorkers).isGreaterThanOrEqualTo(9_000);
      assertThat(done.itemsDone()).isEqualTo(activeWorkers + openJobs);
      MatchingEngine reference = BatchFixture.referenceEngine(market);
      Map<String, List<Match>> workerLists = BatchFixture.assertPublishedEqualsReference(storage, schema, done,
          market, reference, TOP_N, EnumSet.allOf(Direction.class));

      assertAssignment(recorder, nodes, done, workerLists, market);
      System.out.printf("whole test %.1f s%n", (System.nanoTime() - t0) / 1e9);
    } finally {
      nodes.forEach(Node::close);
    }
  }

  /** Starts every node's {@code runPending} at once, each on a thread of its own; the partitions they processed. */
  private static int runConcurrently(List<Node> nodes) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> work = new ArrayList<>();
      for (Node node : nodes) {
        work.add(threads.submit(() -> {
          start.await();
          return node.batch.runPending();
        }));
      }
      start.countDown();
      int processed = 0;
      for (Future<Integer> f : work) {
        processed += f.get(150, TimeUnit.SECONDS);
      }
      return processed;
    } finally {
      threads.shutdownNow();
    }
  }

  /** One node computed the optimal assignment of the stored worker lists, within every capacity. */
  private static void assertAssignment(Recorder recorder, List<Node> nodes, BatchRun run,
      Map<String, List<Match>> workerLists, SampleMarket market) {
    assertThat(recorder.assignmentsByNode).hasSize(1);
    String publisher = recorder.assignmentsByNode.keySet().iterator().next();
    BatchAssignment result = recorder.assignmentsByNode.get(publisher);
    Node node = nodes.stream().filter(n -> n.id.equals(publisher)).findFirst().orElseThrow();
    assertThat(node.batch.lastAssignment()).contains(result);
    assertThat(result.runId()).isEqualTo(run.id());
    assertThat(result.mode()).isEqualTo(AssignmentMode.OPTIMAL);
    assertThat(result.problem().edgeCount()).isEqualTo(workerLists.values().stream().mapToInt(List::size).sum());

    Assignment assignment = result.assignment();
    assignment.validate(result.problem());
    Map<String, Job> jobs = market.jobs().stream().collect(Collectors.toMap(Job::id, Function.identity()));
    Map<String, Integer> perJob = new TreeMap<>();
    Map<String, Integer> perWorker = new TreeMap<>();
    for (AssignedEdge edge : assignment.edges()) {
      Match stored = workerLists.get(edge.workerId()).stream().filter(m -> m.id().equals(edge.jobId())).findFirst()
          .orElseThrow(() -> new AssertionError("not in the stored list: " + edge));
      assertThat(stored.score()).as("score of %s", edge).isEqualTo(edge.score());
      perJob.merge(edge.jobId(), 1, Integer::sum);
      perWorker.merge(edge.workerId(), 1, Integer::sum);
    }
    perJob.forEach((job, n) -> assertThat(n).as("offers on %s", job).isLessThanOrEqualTo(jobs.get(job).headcount()));
    perWorker.forEach((worker, n) -> assertThat(n).as("offers to %s", worker).isLessThanOrEqualTo(MAX_OFFERS));
    assertThat(assignment.totalScore()).isEqualTo(result.report().optimalTotal());
    assertThat(result.report().optimalTotal()).isGreaterThanOrEqualTo(result.report().greedyTotal() - 1e-6);
    System.out.printf("assignment by %s: %s; greedy %.3f, optimal %.3f (%.2f%%), %d ms%n", publisher, assignment,
        result.report().greedyTotal(), result.report().optimalTotal(), 100 * result.report().ratio(),
        result.took().toMillis());
  }
}
