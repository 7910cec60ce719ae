package dev.matching.spi;

import org.jspecify.annotations.Nullable;

/**
 * A conditional write named a version that is no longer current: someone else changed (or
 * deleted) the entity first. Nothing was written.
 */
public class VersionConflictException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final long expectedVersion;
  private final @Nullable Long actualVersion;

  /**
   * @param id the entity id
   * @param expectedVersion the version the caller expected
   * @param actualVersion the current version, or {@code null} when the entity does not exist
   */
  public VersionConflictException(String id, long expectedVersion, @Nullable Long actualVersion) {
    super("version conflict on " + id + ": expected version " + expectedVersion + ", but it is "
        + (actualVersion == null ? "absent" : "at version " + actualVersion));
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The entity id. */
  public String id() {
    return id;
  }

  /** The version the caller expected. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The current version, or {@code null} when the entity does not exist. */
  public @Nullable Long actualVersion() {
    return actualVersion;
  }
}
