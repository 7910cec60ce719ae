package dev.matching.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the key of {@code Authorization: Bearer <key>}: none when the header is absent (the
 * request goes on anonymous, and a protected endpoint answers 401), {@link MalformedKeyException}
 * for any other scheme or an empty key. Stateless and thread-safe.
 */
final class BearerKeyConverter implements AuthenticationConverter {
  private static final String BEARER = "Bearer ";

  @Override
  public @Nullable ApiKeyAuthentication convert(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return null;
    }
    if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.substring(BEARER.length()).isBlank()) {
      throw new MalformedKeyException();
    }
    return ApiKeyAuthentication.unauthenticated(header.substring(BEARER.length()).strip());
  }

  /** An {@code Authorization} header that is not {@code Bearer <key>}. */
  static final class MalformedKeyException extends BadCredentialsException {
    private static final long serialVersionUID = 1L;

    MalformedKeyException() {
      super("the Authorization header must be: Bearer <key>");
    }
  }
}
