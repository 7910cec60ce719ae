package dev.matching.redis;

import dev.matching.spi.StorageException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs Redis commands on one shared connection with a deadline each, turning every failure into
 * a {@link StorageException} that names the operation and carries the Lettuce exception.
 * Thread-safe: the connection is Lettuce's thread-safe multiplexed one and no transaction state
 * is kept on it (atomicity comes from Lua scripts).
 */
final class RedisCalls {

  private final StatefulRedisConnection<String, String> connection;
  private final long timeoutMillis;

  RedisCalls(StatefulRedisConnection<String, String> connection, Duration commandTimeout) {
    this.connection = connection;
    this.timeoutMillis = commandTimeout.toMillis();
  }

  /**
   * Sends one command and waits for its reply at most the command timeout.
   *
   * @param operation what the caller was doing, for the exception message
   */
  <T> @Nullable T call(String operation, Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
    RedisFuture<T> future;
    try {
      future = command.apply(connection.async());
    } catch (RuntimeException e) {
      throw new StorageException("Redis " + operation + " failed: " + e.getMessage(), e);
    }
    return await(operation, future);
  }

  /** Runs {@code script}, loading it first when the server does not know it (after a restart). */
  <T> @Nullable T eval(String operation, LuaScript script, ScriptOutputType type, String[] keys, String... args) {
    try {
      return awaitUnwrapped(operation, connection.async().evalsha(script.sha1(), type, keys, args));
    } catch (RedisNoScriptException e) {
      return call(operation, redis -> redis.eval(script.source(), type, keys, args));
    }
  }

  /** Waits for {@code future} at most the command timeout. */
  <T> @Nullable T await(String operation, RedisFuture<T> future) {
    try {
      return awaitUnwrapped(operation, future);
    } catch (RedisNoScriptException e) {
      throw new StorageException("Redis " + operation + " failed: " + e.getMessage(), e);
    }
  }

  /** Like {@link #await}, but lets {@link RedisNoScriptException} through for {@link #eval}. */
  private <T> @Nullable T awaitUnwrapped(String operation, RedisFuture<T> future) {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new StorageException("Redis " + operation + " timed out after " + timeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new StorageException("Interrupted while waiting for Redis " + operation, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RedisNoScriptException noScript) {
        throw noScript;
      }
      throw new StorageException("Redis " + operation + " failed: " + cause.getMessage(), cause);
    }
  }
}
