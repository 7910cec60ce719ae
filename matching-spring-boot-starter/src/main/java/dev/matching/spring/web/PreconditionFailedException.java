package dev.matching.spring.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An {@code If-Match} precondition does not hold (RFC 9110 section 13.1.1): answered with 412
 * Precondition Failed as problem+json; nothing was changed.
 */
public class PreconditionFailedException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  /** The precondition on {@code kind} {@code id} failed; {@code detail} says how. */
  public PreconditionFailedException(String kind, String id, String detail) {
    super(HttpStatus.PRECONDITION_FAILED, ProblemHandler.problem(HttpStatus.PRECONDITION_FAILED,
        "precondition-failed", "Precondition failed", kind + " " + id + ": " + detail), null);
  }
}
