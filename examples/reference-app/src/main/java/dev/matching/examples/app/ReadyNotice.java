package dev.matching.examples.app;

import dev.matching.MatchingEngine;
import dev.matching.spring.properties.MatchingSecurityProperties;
import dev.matching.spring.security.ApiKeys;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs one line when the service is ready (the sample market loaded, the batch started): its URL,
 * how many jobs and workers are indexed, the seconds since the JVM started and, loudly, the
 * well-known development API keys when the demo configuration accepts them, so that the README's
 * curl commands work out of the box. Not logged by a command-line task (no web server).
 */
@Component
public class ReadyNotice implements ApplicationListener<ApplicationReadyEvent> {
  /** The demo's keys by name; only their hashes are configured (application.yml). */
  static final Map<String, String> DEVELOPMENT_KEYS = Map.of(
      "dev-admin", "dev-admin-key", "dev-operator", "dev-operator-key", "dev-client-acme", "dev-client-acme-key");
  private static final Logger LOG = LoggerFactory.getLogger(ReadyNotice.class);
  private final MatchingSecurityProperties security;
  private final MatchingEngine engine;

  /** Reads the configured keys from {@code security} and the index sizes from {@code engine}. */
  public ReadyNotice(MatchingSecurityProperties security, MatchingEngine engine) {
    this.security = security;
    this.engine = engine;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
    if (port == null) {
      return;
    }
    String ready = String.format("matching is ready at http://localhost:%s (%,d jobs, %,d workers indexed, %.1f s after"
        + " the JVM started)", port, engine.jobIndex().size(), engine.workerIndex().size(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    if (!security.enabled()) {
      LOG.warn("{}; API security is OFF (matching.security.enabled=false): anyone can call every endpoint", ready);
      return;
    }
    List<String> active = security.keys().stream()
        .filter(key -> key.name() != null && DEVELOPMENT_KEYS.containsKey(key.name()))
        .filter(key -> ApiKeys.hash(DEVELOPMENT_KEYS.get(key.name())).equals(key.hash()))
        .map(key -> key.role() + " " + DEVELOPMENT_KEYS.get(key.name()))
        .sorted()
        .toList();
    if (active.isEmpty()) {
      LOG.info(ready);
    } else {
      LOG.warn("{}; DEVELOPMENT API keys (Authorization: Bearer <key>; never expose this configuration): {}",
          ready, String.join(", ", active));
    }
  }
}
