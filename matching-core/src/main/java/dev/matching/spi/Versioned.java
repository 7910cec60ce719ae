package dev.matching.spi;

import dev.matching.model.internal.Checks;
import java.time.Instant;

/**
 * A stored entity with its version and the moment it was last written. Immutable.
 *
 * <p>Versions start at 1 on creation and grow by one on every write of that id.
 *
 * @param value the entity
 * @param version the version, at least 1
 * @param updatedAt when it was last written
 * @param <T> the entity type
 */
public record Versioned<T>(T value, long version, Instant updatedAt) {
  /** Validates. */
  public Versioned {
    Checks.required(value, "value");
    if (!(version >= 1)) {
      throw Checks.fail("version",
          "must be at least 1, was " + version);
    }
    Checks.required(updatedAt, "updatedAt");
  }
}
