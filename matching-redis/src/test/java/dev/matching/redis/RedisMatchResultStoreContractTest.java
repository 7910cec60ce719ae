package dev.matching.redis;

import dev.matching.spi.MatchResultStore;
import dev.matching.testkit.MatchResultStoreContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The SPI contract, unchanged, against Redis; each test gets a key prefix of its own. */
class RedisMatchResultStoreContractTest extends MatchResultStoreContract {

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
  protected MatchResultStore newStore() {
    config = TestRedis.freshConfig();
    return new RedisMatchResultStore(connection, config);
  }

  @AfterEach
  void deleteKeys() {
    TestRedis.deleteKeys(connection, config.keyPrefix());
  }
}
