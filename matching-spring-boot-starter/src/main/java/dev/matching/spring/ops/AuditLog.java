package dev.matching.spring.ops;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * AUDIT log events on the {@code matching.audit} logger: who changed what, with which outcome.
 * Each event is one line ({@code AUDIT <action> k=v ...}) whose key-value pairs
 * ({@code category=audit}, {@code action}, {@code actor}, ...) structured logging (for example
 * ECS JSON) turns into fields.
 */
public final class AuditLog {
  /** Name of the logger. */
  public static final String LOGGER = "matching.audit";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private AuditLog() {}

  /**
   * Records {@code action} (for example {@code write}, {@code maintenance}, {@code erasure}) by
   * {@code actor} with {@code details} in their iteration order.
   */
  public static void record(String action, String actor, Map<String, ?> details) {
    StringBuilder message = new StringBuilder("AUDIT ").append(action).append(" actor=").append(actor);
    LoggingEventBuilder event = LOG.atInfo().addKeyValue("category", "audit").addKeyValue("action", action)
        .addKeyValue("actor", actor);
    details.forEach((key, value) -> {
      message.append(' ').append(key).append('=').append(value);
      event.addKeyValue(key, value);
    });
    event.setMessage(message.toString()).log();
  }
}
