package dev.matching.examples.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;

/** HTTP calls to a running reference app for the fault tests, each bounded by a client timeout. */
final class ServiceCalls {
  /** The longest any single call may take before the client gives up (a hang shows as a failure). */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;

  ServiceCalls(ConfigurableApplicationContext app, String key) {
    this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    this.key = key;
  }

  /** A response and how long it took. */
  record Timed(HttpResponse<String> response, Duration took) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }
  }

  Timed call(String method, String path, String body) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> response = client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
  }

  Timed get(String path) throws IOException, InterruptedException {
    return call("GET", path, null);
  }

  /** Sends every request at once; each result's time is from the common start to its answer. */
  List<Timed> concurrently(List<String[]> methodPathBody) {
    long start = System.nanoTime();
    List<CompletableFuture<Timed>> futures = new ArrayList<>();
    for (String[] r : methodPathBody) {
      futures.add(client.sendAsync(request(r[0], r[1], r.length > 2 ? r[2] : null), HttpResponse.BodyHandlers.ofString())
          .thenApply(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - start))));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  /**
   * Calls {@code path} until {@code condition} holds or {@code within} passes; returns the time it
   * took, or throws naming the last answer.
   */
  Duration awaitGet(String path, Predicate<Timed> condition, Duration within) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    Timed last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = get(path);
        if (condition.test(last)) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        // the client gave up on this call; the deadline decides
      }
      Thread.sleep(100);
    }
    throw new AssertionError("GET " + path + " did not reach the expected state within " + within + "; last answer: "
        + (last == null ? "none" : last.status() + " " + last.body()));
  }

  /** Polls a path in the background until {@link Watch#stop()}, collecting every answer that is not 200. */
  Watch watch(String path) {
    Watch watch = new Watch(path);
    watch.thread.start();
    return watch;
  }

  /** A background poller of one path. */
  final class Watch {
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;

    private Watch(String path) {
      thread = new Thread(() -> {
        while (running) {
          try {
            Timed t = get(path);
            calls.incrementAndGet();
            if (t.status() != 200) {
              unexpected.add(t.status() + " " + t.body());
            }
            Thread.sleep(200);
          } catch (IOException e) {
            unexpected.add(e.toString());
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "watch " + path);
      thread.setDaemon(true);
    }

    /** Stops polling; returns the answers that were not 200 (after checking it polled at all). */
    List<String> stop() throws InterruptedException {
      running = false;
      thread.join(CALL_TIMEOUT.toMillis() + 1_000);
      if (calls.get() == 0) {
        unexpected.add("never answered");
      }
      return List.copyOf(unexpected);
    }
  }

  private HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** A job body with one shift in 2030, for writes. */
  static String job(String employer) {
    return """
        {"employer_id":"%s","location":{"lat":35.0,"lng":135.7},
         "shifts":[{"start":"2030-02-01T09:00:00","end":"2030-02-01T17:00:00","zone":"Asia/Tokyo"}],
         "pay":{"min":1200}}
        """.formatted(employer);
  }

  /** Names of the server's request threads (Tomcat's {@code http-nio-*-exec-*}) whose stack is inside {@code packagePrefix}. */
  static List<String> requestThreadsIn(String packagePrefix) {
    List<String> stuck = new ArrayList<>();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      if (info.getThreadName().startsWith("http-nio-") && info.getThreadName().contains("-exec-") && Arrays.stream(info.getStackTrace())
          .anyMatch(frame -> frame.getClassName().startsWith(packagePrefix))) {
        stuck.add(info.getThreadName() + " " + info.getThreadState());
      }
    }
    return stuck;
  }
}
