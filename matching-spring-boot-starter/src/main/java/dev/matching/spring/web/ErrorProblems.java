package dev.matching.spring.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem bodies of errors that carry nothing but a status (unknown routes, unsupported
 * methods or media types, requests the server refuses to parse): a {@code type} per status and a
 * fixed, generic detail, so no request content, class name or server internal is ever echoed.
 */
final class ErrorProblems {
  private ErrorProblems() {}

  /** The problem of {@code status}. */
  static ProblemDetail of(HttpStatus status) {
    return ProblemHandler.problem(status, type(status), status.getReasonPhrase(), detail(status));
  }

  /** The problem type of {@code status}, appended to {@link ProblemHandler#TYPE_BASE}. */
  static String type(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "bad-request";
      case UNAUTHORIZED -> "unauthorized";
      case FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case NOT_ACCEPTABLE -> "not-acceptable";
      case CONTENT_TOO_LARGE -> "payload-too-large";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "request-too-large";
      case SERVICE_UNAVAILABLE -> "unavailable";
      default -> status.is5xxServerError() ? "internal" : Integer.toString(status.value());
    };
  }

  static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "the request could not be read: check its URL, headers and body";
      case NOT_FOUND -> "there is no such resource or endpoint";
      case METHOD_NOT_ALLOWED -> "this endpoint does not serve the request's method (see the Allow header)";
      case NOT_ACCEPTABLE -> "this endpoint answers application/json or application/problem+json";
      case UNSUPPORTED_MEDIA_TYPE -> "this endpoint reads application/json";
      case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE, CONTENT_TOO_LARGE -> "the request is too large";
      case SERVICE_UNAVAILABLE -> "the service is unavailable; try again shortly";
      default -> status.is5xxServerError() ? "an unexpected error occurred; it has been logged"
          : "the request was refused (" + status.value() + " " + status.getReasonPhrase() + ")";
    };
  }
}
