package dev.matching.spring.security;

import dev.matching.spring.web.ProblemResponses;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The two request budgets of the secured chains, both answered 429 problem+json with
 * {@code Retry-After} and a SECURITY event: before authentication, an address that failed
 * authentication too often may not present keys ({@link FailedAuthenticationThrottle}); after
 * authorization, a key may make its role's number of requests per minute ({@link RateLimiter}).
 * Which budget a filter checks is chosen at construction. A plain {@link Filter} (not once per
 * request): the two instances sit in the same chain. Thread-safe.
 */
public final class ApiKeyLimitsFilter implements Filter {
  private final @Nullable FailedAuthenticationThrottle throttle;
  private final @Nullable RateLimiter rateLimiter;

  private ApiKeyLimitsFilter(@Nullable FailedAuthenticationThrottle throttle,
      @Nullable RateLimiter rateLimiter) {
    this.throttle = throttle;
    this.rateLimiter = rateLimiter;
  }

  /** Refuses keys from addresses that used up their failed authentications (runs before authentication). */
  public static ApiKeyLimitsFilter failedAuthentications(FailedAuthenticationThrottle throttle) {
    return new ApiKeyLimitsFilter(throttle, null);
  }

  /** Refuses requests above the key's rate limit (runs after authorization). */
  public static ApiKeyLimitsFilter perKey(RateLimiter rateLimiter) {
    return new ApiKeyLimitsFilter(null, rateLimiter);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws ServletException, IOException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (throttle != null && request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      OptionalLong wait = throttle.retryAfter(request.getRemoteAddr());
      if (wait.isPresent()) {
        SecurityEvents.throttled(request);
        tooMany(response, wait.getAsLong(), "too many failed authentications from this address; retry after "
            + wait.getAsLong() + " s");
        return;
      }
    }
    ApiPrincipal principal = ApiPrincipal.of(request).orElse(null);
    if (rateLimiter != null && principal != null) {
      OptionalLong wait = rateLimiter.tryAcquire(principal);
      if (wait.isPresent()) {
        SecurityEvents.denied(request, principal, "rate_limit");
        tooMany(response, wait.getAsLong(), "the rate limit of this key is exceeded; retry after "
            + wait.getAsLong() + " s");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void tooMany(HttpServletResponse response, long seconds, String detail) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
  }
}
