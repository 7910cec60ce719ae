package dev.matching.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storage choice, under {@code matching.storage.*}. Bound by {@code MatchingAutoConfiguration}
 * (the storage auto-configurations read {@code matching.storage.type} in their conditions, with
 * the same default); the default is the starter's own. An immutable record, bound through its
 * constructor, so safe to share between threads.
 *
 * @param type Where data lives: {@code auto} (PostgreSQL when matching-jdbc and a DataSource are present,
 *     otherwise memory), {@code memory} or {@code jdbc}.
 */
@ConfigurationProperties(prefix = "matching.storage")
public record MatchingStorageProperties(@DefaultValue("auto") StorageType type) {

  /** Storage choices. */
  public enum StorageType {
    /** PostgreSQL when available, otherwise memory. */
    AUTO,
    /** In-memory stores: nothing survives a restart. */
    MEMORY,
    /** PostgreSQL through matching-jdbc; fails at startup without a DataSource. */
    JDBC
  }
}
