package dev.matching.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The Redis server the ordinary tests share: the one named by the environment variable
 * {@value #URL_VARIABLE} (e.g. {@code redis://127.0.0.1:6379/15}) when set, else an
 * {@link OwnRedisServer} started once per test JVM. Tests isolate themselves with a key prefix of
 * their own ({@link #freshConfig()}) and delete only their own keys ({@link #deleteKeys}); nothing
 * here flushes a database.
 */
final class TestRedis {

  static final String URL_VARIABLE = "MATCHING_TEST_REDIS_URL";
  private static @Nullable RedisURI sharedUri;

  private TestRedis() {}

  /** The URI of the shared server, starting the own one on first use. */
  static synchronized RedisURI uri() {
    if (sharedUri == null) {
      String url = System.getenv(URL_VARIABLE);
      if (url != null && !url.isBlank()) {
        sharedUri = RedisURI.create(url);
      } else {
        OwnRedisServer server = OwnRedisServer.startInMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-redis"));
        sharedUri = server.uri();
      }
    }
    return sharedUri;
  }

  /** Whether the tests run against an external server. */
  static boolean external() {
    String url = System.getenv(URL_VARIABLE);
    return url != null && !url.isBlank();
  }

  /** Settings with a key prefix no other test uses and a short command timeout. */
  static RedisMatchingConfig freshConfig() {
    return freshConfigBuilder().build();
  }

  static RedisMatchingConfig.Builder freshConfigBuilder() {
    return RedisMatchingConfig.custom()
        .keyPrefix("matching-test-" + UUID.randomUUID().toString().substring(0, 8))
        .commandTimeout(Duration.ofSeconds(2));
  }

  /** Deletes every key under {@code prefix + ":"} with SCAN and UNLINK; other keys are untouched. */
  static void deleteKeys(StatefulRedisConnection<String, String> connection, String prefix) {
    RedisCommands<String, String> redis = connection.sync();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(1000));
      if (!page.getKeys().isEmpty()) {
        redis.unlink(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
  }

  /** A client for {@code uri} with the recommended options. */
  static RedisClient client(RedisURI uri, RedisMatchingConfig config) {
    RedisClient client = RedisClient.create(uri);
    client.setOptions(RedisMatching.clientOptions(config));
    return client;
  }

  /** Polls {@code condition} every 10 ms until it holds; fails after {@code timeout}. */
  static void awaitTrue(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting until " + what, e);
      }
    }
  }
}
