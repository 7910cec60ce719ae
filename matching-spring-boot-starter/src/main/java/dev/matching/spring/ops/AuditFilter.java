package dev.matching.spring.ops;

import dev.matching.spring.security.ApiPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Records every state-changing API request (anything but GET, HEAD and OPTIONS: entity writes,
 * bulk imports, batch actions, admin actions) as an AUDIT event once it is answered: method,
 * path, status and the calling key ({@code anonymous} when security is off). Cold-start
 * searches ({@code POST /api/v1/search/*}) store nothing and are not recorded.
 */
public class AuditFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isRecorded(request)) {
      chain.doFilter(request, response);
      return;
    }
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("method", request.getMethod());
      details.put("path", request.getRequestURI());
      details.put("status", status);
      details.put("remote", request.getRemoteAddr());
      AuditLog.record("write", actor(request), details);
    }
  }

  /** The calling key's name, or {@code anonymous}. */
  static String actor(HttpServletRequest request) {
    return ApiPrincipal.of(request).map(p -> p.name() + "(" + p.role().label() + ")").orElse("anonymous");
  }

  private static boolean isRecorded(HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return false;
    }
    return !UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/api/v1/search/");
  }
}
