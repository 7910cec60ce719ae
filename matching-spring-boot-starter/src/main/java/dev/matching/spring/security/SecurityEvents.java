package dev.matching.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SECURITY log events on the {@code matching.security} logger: failed authentications, denied
 * requests and exceeded rate limits, each with key-value pairs ({@code category=security},
 * {@code action}, {@code reason},
 * {@code key}, {@code role}, {@code method}, {@code path}, {@code remote}) that structured
 * logging (for example ECS JSON) turns into fields. Never logs a presented key.
 */
public final class SecurityEvents {
  /** Name of the logger. */
  public static final String LOGGER = "matching.security";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private SecurityEvents() {}

  /** A request without a usable key: {@code reason} is missing, malformed or unknown. */
  static void authenticationFailed(HttpServletRequest request, String reason) {
    LOG.atWarn().setMessage("SECURITY authentication_failed reason={} method={} path={} remote={}")
        .addArgument(reason).addArgument(request.getMethod()).addArgument(request.getRequestURI())
        .addArgument(request.getRemoteAddr())
        .addKeyValue("category", "security").addKeyValue("action", "authentication_failed").addKeyValue("reason", reason)
        .addKeyValue("method", request.getMethod()).addKeyValue("path", request.getRequestURI())
        .addKeyValue("remote", request.getRemoteAddr()).log();
  }

  /** An authenticated request refused: {@code reason} is role, employer or rate_limit. */
  static void denied(HttpServletRequest request, ApiPrincipal principal, String reason) {
    LOG.atWarn().setMessage("SECURITY access_denied reason={} key={} role={} method={} path={} remote={}")
        .addArgument(reason).addArgument(principal.name()).addArgument(principal.role().label())
        .addArgument(request.getMethod()).addArgument(request.getRequestURI()).addArgument(request.getRemoteAddr())
        .addKeyValue("category", "security").addKeyValue("action", "access_denied").addKeyValue("reason", reason)
        .addKeyValue("key", principal.name()).addKeyValue("role", principal.role().label())
        .addKeyValue("method", request.getMethod()).addKeyValue("path", request.getRequestURI())
        .addKeyValue("remote", request.getRemoteAddr()).log();
  }
}
