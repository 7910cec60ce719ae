package dev.matching.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Has the servlet container parse the request's parameters first, and answers 400 problem+json
 * naming the query string when it cannot (a malformed {@code %} escape, bytes that are not
 * UTF-8, too many parameters), so that no later filter or controller meets the failure as an
 * unexpected exception. Thread-safe.
 */
public class QueryStringFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParameterMap();
    } catch (RuntimeException e) {
      ProblemResponses.writeInvalid(response, "query",
          "is not a valid query string: names and values must be UTF-8, percent-encoded as %XX");
      return;
    }
    chain.doFilter(request, response);
  }
}
