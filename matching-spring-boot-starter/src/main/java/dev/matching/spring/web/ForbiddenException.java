package dev.matching.spring.web;

/** The caller is known but may not do this (answered with 403 problem+json). */
public class ForbiddenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A denial explained by {@code message} (sent to the caller; no internals). */
  public ForbiddenException(String message) {
    super(message);
  }
}
