package dev.matching.spring.security;

import dev.matching.spring.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals as problem+json, each with a SECURITY event: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge for a missing, malformed or unknown key (the last
 * two counted by the {@link FailedAuthenticationThrottle}), 403 for a role that is too low, and
 * 400 for a URL the firewall refuses. Thread-safe.
 */
public final class ApiSecurityProblems
    implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler, RequestRejectedHandler {
  private final FailedAuthenticationThrottle throttle;

  /** Refusals that count failed authentications in {@code throttle}. */
  public ApiSecurityProblems(FailedAuthenticationThrottle throttle) {
    this.throttle = throttle;
  }

  /** An anonymous request reached an endpoint that needs a key. */
  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    unauthorized(request, response, "missing", "Bearer realm=\"matching\"",
        "this endpoint needs a key: Authorization: Bearer <key>");
  }

  /** A presented key was malformed or unknown. */
  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    throttle.recordFailure(request.getRemoteAddr());
    if (e instanceof BearerKeyConverter.MalformedKeyException) {
      unauthorized(request, response, "malformed", "Bearer realm=\"matching\", error=\"invalid_request\"",
          e.getMessage());
    } else {
      unauthorized(request, response, "unknown", "Bearer realm=\"matching\", error=\"invalid_token\"",
          "the API key is not valid");
    }
  }

  /** An authenticated key's role does not allow the endpoint. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    ApiPrincipal principal = ApiPrincipal.of(request).orElse(null);
    if (principal == null) {
      commence(request, response, new org.springframework.security.authentication.InsufficientAuthenticationException(
          "no key"));
      return;
    }
    SecurityEvents.denied(request, principal, "role");
    ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "a key with the " + principal.role().label() + " role may not call this endpoint");
  }

  /** The firewall refused the URL or a header (matrix parameters, encoded separators, NUL...). */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    SecurityEvents.requestRejected(request);
    ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
        "the request is refused: its URL must be in normal form (no ; parameters, no //, /./ or /../, no encoded"
            + " / \\ % . or NUL) and its headers must hold printable characters");
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String reason,
      String challenge, String detail) throws IOException {
    SecurityEvents.authenticationFailed(request, reason);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }
}
