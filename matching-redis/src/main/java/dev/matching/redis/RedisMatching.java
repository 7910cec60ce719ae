package dev.matching.redis;

import dev.matching.model.internal.Checks;
import dev.matching.spi.StorageException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of the Redis adapters: one command connection shared by the
 * {@link #resultStore() result store} and the
 * {@link #changeEvents() change events}, which open one Pub/Sub connection per subscription.
 *
 * <pre>{@code
 * RedisMatchingConfig config = RedisMatchingConfig.custom().keyPrefix("matching")
 *     .commandTimeout(Duration.ofSeconds(2)).resultTtl(Duration.ofDays(3)).build();
 * try (RedisMatching redis = RedisMatching.connect(RedisURI.create("redis://127.0.0.1:6379"), config)) {
 *   MatchResultStore results = redis.resultStore();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes what this instance opened (and the client when
 * {@link #connect} created it).
 */
public final class RedisMatching implements AutoCloseable {

  private final @Nullable RedisClient ownedClient;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisMatchResultStore resultStore;
  private final RedisChangeEvents changeEvents;

  private RedisMatching(RedisClient client, boolean ownsClient, RedisMatchingConfig config) {
    this.ownedClient = ownsClient ? client : null;
    try {
      this.connection = client.connect(StringCodec.UTF8);
    } catch (RedisException e) {
      throw new StorageException("Could not connect to Redis: " + e.getMessage(), e);
    }
    this.resultStore = new RedisMatchResultStore(connection, config);
    this.changeEvents = new RedisChangeEvents(client, connection, config);
  }

  /**
   * The client options these adapters are designed for: automatic reconnection, commands rejected
   * at once while disconnected (so calls fail fast instead of queueing), a command and connect
   * timeout of {@link RedisMatchingConfig#commandTimeout()}, TCP keep-alive.
   */
  public static ClientOptions clientOptions(RedisMatchingConfig config) {
    Checks.required(config, "config");
    return ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
        .socketOptions(SocketOptions.builder().connectTimeout(config.commandTimeout()).keepAlive(true).build())
        .build();
  }

  /**
   * Creates a client for {@code uri} with {@link #clientOptions} and connects; {@link #close()}
   * shuts the client down.
   *
   * @throws StorageException when Redis cannot be reached
   */
  public static RedisMatching connect(RedisURI uri, RedisMatchingConfig config) {
    Checks.required(uri, "uri");
    Checks.required(config, "config");
    RedisClient client = RedisClient.create(uri);
    client.setOptions(clientOptions(config));
    try {
      return new RedisMatching(client, true, config);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /**
   * Connects with an application's {@code client}, whose options are left as they are (apply
   * {@link #clientOptions} for fail-fast behaviour while disconnected; every call has the
   * configured timeout either way). {@link #close()} leaves the client open.
   *
   * @throws StorageException when Redis cannot be reached
   */
  public static RedisMatching using(RedisClient client, RedisMatchingConfig config) {
    Checks.required(client, "client");
    Checks.required(config, "config");
    return new RedisMatching(client, false, config);
  }

  /** The match result store. */
  public RedisMatchResultStore resultStore() {
    return resultStore;
  }

  /** The change events. */
  public RedisChangeEvents changeEvents() {
    return changeEvents;
  }

  /** Closes the command connection, and the client when this instance created it. */
  @Override
  public void close() {
    connection.close();
    if (ownedClient != null) {
      ownedClient.shutdown();
    }
  }
}
