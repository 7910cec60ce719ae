package dev.matching.spring.security;

import dev.matching.spring.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every API request by its {@code Authorization: Bearer <key>} header, checks the
 * key's role against {@link AccessRules} and its rate limit, and stores the {@link ApiPrincipal}
 * as a request attribute. Answers problem+json: 401 with {@code WWW-Authenticate: Bearer} for a
 * missing or unknown key, 403 for a role that is too low, 429 with {@code Retry-After} above the
 * key's rate limit. Each refusal is logged by {@link SecurityEvents}.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";
  private final ApiKeys keys;
  private final RateLimiter rateLimiter;

  /** A filter accepting {@code keys}, limited by {@code rateLimiter}. */
  public ApiKeyAuthenticationFilter(ApiKeys keys, RateLimiter rateLimiter) {
    this.keys = keys;
    this.rateLimiter = rateLimiter;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      unauthorized(request, response, "missing", "Bearer realm=\"matching\"",
          "this API needs a key: Authorization: Bearer <key>");
      return;
    }
    if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      unauthorized(request, response, "malformed", "Bearer realm=\"matching\", error=\"invalid_request\"",
          "the Authorization header must be: Bearer <key>");
      return;
    }
    Optional<ApiPrincipal> found = keys.authenticate(header.substring(BEARER.length()).strip());
    if (found.isEmpty()) {
      unauthorized(request, response, "unknown", "Bearer realm=\"matching\", error=\"invalid_token\"",
          "the API key is not valid");
      return;
    }
    ApiPrincipal principal = found.get();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    ApiRole required = AccessRules.requiredRole(request.getMethod(), path);
    if (!principal.role().includes(required)) {
      SecurityEvents.denied(request, principal, "role");
      ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          "this endpoint needs the " + required.label() + " role; the key has " + principal.role().label());
      return;
    }
    OptionalLong retryAfter = rateLimiter.tryAcquire(principal);
    if (retryAfter.isPresent()) {
      SecurityEvents.denied(request, principal, "rate_limit");
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
      ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
          "the rate limit of this key is exceeded; retry after " + retryAfter.getAsLong() + " s");
      return;
    }
    request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
    chain.doFilter(new AuthenticatedRequest(request, principal), response);
  }

  /** The request as seen by the application: its user principal is the key, its roles the key's. */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final ApiPrincipal principal;

    AuthenticatedRequest(HttpServletRequest request, ApiPrincipal principal) {
      super(request);
      this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public String getRemoteUser() {
      return principal.name();
    }

    @Override
    public boolean isUserInRole(String role) {
      return Arrays.stream(ApiRole.values())
          .anyMatch(r -> r.label().equalsIgnoreCase(role) && principal.role().includes(r));
    }
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String reason,
      String challenge, String detail) throws IOException {
    SecurityEvents.authenticationFailed(request, reason);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }
}
