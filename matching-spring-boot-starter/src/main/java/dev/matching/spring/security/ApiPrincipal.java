package dev.matching.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The caller of a request, identified by its API key: the key's name, role and (for client keys)
 * employer. The principal of an authenticated {@link ApiKeyAuthentication}, also stored as a
 * request attribute once authenticated. Immutable.
 *
 * @param name the key's configured name
 * @param role what the key may do
 * @param employerId the employer a client key acts for; null for other roles
 */
public record ApiPrincipal(String name, ApiRole role, @Nullable String employerId) implements Principal {
  /** Request attribute holding the authenticated principal. */
  public static final String ATTRIBUTE = ApiPrincipal.class.getName();

  /** The key's name, as {@link jakarta.servlet.http.HttpServletRequest#getUserPrincipal()} reports it. */
  @Override
  public String getName() {
    return name;
  }

  /** The principal of {@code request}, empty when unauthenticated or security is off. */
  public static Optional<ApiPrincipal> of(HttpServletRequest request) {
    return Optional.ofNullable((ApiPrincipal) request.getAttribute(ATTRIBUTE));
  }
}
