package dev.matching.spring.ops;

import dev.matching.spring.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * During maintenance, answers every API write (PUT, POST, DELETE, PATCH) with 503 problem+json
 * and {@code Retry-After}; reads, cold-start searches ({@code POST /api/v1/search/*}, which store
 * nothing) and the admin endpoints keep working, so maintenance can be switched off again.
 */
public class MaintenanceFilter extends OncePerRequestFilter {
  private final MaintenanceMode maintenance;

  /** A filter following {@code maintenance}. */
  public MaintenanceFilter(MaintenanceMode maintenance) {
    this.maintenance = maintenance;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (maintenance.isEnabled() && isRefused(request)) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, maintenance.retryAfter().toSeconds())));
      ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "maintenance", "Under maintenance",
          "the service is in maintenance; reads work, writes are refused until it ends");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isRefused(HttpServletRequest request) {
    String method = request.getMethod();
    boolean write = method.equals("PUT") || method.equals("POST") || method.equals("DELETE") || method.equals("PATCH");
    String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    return write && !path.startsWith("/api/v1/admin/") && !path.startsWith("/api/v1/search/");
  }
}
