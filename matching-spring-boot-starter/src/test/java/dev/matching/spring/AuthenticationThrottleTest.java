package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spring.HttpCalls.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Key guessing is throttled per remote address: past the allowed failures a minute, every
 * request from the address that presents a key gets 429, a right key included (so a guess cannot
 * be told from a hit), with a SECURITY event; requests without a key are not affected.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.enabled=false", "matching.security.enabled=true",
        "matching.security.failed-authentications-per-minute=5",
        "matching.security.keys[0].name=ops", "matching.security.keys[0].role=operator",
        "matching.security.keys[0].hash=" + SecurityApiTest.OPERATOR_HASH})
@Timeout(60)
class AuthenticationThrottleTest {
  @Value("${local.server.port}")
  int port;

  @Test
  void guessingIsRefusedAfterTheAllowedFailures() throws Exception {
    try (LogCapture security = LogCapture.of("matching.security")) {
    HttpCalls calls = new HttpCalls(port);
    assertThat(calls.send("GET", "/api/v1/jobs?limit=1", null, SecurityApiTest.OPERATOR).status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(calls.send("GET", "/api/v1/jobs?limit=1", null, "guess-" + i).status()).isEqualTo(401);
    }
    Reply guess = calls.send("GET", "/api/v1/jobs?limit=1", null, "guess-5");
    assertThat(guess.status()).isEqualTo(429);
    assertThat(guess.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(guess.header("Retry-After"))).isBetween(1L, 60L);
    Reply hit = calls.send("GET", "/api/v1/jobs?limit=1", null, SecurityApiTest.OPERATOR);
    assertThat(hit.status()).as("a right key from a throttled address").isEqualTo(429);
    assertThat(calls.send("GET", "/api/v1/jobs?limit=1", null, null).status()).isEqualTo(401);
    assertThat(calls.send("GET", "/health", null, null).status()).isEqualTo(200);
    assertThat(security.text()).contains("SECURITY authentication_throttled reason=too_many_failures")
        .doesNotContain("guess-5");
    }
  }
}
