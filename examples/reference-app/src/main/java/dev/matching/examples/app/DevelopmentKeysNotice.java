package dev.matching.examples.app;

import dev.matching.spring.MatchingProperties;
import dev.matching.spring.security.ApiKeys;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Announces at startup, loudly, when the well-known development API keys of the demo
 * configuration are accepted, and prints them so the README's curl commands work out of the box.
 */
@Component
public class DevelopmentKeysNotice implements ApplicationRunner {
  /** The demo's keys by name; only their hashes are configured (application.yml). */
  static final Map<String, String> DEVELOPMENT_KEYS = Map.of(
      "dev-admin", "dev-admin-key", "dev-operator", "dev-operator-key", "dev-client-acme", "dev-client-acme-key");
  private static final Logger LOG = LoggerFactory.getLogger(DevelopmentKeysNotice.class);
  private final MatchingProperties properties;

  /** Reads the configured keys from {@code properties}. */
  public DevelopmentKeysNotice(MatchingProperties properties) {
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.getSecurity().isEnabled()) {
      LOG.warn("API security is OFF (matching.security.enabled=false): anyone can call every endpoint");
      return;
    }
    List<String> active = properties.getSecurity().getKeys().stream()
        .filter(key -> key.getName() != null && DEVELOPMENT_KEYS.containsKey(key.getName()))
        .filter(key -> ApiKeys.hash(DEVELOPMENT_KEYS.get(key.getName())).equals(key.getHash()))
        .map(key -> key.getName() + " (" + key.getRole() + "): Authorization: Bearer " + DEVELOPMENT_KEYS.get(key.getName()))
        .toList();
    if (!active.isEmpty()) {
      LOG.warn("DEVELOPMENT API keys are active; never expose this configuration:\n  {}", String.join("\n  ", active));
    }
  }
}
