package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spring.HttpCalls.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** A key above its role's rate limit gets 429 with Retry-After; other keys are not affected. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.enabled=false", "matching.security.enabled=true",
        "matching.security.keys[0].name=limited", "matching.security.keys[0].role=client",
        "matching.security.keys[0].employer-id=acme",
        "matching.security.keys[0].hash=" + SecurityApiTest.CLIENT_HASH,
        "matching.security.keys[1].name=ops", "matching.security.keys[1].role=operator",
        "matching.security.keys[1].hash=" + SecurityApiTest.OPERATOR_HASH,
        "matching.security.requests-per-minute.client=3",
        "matching.security.requests-per-minute.operator=0"})
@Timeout(60)
class RateLimitTest {
  @Value("${local.server.port}")
  int port;

  @Test
  void theFourthRequestInAMinuteIsRefused() throws Exception {
    HttpCalls calls = new HttpCalls(port);
    for (int i = 0; i < 3; i++) {
      assertThat(calls.send("GET", "/api/v1/jobs?limit=1", null, SecurityApiTest.CLIENT).status()).isEqualTo(200);
    }
    Reply refused = calls.send("GET", "/api/v1/jobs?limit=1", null, SecurityApiTest.CLIENT);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.body().get("type").asString()).endsWith("/rate-limited");
    for (int i = 0; i < 10; i++) {
      assertThat(calls.send("GET", "/api/v1/jobs?limit=1", null, SecurityApiTest.OPERATOR).status()).isEqualTo(200);
    }
  }
}
