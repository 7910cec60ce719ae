package dev.matching.jdbc;

import dev.matching.MatchingEngine;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.MatchingBatch;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A batch node in a process of its own, for {@link JdbcBatchCrashTest}: it works on the active
 * run of a schema like any node, but after its {@code n}-th partition write it creates a marker
 * file and hangs (a stalled node still holding its lease, its lists written but the partition
 * not completed) until the test kills it. Not a test.
 *
 * <p>Arguments: JDBC URL, schema, node id, marker file, {@code n}, partitions per direction,
 * top-N, lease in milliseconds.
 */
public final class BatchCrashNode {

  /** How long the node hangs before giving up on being killed. */
  private static final Duration HANG = Duration.ofMinutes(3);

  private BatchCrashNode() {}

  public static void main(String[] args) {
    String url = args[0];
    String schema = args[1];
    String nodeId = args[2];
    Path marker = Path.of(args[3]);
    int hangAfterWrites = Integer.parseInt(args[4]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[7]));
    BatchConfig config = BatchConfig.custom().nodeId(nodeId).partitions(Integer.parseInt(args[5]))
        .topN(Integer.parseInt(args[6])).directions(EnumSet.of(Direction.JOBS_FOR_WORKER)).leaseDuration(lease)
        .heartbeatInterval(lease.dividedBy(2)).build();

    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    JdbcMatchingStorage storage = JdbcMatchingStorage.custom().dataSource(ds).schema(schema).migrate(false).build();
    MatchingEngine engine = MatchingEngine.builder().jobStore(storage.jobStore()).workerStore(storage.workerStore())
        .clock(BatchFixture.MARKET_CLOCK).build();
    MatchResultStore hanging = new HangingResultStore(storage.matchResultStore(), hangAfterWrites, marker);
    MatchingBatch batch = MatchingBatch.builder(engine, storage.batchRunStore(), hanging).config(config).build();
    System.out.println(nodeId + " started, pid " + ProcessHandle.current().pid());
    int processed = batch.runPending();
    System.out.println(nodeId + " found nothing more to do after " + processed + " partitions");
  }

  /** Writes through, then hangs after the {@code n}-th write. */
  private static final class HangingResultStore extends ForwardingMatchResultStore {
    private final AtomicInteger writes = new AtomicInteger();
    private final int hangAfter;
    private final Path marker;

    HangingResultStore(MatchResultStore delegate, int hangAfter, Path marker) {
      super(delegate);
      this.hangAfter = hangAfter;
      this.marker = marker;
    }

    @Override
    public void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
        Map<String, List<Match>> lists) {
      super.write(writer, direction, generation, computedAt, lists);
      if (writes.incrementAndGet() == hangAfter) {
        try {
          Files.writeString(marker, lists.size() + " lists written\n");
          System.out.println("hanging after write " + hangAfter + " (" + lists.size() + " lists)");
          Thread.sleep(HANG.toMillis());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while hanging", e);
        }
        throw new IllegalStateException("hung for " + HANG + " without being killed");
      }
    }
  }
}
