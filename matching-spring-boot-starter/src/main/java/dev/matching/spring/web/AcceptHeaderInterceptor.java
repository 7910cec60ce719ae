package dev.matching.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request to the matching API whose {@code Accept} header rules out JSON with 406
 * before the handler runs, so that a write is never carried out only for its answer to be
 * refused afterwards (Spring MVC negotiates the response's type after the handler returned).
 * Stateless and thread-safe.
 */
public final class AcceptHeaderInterceptor implements HandlerInterceptor {
  private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON);

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotAcceptableException {
    if (!(handler instanceof HandlerMethod method && method.getBean() instanceof MatchingApiController)) {
      return true;
    }
    List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
    if (accept.isEmpty()) {
      return true;
    }
    List<MediaType> acceptable;
    try {
      acceptable = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be parsed");
    }
    if (acceptable.isEmpty() || acceptable.stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
      return true;
    }
    throw new HttpMediaTypeNotAcceptableException(PRODUCED);
  }
}
