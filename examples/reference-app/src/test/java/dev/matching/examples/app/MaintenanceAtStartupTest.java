package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The reference app started in maintenance (as with {@code MAINTENANCE_MODE=true}): readiness
 * refuses traffic, writes get 503 with Retry-After, reads work, and an admin ends maintenance.
 */
@SpringBootTest(classes = ReferenceApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"MAINTENANCE_MODE=true", "sample.jobs=50", "sample.workers=20",
        "matching.batch.schedule-enabled=false"})
@Timeout(60)
class MaintenanceAtStartupTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer dev-admin-key")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void startsRefusingTrafficAndWritesUntilAnAdminEndsMaintenance() throws Exception {
    HttpResponse<String> readiness = call("GET", "/actuator/health/readiness", null);
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("OUT_OF_SERVICE");
    HttpResponse<String> write = call("PUT", "/api/v1/workers/maintenance-w", "{\"home\":{\"lat\":35,\"lng\":139}}");
    assertThat(write.statusCode()).isEqualTo(503);
    assertThat(write.headers().firstValue("Retry-After")).isPresent();
    assertThat(call("GET", "/api/v1/jobs?limit=1", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/health", null).body()).contains("\"ready\":false").contains("\"maintenance\":true");

    assertThat(call("POST", "/api/v1/admin/maintenance", "{\"enabled\":false}").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(call("PUT", "/api/v1/workers/maintenance-w", "{\"home\":{\"lat\":35,\"lng\":139}}").statusCode())
        .isEqualTo(201);
  }
}
