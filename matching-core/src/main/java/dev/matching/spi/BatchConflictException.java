package dev.matching.spi;

/**
 * A run could not be created or retried because another run of the same type is still queued
 * or running. Nothing was written; {@link #activeRunId()} names the run in the way.
 */
public class BatchConflictException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final String activeRunId;

  /** With the type and the id of the active run. */
  public BatchConflictException(String type, String activeRunId) {
    super("a " + type + " run is already active: " + activeRunId);
    this.activeRunId = activeRunId;
  }

  /** Id of the queued or running run of the same type. */
  public String activeRunId() {
    return activeRunId;
  }
}
