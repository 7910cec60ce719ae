package dev.matching.examples.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server process of the test's own (the binary bundled in embedded-redis, else
 * {@code redis-server} from the PATH) on a fixed free loopback port, with an append-only file
 * synced on every write so a stop and start keep its data, as a production Redis with
 * persistence does. Never the machine's Redis. Not thread-safe.
 */
final class OwnRedis implements AutoCloseable {
  private final String executable;
  private final int port;
  private final Path directory;
  private Process process;

  private OwnRedis(String executable, int port, Path directory) {
    this.executable = executable;
    this.port = port;
    this.directory = directory;
  }

  /** A started server. */
  static OwnRedis start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    OwnRedis redis = new OwnRedis(executable(), port, Files.createTempDirectory("matching-redis-outage-"));
    redis.startAgain();
    return redis;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the process on the same port and data directory; returns once it answers PING. */
  void startAgain() throws IOException, InterruptedException {
    process = new ProcessBuilder(executable, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
        "--dir", directory.toString(), "--protected-mode", "no", "--appendonly", "yes", "--appendfsync", "always")
        .redirectErrorStream(true).redirectOutput(directory.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not start on port " + port + ", see " + directory.resolve("redis.log"));
      }
      Thread.sleep(20);
    }
  }

  /** Stops the process gracefully (SIGTERM) and waits for it to end. */
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
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
      return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false; // not listening yet
    }
  }

  private static String executable() throws IOException, InterruptedException {
    try {
      File bundled = ExecutableProvider.newJarResourceProvider().get();
      if (runs(bundled.getAbsolutePath())) {
        return bundled.getAbsolutePath();
      }
    } catch (IOException | RuntimeException e) {
      // fall back to the PATH
    }
    if (runs("redis-server")) {
      return "redis-server";
    }
    throw new UncheckedIOException(new IOException("no redis-server: neither embedded-redis's binary nor one on the PATH runs"));
  }

  private static boolean runs(String executable) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(List.of(executable, "--version")).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
