package dev.matching.redis;

import dev.matching.model.EntityKind;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.Change;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the adapters against a running server (not a test): match-list write and read rates,
 * erasure and cleanup cost, and change-event propagation delay between two clients. Uses a key
 * prefix of its own and deletes its keys at the end.
 *
 * <pre>java -cp ... dev.matching.redis.RedisMeasurement [redis://127.0.0.1:6379] [workers] [topK]</pre>
 */
public final class RedisMeasurement {

  private static final Direction JOBS = Direction.JOBS_FOR_WORKER;
  private static final int PARTITION = 1_000;
  private static final int JOBS_IN_MARKET = 20_000;

  private RedisMeasurement() {}

  public static void main(String[] args) throws Exception {
    RedisURI uri = RedisURI.create(args.length > 0 ? args[0] : "redis://127.0.0.1:6379");
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int topK = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    RedisMatchingConfig config = RedisMatchingConfig.custom()
        .keyPrefix("matching-measure-" + Long.toHexString(System.nanoTime()))
        .commandTimeout(Duration.ofSeconds(10))
        .build();
    System.out.printf(Locale.ROOT, "Redis at %s, %d workers x top-%d, partitions of %d, Java %s, %d cores%n",
        uri, workers, topK, PARTITION, Runtime.version(), Runtime.getRuntime().availableProcessors());
    try (RedisClient rawClient = TestRedis.client(uri, config);
        StatefulRedisConnection<String, String> raw = rawClient.connect(StringCodec.UTF8);
        RedisMatching redis = RedisMatching.connect(uri, config);
        RedisMatching other = RedisMatching.connect(uri, config)) {
      try {
        measureResults(redis, raw.sync(), config, workers, topK);
        measureEvents(redis, other, 2_000);
      } finally {
        TestRedis.deleteKeys(raw, config.keyPrefix());
      }
    }
  }

  private static void measureResults(RedisMatching redis, RedisCommands<String, String> raw, RedisMatchingConfig config,
      int workers, int topK) {
    RedisMatchResultStore store = redis.resultStore();
    Instant computedAt = Instant.now();
    long start = System.nanoTime();
    for (int from = 0; from < workers; from += PARTITION) {
      store.write(JOBS, 1, computedAt, partition(from, Math.min(workers, from + PARTITION), topK));
    }
    double writeSeconds = seconds(System.nanoTime() - start);
    store.publish(JOBS, 1);
    String used = raw.info("memory").lines()
        .filter(line -> line.startsWith("used_memory_human:")).findFirst().orElse("?");
    Long hashBytes = raw.memoryUsage(config.keyPrefix() + ":results:jobs_for_worker:gen:1");
    System.out.printf(Locale.ROOT, "write: %d lists in %.1f s = %.0f lists/s (%.0f matches/s, encoding included); "
        + "generation hash %.0f MB (%s server total)%n",
        workers, writeSeconds, workers / writeSeconds, (double) workers * topK / writeSeconds,
        hashBytes == null ? -1 : hashBytes / 1e6, used);

    SplittableRandom random = new SplittableRandom(7);
    int reads = 20_000;
    long[] latencies = new long[reads];
    start = System.nanoTime();
    for (int i = 0; i < reads; i++) {
      long t = System.nanoTime();
      store.find(JOBS, "w-" + random.nextInt(workers)).orElseThrow();
      latencies[i] = System.nanoTime() - t;
    }
    double readSeconds = seconds(System.nanoTime() - start);
    System.out.printf(Locale.ROOT, "read, 1 thread: %d finds in %.1f s = %.0f/s, latency %s%n",
        reads, readSeconds, reads / readSeconds, percentiles(latencies));

    int threads = 8;
    AtomicInteger done = new AtomicInteger();
    List<Thread> readers = new ArrayList<>();
    start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      SplittableRandom own = random.split();
      Thread reader = new Thread(() -> {
        for (int i = 0; i < reads / threads; i++) {
          store.find(JOBS, "w-" + own.nextInt(workers)).orElseThrow();
          done.incrementAndGet();
        }
      });
      reader.start();
      readers.add(reader);
    }
    for (Thread reader : readers) {
      join(reader);
    }
    readSeconds = seconds(System.nanoTime() - start);
    System.out.printf(Locale.ROOT, "read, %d threads on one connection: %d finds in %.1f s = %.0f/s%n",
        threads, done.get(), readSeconds, done.get() / readSeconds);

    start = System.nanoTime();
    long erased = store.erase("j-" + 17);
    System.out.printf(Locale.ROOT, "erase of one job id over %d lists: %d lists changed in %.1f s%n",
        workers, erased, seconds(System.nanoTime() - start));

    store.publish(JOBS, 2);
    start = System.nanoTime();
    long deleted = store.deleteGenerationsBefore(JOBS, 2);
    System.out.printf(Locale.ROOT, "deleteGenerationsBefore: %d lists in %.3f s (UNLINK frees memory in the background)%n",
        deleted, seconds(System.nanoTime() - start));
  }

  private static void measureEvents(RedisMatching publisherNode, RedisMatching subscriberNode, int events) throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    long[] delays = new long[events];
    AtomicInteger received = new AtomicInteger();
    AtomicInteger resyncs = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(events);
    ChangeListener listener = new ChangeListener() {
      @Override
      public void onChange(ChangeEvent event) {
        long now = System.nanoTime();
        delays[received.getAndIncrement()] = now - sentAt.get(event.id());
        all.countDown();
      }

      @Override
      public void onResyncRequired(String reason) {
        resyncs.incrementAndGet();
      }
    };
    try (ChangeSubscription subscription = subscriberNode.changeEvents().subscribe(listener)) {
      for (int i = 0; i < events; i++) {
        String id = "j-" + i;
        sentAt.put(id, System.nanoTime());
        publisherNode.changeEvents().publish(new ChangeEvent(EntityKind.JOB, id, Change.Type.UPSERT, i + 1));
        TimeUnit.MICROSECONDS.sleep(500); // paced, so the delay is not queueing behind a burst
      }
      if (!all.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("only " + received.get() + " of " + events + " events arrived");
      }
      System.out.printf(Locale.ROOT, "events: %d published by one client, received by another: propagation %s, "
          + "resyncs %d, dropped %d%n", events, percentiles(delays), resyncs.get(), subscription.droppedMessages());
    }
  }

  private static Map<String, List<Match>> partition(int from, int to, int topK) {
    Map<String, List<Match>> lists = new HashMap<>();
    SplittableRandom random = new SplittableRandom(from);
    for (int worker = from; worker < to; worker++) {
      List<Match> matches = new ArrayList<>(topK);
      double score = 1;
      for (int rank = 0; rank < topK; rank++) {
        score *= 0.99 - random.nextDouble() * 0.01;
        matches.add(new Match("j-" + random.nextInt(JOBS_IN_MARKET), score,
            new FactorScores(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble())));
      }
      lists.put("w-" + worker, matches);
    }
    return lists;
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void join(Thread thread) {
    try {
      thread.join(TimeUnit.MINUTES.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
