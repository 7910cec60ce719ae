package dev.matching.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.MatchList;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.StorageException;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Redis-specific behaviour of {@link RedisMatchResultStore}; the SPI contract is tested separately. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisMatchResultStoreTest {

  private static final Direction JOBS = Direction.JOBS_FOR_WORKER;
  private static final Instant COMPUTED_AT = Instant.parse("2026-04-01T03:00:00Z");

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;
  private RedisMatchingConfig config;
  private RedisMatchResultStore store;
  private RedisCommands<String, String> raw;

  @BeforeAll
  static void connect() {
    client = TestRedis.client(TestRedis.uri(), RedisMatchingConfig.ofDefaults());
    connection = client.connect(StringCodec.UTF8);
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  @BeforeEach
  void createStore() {
    config = TestRedis.freshConfigBuilder().resultTtl(Duration.ofHours(1)).build();
    store = new RedisMatchResultStore(connection, config);
    raw = connection.sync();
  }

  @AfterEach
  void deleteKeys() {
    TestRedis.deleteKeys(connection, config.keyPrefix());
  }

  @Test
  void readsAVersion1PayloadWrittenByAnEarlierRelease() throws Exception {
    raw.hset(generationKey(JOBS, 7), "w-1", MatchListCodecTest.v1Fixture());
    store.publish(JOBS, 7);

    assertThat(store.find(JOBS, "w-1")).hasValue(
        new MatchList(JOBS, "w-1", 7, MatchListCodecTest.FIXTURE_COMPUTED_AT, MatchListCodecTest.FIXTURE_MATCHES));
  }

  @Test
  void anUnpublishedGenerationExpiresAndThePublishedOneDoesNot() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    assertThat(raw.pttl(generationKey(JOBS, 1))).isBetween(1L, Duration.ofHours(1).toMillis());

    store.publish(JOBS, 1);
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-2", matches("j-1")));
    assertThat(raw.pttl(generationKey(JOBS, 1))).as("published: no expiry, even after a late write").isEqualTo(-1);

    store.write(JOBS, 2, COMPUTED_AT, Map.of("w-1", matches("j-2")));
    store.publish(JOBS, 2);
    assertThat(raw.pttl(generationKey(JOBS, 2))).isEqualTo(-1);
    assertThat(raw.pttl(generationKey(JOBS, 1))).as("replaced: kept for a rollback, then expires")
        .isBetween(1L, Duration.ofHours(1).toMillis());
  }

  @Test
  void expiredGenerationsLeaveTheGenerationsSetAtTheNextPublish() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(JOBS, 2, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    raw.del(generationKey(JOBS, 1)); // as if its TTL ran out

    store.publish(JOBS, 2);

    assertThat(raw.zrange(config.keyPrefix() + ":results:jobs_for_worker:generations", 0, -1)).containsExactly("2");
  }

  @Test
  void aPartitionIsNeverSeenHalfWritten() throws Exception {
    int partitionSize = 500;
    int partitions = 20;
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<List<Long>> observedSizes = CompletableFuture.supplyAsync(() -> {
      List<Long> sizes = new ArrayList<>();
      while (writing.get()) {
        sizes.add(raw.hlen(generationKey(JOBS, 1)));
      }
      return sizes;
    });
    for (int partition = 0; partition < partitions; partition++) {
      Map<String, List<Match>> lists = new HashMap<>();
      for (int i = 0; i < partitionSize; i++) {
        lists.put("w-" + partition + "-" + i, matches("j-1", "j-2", "j-3"));
      }
      store.write(JOBS, 1, COMPUTED_AT, lists);
    }
    writing.set(false);

    assertThat(observedSizes.get(30, TimeUnit.SECONDS)).isNotEmpty().allSatisfy(size -> assertThat(size % partitionSize).isZero());
    assertThat(raw.hlen(generationKey(JOBS, 1))).isEqualTo((long) partitionSize * partitions);
  }

  @Test
  void eraseFindsTheIdAcrossManyScanSteps() {
    store = new RedisMatchResultStore(connection, TestRedis.freshConfigBuilder().keyPrefix(config.keyPrefix()).eraseScanBatch(1).build());
    Map<String, List<Match>> lists = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      lists.put("w-" + i, i % 3 == 0 ? matches("j-a", "j-gone", "j-b") : matches("j-a", "j-b"));
    }
    store.write(JOBS, 1, COMPUTED_AT, lists);
    store.write(JOBS, 2, COMPUTED_AT, lists);
    store.publish(JOBS, 2);

    assertThat(store.erase("j-gone")).isEqualTo(40);

    assertThat(store.find(JOBS, "w-0").orElseThrow().matches()).extracting(Match::id).containsExactly("j-a", "j-b");
    assertThat(store.erase("j-gone")).isZero();
  }

  @Test
  void scriptsAreLoadedAgainWhenRedisForgotThem() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.publish(JOBS, 1);

    raw.scriptFlush();

    assertThat(store.find(JOBS, "w-1")).isPresent();
  }

  @Test
  void anUnreadableStoredListSurfacesAsStorageException() {
    raw.hset(generationKey(JOBS, 1), "w-1", "{\"v\":1,\"computedAt\":");
    store.publish(JOBS, 1);

    assertThatThrownBy(() -> store.find(JOBS, "w-1"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("not readable");
  }

  @Test
  void anEmptyPartitionSendsNothing() {
    store.write(JOBS, 1, COMPUTED_AT, Map.of());

    assertThat(raw.exists(generationKey(JOBS, 1), config.keyPrefix() + ":results:jobs_for_worker:generations")).isZero();
  }

  @Test
  void aStaleWriteAfterThePublishChangesNothingAtTheServer() {
    store.write(lease(0, 2), JOBS, 5, COMPUTED_AT, Map.of("w-1", matches("j-1"), "w-2", matches("j-2")));
    store.write(lease(1, 1), JOBS, 5, COMPUTED_AT, Map.of("w-3", matches("j-3")));
    store.publish(JOBS, 5);
    String hash = generationKey(JOBS, 5);
    Map<String, String> listsBefore = raw.hgetall(hash);
    Map<String, String> fencesBefore = raw.hgetall(hash + ":fences");
    List<String> keysBefore = keys();

    assertThatThrownBy(() -> store.write(lease(0, 1), JOBS, 5, COMPUTED_AT.plusSeconds(60),
        Map.of("w-1", matches("j-stale"), "w-9", matches("j-stale"))))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("Partition 0 of generation 5")
        .hasMessageContaining("token 2")
        .hasMessageContaining("token 1 is stale");
    assertThatThrownBy(() -> store.write(lease(0, 1), JOBS, 5, COMPUTED_AT, Map.of()))
        .as("an empty stale write deletes nothing either").isInstanceOf(LeaseLostException.class);

    assertThat(listsBefore).containsOnlyKeys("w-1", "w-2", "w-3");
    assertThat(raw.hgetall(hash)).as("every list, byte for byte").isEqualTo(listsBefore);
    assertThat(fencesBefore).isEqualTo(Map.of("0", "2", "1", "1"));
    assertThat(raw.hgetall(hash + ":fences")).isEqualTo(fencesBefore);
    assertThat(raw.smembers(hash + ":part:0")).containsExactlyInAnyOrder("w-1", "w-2");
    assertThat(keys()).as("no key created or deleted").isEqualTo(keysBefore);
    assertThat(raw.pttl(hash)).isEqualTo(-1);
    assertThat(raw.pttl(hash + ":fences")).isEqualTo(-1);
  }

  @Test
  void fencesAndPartitionSetsExpireAndPersistWithTheirGeneration() {
    store.write(lease(0, 1), JOBS, 1, COMPUTED_AT, Map.of("w-1", matches("j-1")));
    store.write(lease(1, 1), JOBS, 1, COMPUTED_AT, Map.of());
    String hash = generationKey(JOBS, 1);
    for (String key : List.of(hash, hash + ":fences", hash + ":part:0")) {
      assertThat(raw.pttl(key)).as("unpublished %s", key).isBetween(1L, Duration.ofHours(1).toMillis());
    }

    store.publish(JOBS, 1);
    store.write(lease(2, 1), JOBS, 1, COMPUTED_AT, Map.of("w-2", matches("j-1")));
    for (String key : List.of(hash, hash + ":fences", hash + ":part:0", hash + ":part:2")) {
      assertThat(raw.pttl(key)).as("published %s, even after a late write", key).isEqualTo(-1);
    }

    assertThat(store.publishIfNewer(JOBS, 2)).isTrue();
    for (String key : List.of(hash, hash + ":fences", hash + ":part:0", hash + ":part:2")) {
      assertThat(raw.pttl(key)).as("replaced %s", key).isBetween(1L, Duration.ofHours(1).toMillis());
    }
  }

  @Test
  void deletingOldGenerationsLeavesNoFencesOrPartitionSetsBehind() {
    for (long generation = 1; generation <= 3; generation++) {
      store.write(lease(0, 1), JOBS, generation, COMPUTED_AT, Map.of("w-1", matches("j-1"), "w-2", matches("j-2")));
      store.write(lease(0, 2), JOBS, generation, COMPUTED_AT, Map.of("w-1", matches("j-1")));
      store.write(lease(1, 1), JOBS, generation, COMPUTED_AT, Map.of("w-3", matches("j-3")));
    }
    store.write(lease(0, 1), JOBS, 4, COMPUTED_AT, Map.of());
    store.write(lease(0, 1), Direction.WORKERS_FOR_JOB, 1, COMPUTED_AT, Map.of("j-1", matches("w-1")));
    store.publish(JOBS, 2);
    store.publish(JOBS, 5);
    assertThat(keys()).as("a generation with only fences stays known at a publish")
        .contains(generationKey(JOBS, 4) + ":fences");

    assertThat(store.deleteGenerationsBefore(JOBS, 5)).as("two lists in each of generations 1, 2 and 3").isEqualTo(6);

    String jobs = config.keyPrefix() + ":results:jobs_for_worker:";
    String workers = config.keyPrefix() + ":results:workers_for_job:";
    assertThat(keys()).as("nothing of the deleted generations, the other direction untouched").containsExactly(
        jobs + "generations", jobs + "published",
        workers + "gen:1", workers + "gen:1:fences", workers + "gen:1:part:0", workers + "generations");
  }

  /** Every key under the test's prefix, sorted, by SCAN. */
  private List<String> keys() {
    TreeSet<String> keys = new TreeSet<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = raw.scan(cursor, ScanArgs.Builder.matches(config.keyPrefix() + ":*").limit(1000));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return List.copyOf(keys);
  }

  private static PartitionLease lease(int partition, long token) {
    return new PartitionLease("run-1", partition, "p" + partition, "node-" + token, token, COMPUTED_AT);
  }

  private String generationKey(Direction direction, long generation) {
    return config.keyPrefix() + ":results:" + direction.name().toLowerCase(java.util.Locale.ROOT) + ":gen:" + generation;
  }

  private static List<Match> matches(String... ids) {
    return IntStream.range(0, ids.length)
        .mapToObj(i -> new Match(ids[i], 1.0 / (i + 1), new FactorScores(0.5, 0.25, 1, 0)))
        .toList();
  }
}
