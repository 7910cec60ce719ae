package dev.matching.spi;

import dev.matching.MatchingException;

/**
 * A storage operation failed for a reason that is not the caller's argument: the store is
 * unreachable, timed out, or refused the write. The adapter's own exception is the cause.
 * When this is thrown from a write, nothing of that write was stored.
 */
public class StorageException extends MatchingException {
  private static final long serialVersionUID = 1L;

  /** With a message. */
  public StorageException(String message) {
    super(message);
  }

  /** With a message and the cause. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
