package dev.matching.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * SECURITY log events on the {@code matching.security} logger: failed authentications, denied
 * requests, exceeded rate limits, throttled addresses and URLs refused by the firewall, each with
 * key-value pairs ({@code category=security}, {@code action}, {@code reason}, {@code key},
 * {@code role}, {@code method}, {@code path}, {@code remote}) that structured logging (for
 * example ECS JSON) turns into fields. Never logs a presented key or any other header.
 */
public final class SecurityEvents {
  /** Name of the logger. */
  public static final String LOGGER = "matching.security";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private SecurityEvents() {}

  /** A request without a usable key: {@code reason} is missing, malformed or unknown. */
  static void authenticationFailed(HttpServletRequest request, String reason) {
    event("authentication_failed", reason, request, "SECURITY authentication_failed reason={} method={} path={} remote={}",
        reason).log();
  }

  /** An address that failed authentication too often was refused (429). */
  static void throttled(HttpServletRequest request) {
    event("authentication_throttled", "too_many_failures", request,
        "SECURITY authentication_throttled reason={} method={} path={} remote={}", "too_many_failures").log();
  }

  /** The firewall refused the request's URL or headers (400). */
  static void requestRejected(HttpServletRequest request) {
    event("request_rejected", "firewall", request, "SECURITY request_rejected reason={} method={} path={} remote={}",
        "firewall").log();
  }

  /** An authenticated request refused: {@code reason} is role, employer or rate_limit. */
  static void denied(HttpServletRequest request, ApiPrincipal principal, String reason) {
    LOG.atWarn().setMessage("SECURITY access_denied reason={} key={} role={} method={} path={} remote={}")
        .addArgument(reason).addArgument(principal.name()).addArgument(principal.role().label())
        .addArgument(request.getMethod()).addArgument(path(request)).addArgument(request.getRemoteAddr())
        .addKeyValue("category", "security").addKeyValue("action", "access_denied").addKeyValue("reason", reason)
        .addKeyValue("key", principal.name()).addKeyValue("role", principal.role().label())
        .addKeyValue("method", request.getMethod()).addKeyValue("path", path(request))
        .addKeyValue("remote", request.getRemoteAddr()).log();
  }

  private static LoggingEventBuilder event(String action, String reason, HttpServletRequest request, String message,
      String firstArgument) {
    return LOG.atWarn().setMessage(message)
        .addArgument(firstArgument).addArgument(request.getMethod()).addArgument(path(request))
        .addArgument(request.getRemoteAddr())
        .addKeyValue("category", "security").addKeyValue("action", action).addKeyValue("reason", reason)
        .addKeyValue("method", request.getMethod()).addKeyValue("path", path(request))
        .addKeyValue("remote", request.getRemoteAddr());
  }

  /** The request URI without control characters, at most 512 characters (it is attacker-controlled). */
  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    StringBuilder out = new StringBuilder(Math.min(uri.length(), 512));
    for (int i = 0; i < uri.length() && out.length() < 512; i++) {
      char c = uri.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
