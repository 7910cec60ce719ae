package dev.matching.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The storage choice, under {@code matching.storage.*}. Bound by {@code MatchingAutoConfiguration}
 * (the storage auto-configurations read {@code matching.storage.type} in their conditions).
 */
@ConfigurationProperties(prefix = "matching.storage")
public class MatchingStorageProperties {
  /**
   * Where data lives: {@code auto} (PostgreSQL when matching-jdbc and a DataSource are present,
   * otherwise memory), {@code memory} or {@code jdbc}.
   */
  private StorageType type = StorageType.AUTO;

  public StorageType getType() {
    return type;
  }

  public void setType(StorageType type) {
    this.type = type;
  }

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
