package dev.matching.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisLeasesTest {

  private static final Duration LONG = Duration.ofMinutes(1);

  private RedisMatchingConfig config;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisLeases leases;

  @BeforeEach
  void connect() {
    config = TestRedis.freshConfig();
    client = TestRedis.client(TestRedis.uri(), config);
    connection = client.connect(StringCodec.UTF8);
    leases = new RedisLeases(connection, config);
  }

  @AfterEach
  void disconnect() {
    TestRedis.deleteKeys(connection, config.keyPrefix());
    connection.close();
    client.shutdown();
  }

  @Test
  void onlyOneHolderAtATime() {
    Lease first = leases.tryAcquire("batch", LONG).orElseThrow();

    assertThat(leases.tryAcquire("batch", LONG)).isEmpty();
    assertThat(leases.tryAcquire("other", LONG)).isPresent();
    assertThat(first.remaining()).isPositive().isLessThanOrEqualTo(LONG);
  }

  @Test
  void releaseFreesItAndTheNextHolderGetsALargerToken() {
    Lease first = leases.tryAcquire("batch", LONG).orElseThrow();

    assertThat(leases.release(first)).isTrue();
    Lease second = leases.tryAcquire("batch", LONG).orElseThrow();

    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(leases.release(first)).as("the old holder cannot free the new holder's lease").isFalse();
    assertThat(leases.renew(first, LONG)).as("nor extend it").isEmpty();
    assertThat(leases.tryAcquire("batch", LONG)).isEmpty();
  }

  @Test
  void anExpiredLeaseCanBeTakenByAnotherAndIsLostForTheOldHolder() {
    Lease first = leases.tryAcquire("batch", Duration.ofMillis(100)).orElseThrow();

    TestRedis.awaitTrue(Duration.ofSeconds(5), "the lease expired in Redis",
        () -> connection.sync().exists(config.keyPrefix() + ":lease:batch") == 0);
    Lease second = leases.tryAcquire("batch", LONG).orElseThrow();

    assertThat(first.isExpired()).isTrue();
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(leases.renew(first, LONG)).isEmpty();
  }

  @Test
  void renewExtendsTheHoldersLease() {
    Lease lease = leases.tryAcquire("batch", Duration.ofMillis(300)).orElseThrow();

    Optional<Lease> renewed = leases.renew(lease, LONG);

    assertThat(renewed).isPresent();
    assertThat(renewed.get().fencingToken()).isEqualTo(lease.fencingToken());
    assertThat(connection.sync().pttl(config.keyPrefix() + ":lease:batch")).isGreaterThan(Duration.ofSeconds(30).toMillis());
  }

  @Test
  void tokensKeepGrowingWhenRedisLostTheCounter() {
    Lease before = leases.tryAcquire("batch", LONG).orElseThrow();
    leases.release(before);

    TestRedis.deleteKeys(connection, config.keyPrefix()); // as if Redis restarted empty
    Lease after = leases.tryAcquire("batch", LONG).orElseThrow();

    assertThat(after.fencingToken()).isGreaterThan(before.fencingToken());
  }

  @Test
  void tokensAreUniqueUnderContention() throws Exception {
    List<Long> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = java.util.stream.IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
      for (int i = 0; i < 50; i++) {
        leases.tryAcquire("hot", LONG).ifPresent(lease -> {
          tokens.add(lease.fencingToken());
          leases.release(lease);
        });
      }
    })).toList();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(20_000);
    }

    assertThat(tokens).isNotEmpty().doesNotHaveDuplicates();
  }
}
