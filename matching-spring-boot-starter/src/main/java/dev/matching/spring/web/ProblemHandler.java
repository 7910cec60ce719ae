package dev.matching.spring.web;

import dev.matching.NotFoundException;
import dev.matching.model.InvalidArgumentException;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.StorageException;
import dev.matching.spi.VersionConflictException;
import dev.matching.spring.ops.StorageOutageLog;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of the matching API as {@code application/problem+json} (RFC 9457): 400
 * with a list of field errors for bad input, 404 for unknown ids, 409 for version and batch
 * conflicts, 403 for denied object access, 413 for oversized bodies, 503 when storage is unavailable, and a 500 without any
 * internals for anything unexpected (logged with its stack trace).
 */
@RestControllerAdvice(assignableTypes = MatchingApiController.class)
public class ProblemHandler extends ResponseEntityExceptionHandler {
  /** Base of the {@code type} URIs of this API's problems. */
  public static final String TYPE_BASE = "https://matching.dev/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  private final StorageOutageLog storageOutages;

  /** With an outage log of its own. */
  public ProblemHandler() {
    this(new StorageOutageLog());
  }

  /** Reporting refused requests to {@code storageOutages} (one WARN per outage, not a stack trace per 503). */
  public ProblemHandler(StorageOutageLog storageOutages) {
    this.storageOutages = storageOutages;
  }

  /** A problem of this API's {@code type} (appended to {@link #TYPE_BASE}). */
  public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_BASE + type));
    p.setTitle(title);
    return p;
  }

  static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " fields are invalid");
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(invalid(e.errors()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
    String message = e.getMessage() == null ? "invalid request" : e.getMessage();
    if (message.contains("(SQLState ")) {
      // a store refused data the domain accepted: its message names database internals
      LOG.warn("the store refused a write", e);
      return ResponseEntity.badRequest().body(invalid(List.of(new FieldError("body", "could not be stored"))));
    }
    FieldError error = e instanceof InvalidArgumentException invalid
        ? new FieldError(FieldErrors.snake(invalid.field()), invalid.problem())
        : new FieldError("request", message);
    return ResponseEntity.badRequest().body(invalid(List.of(error)));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    ProblemDetail p = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    p.setProperty("kind", e.kind());
    p.setProperty("id", e.id());
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
  }

  @ExceptionHandler(VersionConflictException.class)
  ResponseEntity<ProblemDetail> versionConflict(VersionConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict", e.getMessage()));
  }

  @ExceptionHandler(BatchConflictException.class)
  ResponseEntity<ProblemDetail> batchConflict(BatchConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "batch-conflict", "A batch run is already active", e.getMessage()));
  }

  @ExceptionHandler(StateConflictException.class)
  ResponseEntity<ProblemDetail> stateConflict(StateConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "state-conflict", "Conflict", e.getMessage()));
  }

  @ExceptionHandler(StorageException.class)
  ResponseEntity<ProblemDetail> storageUnavailable(StorageException e) {
    storageOutages.refused(e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable",
            "the data store did not answer; try again shortly"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
            "an unexpected error occurred; it has been logged"));
  }

  /** Unreadable JSON, unknown properties and wrong types: 400 naming the field. */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
            problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", tooLarge.getMessage()));
      }
    }
    return ResponseEntity.badRequest().body(invalid(JsonErrors.describe(ex)));
  }

  /**
   * A query parameter or path variable of the wrong type (also a repeated one): 400 naming it, in
   * our words, never the framework's (which shows the rejected value's Java form).
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
        ? m.getName() : String.valueOf(ex.getPropertyName());
    Class<?> type = ex.getRequiredType();
    boolean integer = type == Integer.class || type == int.class || type == Long.class || type == long.class;
    String message = (integer ? "must be one integer" : "has an invalid value")
        + (ex.getValue() instanceof Object[] ? " (given more than once)" : "");
    return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(name, message))));
  }

  /** Framework errors (missing parameter, wrong method, bad media type...) keep their status. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail p && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
      p.setType(URI.create(TYPE_BASE + statusCode.value()));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }
}
