package dev.matching.redis;

import dev.matching.spi.memory.InMemoryBatchRunStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import dev.matching.testkit.LifecycleContract;
import dev.matching.testkit.SettableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The lifecycle contract, unchanged, with results in Redis (entities and runs in memory). */
class RedisLifecycleTest extends LifecycleContract {

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;
  private RedisMatchingConfig config;

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

  @Override
  protected Stores newStores(SettableClock clock) {
    config = TestRedis.freshConfig();
    return new Stores(new InMemoryJobStore(clock), new InMemoryWorkerStore(clock),
        new RedisMatchResultStore(connection, config), new InMemoryBatchRunStore());
  }

  @AfterEach
  void deleteKeys() {
    TestRedis.deleteKeys(connection, config.keyPrefix());
  }
}
