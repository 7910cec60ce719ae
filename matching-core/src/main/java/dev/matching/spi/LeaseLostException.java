package dev.matching.spi;

/**
 * A heartbeat, completion or failure named a lease that is no longer held: it expired and was
 * claimed again (a newer fencing token), or the run is no longer active. Nothing was written;
 * the caller must stop working on that partition.
 */
public class LeaseLostException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** With a message. */
  public LeaseLostException(String message) {
    super(message);
  }
}
