package dev.matching.redis;

import dev.matching.model.EntityKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.Change;
import dev.matching.spi.StorageException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Faults with a real server: always a server process of the test's own (never the shared or an
 * external one), which the tests pause, kill and restart.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedisFaultTest {

  private static final Direction JOBS = Direction.JOBS_FOR_WORKER;
  private static final Instant COMPUTED_AT = Instant.parse("2026-04-01T03:00:00Z");
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
  /** A failed call must return within the command timeout plus this much scheduling slack. */
  private static final Duration FAIL_FAST_SLACK = Duration.ofMillis(1500);
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  private final RedisMatchingConfig config = TestRedis.freshConfigBuilder()
      .commandTimeout(COMMAND_TIMEOUT)
      .eventCheckInterval(Duration.ofMillis(200))
      .build();

  @Test
  void aWritePausedByTheServerTimesOutFastAndLaterCallsWorkAgain() {
    try (OwnRedisServer server = OwnRedisServer.startInMemory();
        RedisMatching redis = RedisMatching.connect(server.uri(), config)) {
      RedisMatchResultStore store = redis.resultStore();
      store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
      store.publish(JOBS, 1);

      pauseWrites(server, Duration.ofSeconds(2));

      StorageException timedOut = failsFast(() -> store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-2"))));
      assertThat(timedOut).hasMessageContaining("timed out");
      TestRedis.awaitTrue(RECOVERY, "writes work again", () -> succeeds(
          () -> store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-3")))));
      assertThat(store.find(JOBS, "w-1").orElseThrow().matches()).isEqualTo(matches("j-3"));
    }
  }

  @Test
  void aServerKilledMidWritesLosesNothingThatWasReportedWritten() throws Exception {
    try (OwnRedisServer server = OwnRedisServer.startDurable();
        RedisMatching redis = RedisMatching.connect(server.uri(), config)) {
      RedisMatchResultStore store = redis.resultStore();
      List<Integer> acknowledged = new CopyOnWriteArrayList<>();
      AtomicLong failures = new AtomicLong();
      AtomicLong slowestFailureNanos = new AtomicLong();
      AtomicBoolean writing = new AtomicBoolean(true);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        for (int partition = 0; writing.get(); partition++) {
          long start = System.nanoTime();
          try {
            store.write(JOBS, 1, COMPUTED_AT, partition(partition));
            acknowledged.add(partition);
          } catch (StorageException e) {
            failures.incrementAndGet();
            slowestFailureNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            backOff();
          }
        }
      });

      TestRedis.awaitTrue(RECOVERY, "20 partitions written", () -> acknowledged.size() >= 20);
      server.kill();
      TestRedis.awaitTrue(RECOVERY, "writes failing", () -> failures.get() >= 3);
      server.start();
      int beforeRecovery = acknowledged.size();
      TestRedis.awaitTrue(RECOVERY, "writes succeeding again", () -> acknowledged.size() >= beforeRecovery + 10);
      writing.set(false);
      writer.get(30, TimeUnit.SECONDS);
      store.publish(JOBS, 1);

      for (int partition : acknowledged) {
        for (String subject : partition(partition).keySet()) {
          assertThat(store.find(JOBS, subject)).as("acknowledged %s", subject).isPresent();
        }
      }
      assertThat(Duration.ofNanos(slowestFailureNanos.get())).isLessThan(COMMAND_TIMEOUT.plus(FAIL_FAST_SLACK));
    }
  }

  @Test
  void aRestartWithoutDataReadsAsEmptyAndAsksSubscribersToResync() {
    try (OwnRedisServer server = OwnRedisServer.startInMemory();
        RedisMatching writerNode = RedisMatching.connect(server.uri(), config);
        RedisMatching readerNode = RedisMatching.connect(server.uri(), config)) {
      RedisMatchResultStore store = writerNode.resultStore();
      store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
      store.publish(JOBS, 1);
      RecordingListener listener = new RecordingListener();
      try (ChangeSubscription subscription = readerNode.changeEvents().subscribe(listener)) {
        ChangeEvent first = new ChangeEvent(EntityKind.JOB, "j-1", Change.Type.UPSERT, 1);
        writerNode.changeEvents().publish(first);
        assertThat(listener.take(1, RECOVERY)).containsExactly(first);

        server.kill();
        failsFast(() -> store.find(JOBS, "w-1"));
        failsFast(() -> store.publish(JOBS, 2));
        failsFast(() -> writerNode.changeEvents().publish(first));
        failsFast(() -> readerNode.changeEvents().subscribe(new RecordingListener()));
        server.start();

        TestRedis.awaitTrue(RECOVERY, "the store answers again", () -> succeeds(() -> store.publishedGeneration(JOBS)));
        assertThat(store.publishedGeneration(JOBS)).as("the published generation was lost with the data").isEmpty();
        assertThat(store.find(JOBS, "w-1")).isEmpty();
        assertThat(listener.take(1, RECOVERY).get(0)).isInstanceOf(RecordingListener.Resync.class);
        ChangeEvent afterRestart = new ChangeEvent(EntityKind.JOB, "j-2", Change.Type.UPSERT, 2);
        writerNode.changeEvents().publish(afterRestart);
        assertThat(listener.take(1, RECOVERY)).containsExactly(afterRestart);
        assertThat(subscription.droppedMessages()).isZero();
      }
    }
  }

  /** Asserts that {@code call} throws a {@link StorageException} with a cause, fast. */
  private static StorageException failsFast(Executable call) {
    long start = System.nanoTime();
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(StorageException.class, call);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(COMMAND_TIMEOUT.plus(FAIL_FAST_SLACK));
    assertThat(thrown.getCause()).isNotNull();
    return (StorageException) thrown;
  }

  private static boolean succeeds(Supplier<?> call) {
    try {
      call.get();
      return true;
    } catch (StorageException e) {
      return false; // not yet: the caller polls until its deadline
    }
  }

  private static boolean succeeds(Runnable call) {
    return succeeds(() -> {
      call.run();
      return true;
    });
  }

  private void pauseWrites(OwnRedisServer server, Duration duration) {
    try (RedisClient client = RedisClient.create(server.uri());
        StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
      StringCodec codec = StringCodec.UTF8;
      String reply = connection.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(codec),
          new CommandArgs<>(codec).add("PAUSE").add(duration.toMillis()).add("WRITE"));
      assertThat(reply).isEqualTo("OK");
    }
  }

  private static Map<String, List<Match>> partition(int partition) {
    Map<String, List<Match>> lists = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      lists.put("w-" + partition + "-" + i, matches("j-" + i, "j-" + (i + 1)));
    }
    return lists;
  }

  private static void backOff() {
    try {
      TimeUnit.MILLISECONDS.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Match> matches(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> new Match(id, 0.5, new FactorScores(0.5, 0.5, 0.5, 0.5))).toList();
  }
}
