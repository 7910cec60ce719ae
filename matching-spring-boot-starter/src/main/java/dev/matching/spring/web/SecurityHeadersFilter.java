package dev.matching.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the usual protective headers to every response: no MIME sniffing, no framing (both
 * {@code X-Frame-Options} and CSP {@code frame-ancestors}), no referrer, and
 * {@code Cache-Control: no-store} on the API's responses (they carry personal data). Tomcat's
 * own refusals get the same headers from {@link ProblemErrorReportValve}.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    addHeaders(response);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    chain.doFilter(request, response);
  }

  /** Sets the protective headers (all but {@code Cache-Control}) on {@code response}. */
  static void addHeaders(HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
