package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code MATCHING_SECURITY_ENABLED=false}: the API and the actuator answer without a key (no
 * Boot default login), the admin API is not served, and the firewall still refuses URLs that are
 * not in normal form.
 */
@SpringBootTest(classes = ReferenceApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.security.enabled=false", "sample.jobs=50", "sample.workers=20",
        "matching.batch.schedule-enabled=false"})
@Timeout(60)
class OpenAccessTest {
  @Value("${local.server.port}")
  int port;

  private int status(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void everythingButTheAdminApiIsOpen() throws Exception {
    assertThat(status("/api/v1/jobs?limit=1")).isEqualTo(200);
    assertThat(status("/api/v1/workers?limit=1")).isEqualTo(200);
    assertThat(status("/actuator/prometheus")).isEqualTo(200);
    assertThat(status("/api/v1/admin/system-info")).isEqualTo(404);
    assertThat(status("/api/v1/jobs;x")).isEqualTo(400);
  }
}
