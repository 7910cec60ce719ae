package dev.matching;

/**
 * Root of the exceptions matching throws for failures that are not a caller's bad argument
 * (those are {@link IllegalArgumentException}s naming the field). Unchecked; the cause, when
 * there is one, is attached.
 */
public class MatchingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message. */
  public MatchingException(String message) {
    super(message);
  }

  /** With a message and the cause. */
  public MatchingException(String message, Throwable cause) {
    super(message, cause);
  }
}
