package dev.matching.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.matching.model.Job;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import dev.matching.spi.JobStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures bulk load, streaming and single-row upsert latency of the job store on a real server.
 * Not a test: run it by hand (see docs/jdbc.md) against the server in {@code MATCHING_TEST_PG_URL},
 * default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. It works in a schema of its
 * own, which it drops at the end.
 *
 * <p>Arguments: number of jobs (default 1,000,000), number of single-row upserts (default 2,000).
 */
public final class JdbcLoadMeasurement {

  private JdbcLoadMeasurement() {}

  public static void main(String[] args) throws SQLException {
    int jobCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int upserts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    String url = System.getenv().getOrDefault(TestPostgres.URL_VARIABLE,
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    String schema = "measure_" + ProcessHandle.current().pid();

    PGSimpleDataSource target = new PGSimpleDataSource();
    target.setURL(url);
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(target);
    pool.setMaximumPoolSize(4);
    try (HikariDataSource ds = new HikariDataSource(pool)) {
      try {
        JobStore jobs = JdbcMatchingStorage.custom().dataSource(ds).schema(schema).build().jobStore();
        measure(jobs, jobCount, upserts);
      } finally {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  private static void measure(JobStore jobs, int jobCount, int upserts) {
    long t0 = System.nanoTime();
    List<Job> market = SampleMarket.streamJobs(SampleMarketConfig.custom().seed(1).jobs(jobCount).workers(1_000).build())
        .collect(Collectors.toList());
    long t1 = System.nanoTime();
    report("generated %,d sample jobs in %.1f s (not part of the load)", jobCount, seconds(t1 - t0));

    jobs.upsertAll(market);
    long t2 = System.nanoTime();
    report("upsertAll: %,d jobs in %.1f s = %,.0f rows/s (one transaction)", jobCount, seconds(t2 - t1),
        jobCount / seconds(t2 - t1));

    scan(jobs, "first scan after the load, which also sets the rows' hint bits");
    scan(jobs, "second scan");

    long[] latencies = new long[upserts];
    int stride = Math.max(1, jobCount / upserts);
    for (int i = 0; i < upserts; i++) {
      Job job = market.get((i * stride) % jobCount);
      Job changed = job.toBuilder().headcount(job.headcount() % 10 + 1).build();
      long start = System.nanoTime();
      jobs.upsert(changed);
      latencies[i] = System.nanoTime() - start;
    }
    Arrays.sort(latencies);
    report("single-row upsert over %,d calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms", upserts,
        millis(latencies[upserts / 2]), millis(latencies[(int) (upserts * 0.99)]), millis(latencies[upserts - 1]));
  }

  private static void scan(JobStore jobs, String which) {
    long start = System.nanoTime();
    AtomicLong streamed = new AtomicLong();
    jobs.forEach(job -> streamed.incrementAndGet());
    long elapsed = System.nanoTime() - start;
    report("forEach, %s: %,d jobs in %.1f s = %,.0f rows/s (decoded into Job objects)", which, streamed.get(),
        seconds(elapsed), streamed.get() / seconds(elapsed));
  }

  private static void report(String format, Object... values) {
    System.out.println(String.format(Locale.ROOT, format, values));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
