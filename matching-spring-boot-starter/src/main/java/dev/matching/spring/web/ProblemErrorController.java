package dev.matching.spring.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's error page ({@code /error}) as problem+json: every error the servlet
 * container dispatches there (an unknown route, a method a route does not serve, an exception
 * outside the API's controllers) keeps its status and gets a body naming only the status, never
 * a class name, message or stack trace; an exception is logged once at ERROR. A request for
 * {@code /error} itself is a 404. Thread-safe.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

  /** The problem for the error being dispatched. */
  @RequestMapping
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.NOT_FOUND;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t && status.is5xxServerError()) {
      LOG.error("unexpected error on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ErrorProblems.of(status));
  }
}
