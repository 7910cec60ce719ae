package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executable jar works as deployed: {@code java -jar target/matching-reference-app.jar}
 * starts in a child process (a small sample market, a free port), answers {@code /health} and an
 * authenticated API call, reports the build's version, passes the image's health check script,
 * and stops on SIGTERM. An integration test (failsafe, after {@code package}): the jar exists
 * only then.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JarLaunchIT {
  private static final Pattern READY = Pattern.compile("matching is ready at http://localhost:(\\d+) \\((\\d+) jobs, (\\d+) workers indexed");
  private static final Duration START_DEADLINE = Duration.ofSeconds(120);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> output = new CopyOnWriteArrayList<>();
  private Process process;
  private Thread reader;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theExecutableJarServesTheApiAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("matching.jar", "target/matching-reference-app.jar"));
    assertThat(jar).as("built by spring-boot-maven-plugin's repackage").isRegularFile();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=0",
        "--sample.jobs=200", "--sample.workers=50", "--matching.batch.schedule-enabled=false",
        "--matching.retention.enabled=false")
        .redirectErrorStream(true).start();
    Matcher ready = awaitReady();
    int port = Integer.parseInt(ready.group(1));
    String base = "http://127.0.0.1:" + port;
    assertThat(ready.group(2) + " jobs, " + ready.group(3) + " workers").as("the ready line, after the sample market")
        .isEqualTo("200 jobs, 50 workers");
    assertThat(output).as("the ready line names the development keys")
        .anyMatch(line -> line.contains("matching is ready at") && line.contains("dev-admin-key")
            && line.contains("dev-operator-key") && line.contains("dev-client-acme-key"));

    HttpResponse<String> health = get(base + "/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    assertThat(JSON.readTree(health.body()).get("ready").asBoolean()).isTrue();
    assertThat(get(base + "/api/v1/jobs?limit=1", null).statusCode()).isEqualTo(401);
    HttpResponse<String> jobs = get(base + "/api/v1/jobs?limit=1", "dev-admin-key");
    assertThat(jobs.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(jobs.body()).get("items").size()).isEqualTo(1);

    // The version comes from the nested jars' manifests (Implementation-Version), as deployed.
    String version = System.getProperty("matching.version");
    JsonNode info = JSON.readTree(get(base + "/api/v1/admin/system-info", "dev-admin-key").body());
    JsonNode openApi = JSON.readTree(get(base + "/v3/api-docs", null).body());
    if (version != null) {
      assertThat(info.get("version").asString()).isEqualTo(version);
      assertThat(openApi.at("/info/version").asString()).isEqualTo(version);
    }
    assertThat(openApi.at("/info/title").asString()).isEqualTo("matching API");

    // The image's HEALTHCHECK script, against this process.
    assertThat(healthCheck(port)).as("health check exit code").isZero();

    // SIGTERM through the handle: Process#destroy would also close the pipes and lose the last lines.
    assertThat(process.toHandle().destroy()).isTrue();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(10)); // the output up to the end
    assertThat(output).as("server.shutdown=graceful").anyMatch(line -> line.contains("Graceful shutdown complete"));
    assertThat(healthCheck(port)).as("health check of a stopped service").isNotZero();
  }

  /** Reads the child's output until the ready line, within {@link #START_DEADLINE}. */
  private Matcher awaitReady() throws InterruptedException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          output.add(line);
          lines.add(line);
        }
      } catch (IOException e) {
        output.add("(output closed: " + e + ")");
      }
    }, "jar-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(500, TimeUnit.MILLISECONDS);
      if (line != null) {
        Matcher m = READY.matcher(line);
        if (m.find()) {
          return m;
        }
      } else if (!process.isAlive()) {
        throw new AssertionError("the jar exited with " + process.exitValue() + " before serving:\n"
            + String.join("\n", output));
      }
    }
    throw new AssertionError("no ready line within " + START_DEADLINE + ":\n" + String.join("\n", output));
  }

  private HttpResponse<String> get(String uri, String key) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Exit code of docker/healthcheck.sh (the Dockerfile's HEALTHCHECK) against {@code port}. */
  private static int healthCheck(int port) throws IOException, InterruptedException {
    Path script = Path.of("docker/healthcheck.sh");
    assertThat(Files.isRegularFile(script)).isTrue();
    ProcessBuilder check = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    check.environment().put("PORT", String.valueOf(port));
    Process p = check.start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("health check did not finish");
    }
    return p.exitValue();
  }
}
