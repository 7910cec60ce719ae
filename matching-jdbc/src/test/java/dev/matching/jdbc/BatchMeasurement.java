package dev.matching.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.matching.MatchingEngine;
import dev.matching.batch.BatchConfig;
import dev.matching.batch.BatchProgress;
import dev.matching.batch.MatchingBatch;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.JobStore;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.WorkerStore;
import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures the throughput of one node of the daily matching batch on the sample market. Not a
 * test: run it by hand (see docs/performance.md, section "Batch").
 *
 * <p>Arguments: {@code memory|postgres workers jobs [topN=20] [threads=2] [directions=workers|both]}.
 * {@code memory} uses the in-memory stores; {@code postgres} the JDBC stores on the server in
 * {@code MATCHING_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}),
 * in a schema {@code measure_batch_<pid>} dropped at the end. The timed part is the engine build
 * (indexes loaded from the stores) plus the run ({@link MatchingBatch#runPending()}); generating
 * and loading the market are reported apart. Progress is printed every 15 s.
 */
public final class BatchMeasurement {

  private static final Instant MARKET_START = Instant.parse("2026-11-30T15:00:00Z"); // 2026-12-01 00:00 Tokyo

  private BatchMeasurement() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: memory|postgres workers jobs [topN] [threads] [workers|both]");
    }
    String mode = args[0];
    int workerCount = Integer.parseInt(args[1]);
    int jobCount = Integer.parseInt(args[2]);
    int topN = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    Set<Direction> directions = args.length > 5 && args[5].equals("both")
        ? EnumSet.allOf(Direction.class) : EnumSet.of(Direction.JOBS_FOR_WORKER);
    BatchConfig config = BatchConfig.custom().topN(topN).threads(threads).partitions(64).directions(directions)
        .nodeId("measure").build();
    report("%s: %,d workers x %,d jobs, top %d, %d threads, directions %s, %d cores, max heap %,d MB", mode,
        workerCount, jobCount, topN, threads, directions, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    long t0 = System.nanoTime();
    SampleMarketConfig market = SampleMarketConfig.custom().seed(20261201).jobs(jobCount).workers(workerCount).build();
    List<Job> jobs = SampleMarket.streamJobs(market).collect(Collectors.toList());
    List<Worker> workers = SampleMarket.streamWorkers(market).collect(Collectors.toList());
    report("generated the market in %.1f s (not timed)", seconds(System.nanoTime() - t0));

    Clock engineClock = Clock.fixed(MARKET_START, ZoneOffset.UTC);
    if (mode.equals("memory")) {
      measure(new InMemoryJobStore(engineClock), new InMemoryWorkerStore(engineClock), new InMemoryBatchRunStore(),
          new InMemoryMatchResultStore(), jobs, workers, config, engineClock);
    } else if (mode.equals("postgres")) {
      onPostgres(jobs, workers, config, engineClock);
    } else {
      throw new IllegalArgumentException("mode must be memory or postgres, was " + mode);
    }
  }

  private static void onPostgres(List<Job> jobs, List<Worker> workers, BatchConfig config, Clock engineClock)
      throws SQLException {
    String url = System.getenv().getOrDefault(TestPostgres.URL_VARIABLE,
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    String schema = "measure_batch_" + ProcessHandle.current().pid();
    PGSimpleDataSource target = new PGSimpleDataSource();
    target.setURL(url);
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(target);
    pool.setMaximumPoolSize(config.threads() + 2);
    try (HikariDataSource ds = new HikariDataSource(pool)) {
      try {
        JdbcMatchingStorage storage = JdbcMatchingStorage.custom().dataSource(ds).schema(schema).clock(engineClock)
            .build();
        measure(storage.jobStore(), storage.workerStore(), storage.batchRunStore(), storage.matchResultStore(), jobs,
            workers, config, engineClock);
      } finally {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  private static void measure(JobStore jobStore, WorkerStore workerStore, BatchRunStore runs,
      MatchResultStore results, List<Job> jobs, List<Worker> workers, BatchConfig config, Clock engineClock) {
    long t0 = System.nanoTime();
    jobStore.upsertAll(jobs);
    workerStore.upsertAll(workers);
    report("loaded the stores in %.1f s (not timed)", seconds(System.nanoTime() - t0));

    long t1 = System.nanoTime();
    long cpu1 = processCpuNanos();
    MatchingEngine engine = MatchingEngine.builder().jobStore(jobStore).workerStore(workerStore).clock(engineClock)
        .build();
    long t2 = System.nanoTime();
    report("engine build (both indexes from the stores): %.1f s", seconds(t2 - t1));

    MatchingBatch batch = MatchingBatch.builder(engine, runs, results).config(config).build();
    BatchRun run = batch.trigger(MatchingBatch.DAILY_MATCHING, "measurement");
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    });
    progress.scheduleAtFixedRate(() -> {
      BatchProgress p = batch.progress(run.id());
      report("  progress: %d/%d partitions, %,d subjects, %,.0f subjects/s", p.done(), p.total(), p.items(),
          p.itemsPerSecond());
    }, 15, 15, TimeUnit.SECONDS);
    try {
      batch.runPending();
    } finally {
      progress.shutdownNow();
    }
    long t3 = System.nanoTime();
    long cpu3 = processCpuNanos();
    BatchRun done = batch.status(run.id()).orElseThrow();
    report("run %s: %s, %,d subjects ranked in %.1f s = %,.0f subjects/s", done.id(), done.state(), done.itemsDone(),
        seconds(t3 - t2), done.itemsDone() / seconds(t3 - t2));
    report("engine build + run: %.1f s = %,.0f subjects/s", seconds(t3 - t1), done.itemsDone() / seconds(t3 - t1));
    report("process CPU time over engine build + run: %.1f s (%.2f cores busy on average) = %,.0f subjects per"
        + " CPU-second", seconds(cpu3 - cpu1), (double) (cpu3 - cpu1) / (t3 - t1), done.itemsDone() / seconds(cpu3 - cpu1));
  }

  /** CPU time of this process, all threads (garbage collection and the JDBC driver included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void report(String format, Object... values) {
    System.out.println(String.format(Locale.ROOT, format, values));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
