package dev.matching.redis;

import io.lettuce.core.RedisURI;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server process of the tests' own, on a free loopback port, that tests may stop, kill,
 * pause and restart. The binary is the one bundled in the embedded-redis artifact (Redis 6.2 for
 * linux-amd64 and others); when it cannot run here, {@code redis-server} from the PATH. Not
 * thread-safe: one test drives it.
 */
final class OwnRedisServer implements AutoCloseable {

  private static final long START_TIMEOUT_MILLIS = 10_000;
  private static final @Nullable String EXECUTABLE = findExecutable();

  private final int port;
  private final Path directory;
  private final boolean appendOnly;
  private @Nullable Process process;

  private OwnRedisServer(int port, Path directory, boolean appendOnly) {
    this.port = port;
    this.directory = directory;
    this.appendOnly = appendOnly;
  }

  /** Whether a redis-server binary is available at all. */
  static boolean available() {
    return EXECUTABLE != null;
  }

  /** A started server that keeps no data across restarts. */
  static OwnRedisServer startInMemory() {
    return start(false);
  }

  /**
   * A started server with an append-only file synced on every write, so a kill and a restart
   * keep everything it acknowledged.
   */
  static OwnRedisServer startDurable() {
    return start(true);
  }

  private static OwnRedisServer start(boolean appendOnly) {
    if (EXECUTABLE == null) {
      throw new IllegalStateException("No redis-server: neither the embedded-redis binary runs here nor is redis-server on the PATH");
    }
    try {
      OwnRedisServer server = new OwnRedisServer(freePort(), Files.createTempDirectory("matching-redis-"), appendOnly);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RedisURI uri() {
    return RedisURI.create("redis://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  /** Starts the process again on the same port (and, when durable, the same data directory). */
  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    List<String> command = new ArrayList<>(List.of(EXECUTABLE, "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--dir", directory.toString(), "--protected-mode", "no"));
    command.addAll(appendOnly ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("redis.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + EXECUTABLE, e);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not start on port " + port + ", see " + directory.resolve("redis.log"));
      }
      pause(20);
    }
  }

  /** Kills the process (SIGKILL): no graceful shutdown, no final save. */
  void kill() {
    stopProcess(true);
  }

  /** Stops the process gracefully (SIGTERM). */
  void stop() {
    stopProcess(false);
  }

  private void stopProcess(boolean forcibly) {
    Process running = process;
    if (running == null) {
      return;
    }
    if (forcibly) {
      running.destroyForcibly();
    } else {
      running.destroy();
    }
    try {
      if (!running.waitFor(10, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping redis-server", e);
    }
    process = null;
  }

  /** Stops the process and deletes its data directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + directory, e);
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false; // not listening yet
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for redis-server", e);
    }
  }

  private static @Nullable String findExecutable() {
    try {
      File bundled = ExecutableProvider.newJarResourceProvider().get();
      if (runs(bundled.getAbsolutePath())) {
        return bundled.getAbsolutePath();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("embedded-redis binary unavailable, trying redis-server on the PATH: " + e);
    }
    return runs("redis-server") ? "redis-server" : null;
  }

  private static boolean runs(String executable) {
    try {
      Process version = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false; // not there or not executable: try the next candidate
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
