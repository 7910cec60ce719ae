package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.batch.BatchConfig;
import dev.matching.batch.MatchingBatch;
import dev.matching.jdbc.BatchFixture.Node;
import dev.matching.jdbc.BatchFixture.Recorder;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.sample.SampleMarket;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchState;
import dev.matching.spi.PartitionState;
import dev.matching.spi.PartitionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in another JVM is killed with SIGKILL while it holds the lease of a partition whose
 * lists it has already written; a node in this JVM takes the partition over once the lease
 * expires and the run completes with every list stored once, equal to a single node's.
 */
class JdbcBatchCrashTest extends PostgresTestBase {

  private static final int TOP_N = 10;
  private static final int PARTITIONS = 8;
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final String DOOMED = "doomed-node";
  private static final Set<Direction> WORKERS_ONLY = EnumSet.of(Direction.JOBS_FOR_WORKER);

  @TempDir
  Path dir;

  @Test
  @Timeout(180)
  void aPartitionOfANodeKilledWithSigkillIsTakenOverAndTheRunCompletes() throws Exception {
    SampleMarket market = BatchFixture.market(7, 6_000, 3_000);
    BatchFixture.load(storage, market);
    BatchConfig config = BatchConfig.custom().nodeId("survivor").topN(TOP_N).partitions(PARTITIONS)
        .directions(WORKERS_ONLY).leaseDuration(LEASE).heartbeatInterval(LEASE.dividedBy(2)).build();
    Recorder recorder = new Recorder();
    try (Node survivor = new Node(schema, config, recorder.forNode("survivor"))) {
      BatchRun run = survivor.batch.trigger(MatchingBatch.DAILY_MATCHING, "operator-1");
      Path marker = dir.resolve("hanging");
      Path log = dir.resolve("doomed-node.log");
      Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), BatchCrashNode.class.getName(), TestPostgres.jdbcUrl(),
          schema, DOOMED, marker.toString(), "3", Integer.toString(PARTITIONS), Integer.toString(TOP_N),
          Long.toString(LEASE.toMillis()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      PartitionStatus held;
      try {
        held = await(Duration.ofSeconds(90), "the other JVM to hang holding a lease", doomed, log, () -> {
          if (!Files.exists(marker)) {
            return Optional.empty();
          }
          return survivor.batch.partitions(run.id()).stream()
              .filter(p -> p.state() == PartitionState.RUNNING && DOOMED.equals(p.owner())).findFirst();
        });
        assertThat(survivor.batch.partitions(run.id())).filteredOn(p -> p.state() == PartitionState.DONE)
            .hasSize(2).allSatisfy(p -> assertThat(p.owner()).isEqualTo(DOOMED));
      } finally {
        doomed.destroyForcibly();
      }
      assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
      assertThat(doomed.exitValue()).as("exit status of a process killed by SIGKILL").isEqualTo(128 + 9);
      long written = BatchFixture.storedLists(TestPostgres.dataSource(), schema, Direction.JOBS_FOR_WORKER,
          BatchFixture.generationOf(run)).size();
      assertThat(written).as("lists the dead node wrote, its hung partition's included").isPositive();

      BatchRun done = await(Duration.ofSeconds(90), "the survivor to finish the run", null, log, () -> {
        survivor.batch.runPending();
        return survivor.batch.status(run.id()).filter(r -> !r.state().active());
      });

      assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
      List<PartitionStatus> partitions = survivor.batch.partitions(run.id());
      PartitionStatus takenOver = partitions.get(held.partition());
      assertThat(takenOver.owner()).isEqualTo("survivor");
      assertThat(takenOver.attempts()).isGreaterThanOrEqualTo(2);
      assertThat(takenOver.token()).isGreaterThan(held.token());
      assertThat(partitions).filteredOn(p -> DOOMED.equals(p.owner())).hasSize(2)
          .allSatisfy(p -> assertThat(p.attempts()).as("done by the dead node, not redone").isEqualTo(1));
      assertThat(recorder.allCompleted()).hasSize(PARTITIONS - 2).contains(held.spec());
      assertThat(done.itemsDone()).isEqualTo(market.workers().stream().filter(Worker::active).count());
      BatchFixture.assertPublishedEqualsReference(storage, schema, done, market, BatchFixture.referenceEngine(market),
          TOP_N, WORKERS_ONLY);
    }
  }

  /**
   * Polls {@code probe} until it yields a value, failing after {@code timeout} or as soon as
   * {@code process} (when given) has ended; the failure quotes the process's output.
   */
  private static <T> T await(Duration timeout, String what, Process process, Path log, Supplier<Optional<T>> probe)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (process != null && !process.isAlive()) {
        throw new AssertionError("the other JVM ended (status " + process.exitValue() + ") before " + what + ":\n"
            + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; other JVM's output:\n"
        + (Files.exists(log) ? Files.readString(log) : "(none)"));
  }
}
