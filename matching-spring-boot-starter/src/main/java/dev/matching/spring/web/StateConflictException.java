package dev.matching.spring.web;

/** The request is valid but conflicts with the current state of the resource; answered with 409. */
public class StateConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message saying what conflicts. */
  public StateConflictException(String message) {
    super(message);
  }
}
