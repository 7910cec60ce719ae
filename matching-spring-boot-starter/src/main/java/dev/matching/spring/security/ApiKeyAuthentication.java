package dev.matching.spring.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key as a Spring Security {@link org.springframework.security.core.Authentication}:
 * before authentication it holds the presented key; after, the {@link ApiPrincipal} it stands
 * for, with the principal's role as its only authority (the role hierarchy adds the lower roles)
 * and the key erased. Immutable apart from Spring Security's own {@code details} slot.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;
  private final @Nullable ApiPrincipal principal;
  private transient @Nullable String presentedKey;

  private ApiKeyAuthentication(@Nullable String presentedKey, @Nullable ApiPrincipal principal) {
    super(principal == null ? List.of() : List.of(new SimpleGrantedAuthority(principal.role().authority())));
    this.presentedKey = presentedKey;
    this.principal = principal;
    super.setAuthenticated(principal != null);
  }

  /** A key as presented in a request, not yet checked. */
  public static ApiKeyAuthentication unauthenticated(String presentedKey) {
    return new ApiKeyAuthentication(presentedKey, null);
  }

  /** A checked key's principal. */
  public static ApiKeyAuthentication authenticated(ApiPrincipal principal) {
    return new ApiKeyAuthentication(null, principal);
  }

  /** The presented key before authentication; null after (it is never kept). */
  @Override
  public @Nullable String getCredentials() {
    return presentedKey;
  }

  /** The key's principal after authentication; null before. */
  @Override
  public @Nullable ApiPrincipal getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal == null ? "" : principal.name();
  }

  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("an API key is authenticated only by ApiKeyAuthenticationProvider");
    }
    super.setAuthenticated(false);
  }

  @Override
  public void eraseCredentials() {
    super.eraseCredentials();
    presentedKey = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKeyAuthentication that && super.equals(that);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
