package dev.matching.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 415 problem+json for a request whose {@code Content-Type} is not one concrete media type
 * (unparsable, or a wildcard such as {@code *}{@code /*} or {@code application/*}), on every route:
 * Spring refuses such a header with an exception wherever a body is read, which the actuator's
 * endpoints, outside this API's error handling, would answer with a 500. Thread-safe.
 */
public class ContentTypeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (header != null && !header.isBlank() && !concrete(header)) {
      ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorProblems.type(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
          "Unsupported Media Type", "Content-Type: must be one media type such as application/json, without wildcards");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean concrete(String header) {
    try {
      MediaType type = MediaType.parseMediaType(header);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
