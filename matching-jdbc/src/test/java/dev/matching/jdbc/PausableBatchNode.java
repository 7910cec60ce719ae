package dev.matching.jdbc;

import dev.matching.MatchingEngine;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.MatchingBatch;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.PartitionLease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A batch node in a process of its own, for {@link JdbcBatchPauseTest}, to be stopped with SIGSTOP
 * at a known point. Before its first partition write it writes the lease (token and partition)
 * to a marker file; in mode {@code hold} it then waits for a line on standard input before
 * writing (the test stops it there, between ranking and writing), in mode {@code through} it
 * writes at once (the test makes the write wait on a row lock and stops it inside its
 * transaction); in mode {@code publish} it writes through and waits for a line before its first
 * publish instead, after writing the generation to the marker. Prints what became of each write
 * and publish. Not a test.
 *
 * <p>Arguments: JDBC URL, schema, node id, marker file, partitions, top-N, lease, idle-in-transaction
 * timeout and lock timeout (milliseconds), mode.
 */
public final class PausableBatchNode {

  private PausableBatchNode() {}

  public static void main(String[] args) {
    String url = args[0];
    String schema = args[1];
    String nodeId = args[2];
    Path marker = Path.of(args[3]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[6]));
    boolean hold = "hold".equals(args[9]);
    BatchConfig config = BatchConfig.custom().nodeId(nodeId).partitions(Integer.parseInt(args[4]))
        .topN(Integer.parseInt(args[5])).directions(EnumSet.of(Direction.JOBS_FOR_WORKER)).leaseDuration(lease)
        .heartbeatInterval(lease.dividedBy(2)).build();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    JdbcMatchingStorage storage = JdbcMatchingStorage.custom().dataSource(ds).schema(schema).migrate(false)
        .idleInTransactionTimeout(Duration.ofMillis(Long.parseLong(args[7])))
        .lockTimeout(Duration.ofMillis(Long.parseLong(args[8]))).build();
    MatchingEngine engine = MatchingEngine.builder().jobStore(storage.jobStore()).workerStore(storage.workerStore())
        .clock(BatchFixture.MARKET_CLOCK).build();
    AtomicBoolean first = new AtomicBoolean(true);
    ForwardingMatchResultStore pausing = new ForwardingMatchResultStore(storage.matchResultStore()) {
      @Override
      public void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
          Map<String, List<Match>> lists) {
        if (first.getAndSet(false)) {
          try {
            Files.writeString(marker, writer.token() + " " + writer.partition() + " " + lists.size() + "\n");
            System.out.println(nodeId + " about to write " + lists.size() + " lists with token " + writer.token());
            if (hold) {
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
              System.out.println(nodeId + " resumed");
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        try {
          super.write(writer, direction, generation, computedAt, lists);
          System.out.println(nodeId + " write accepted, token " + writer.token());
        } catch (RuntimeException e) {
          System.out.println(nodeId + " write refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
          throw e;
        }
      }
    };
    MatchingBatch batch = MatchingBatch.builder(engine, storage.batchRunStore(), "publish".equals(args[9])
        ? holdingPublish(storage.matchResultStore(), nodeId, marker) : pausing).config(config).build();
    System.out.println(nodeId + " started, pid " + ProcessHandle.current().pid());
    int processed = batch.runPending();
    System.out.println(nodeId + " done after " + processed + " partitions");
  }

  /** Writes through; before its first publish it marks the generation and waits for a line. */
  private static ForwardingMatchResultStore holdingPublish(dev.matching.spi.MatchResultStore results, String nodeId,
      Path marker) {
    AtomicBoolean first = new AtomicBoolean(true);
    return new ForwardingMatchResultStore(results) {
      @Override
      public boolean publishIfNewer(Direction direction, long generation) {
        if (first.getAndSet(false)) {
          try {
            Files.writeString(marker, generation + "\n");
            System.out.println(nodeId + " about to publish generation " + generation);
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        boolean published = super.publishIfNewer(direction, generation);
        System.out.println(nodeId + " publish of generation " + generation + (published ? " done" : " refused"));
        return published;
      }
    };
  }
}
