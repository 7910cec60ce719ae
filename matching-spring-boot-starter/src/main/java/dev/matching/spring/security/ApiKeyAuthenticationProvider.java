package dev.matching.spring.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a presented {@link ApiKeyAuthentication} against the configured {@link ApiKeys}
 * (hashes, constant-time comparison). Throws {@link BadCredentialsException} for an unknown key.
 * Thread-safe.
 */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {
  private final ApiKeys keys;

  /** A provider accepting {@code keys}. */
  public ApiKeyAuthenticationProvider(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String presented = (String) authentication.getCredentials();
    if (presented == null) {
      throw new BadCredentialsException("the API key is not valid");
    }
    return keys.authenticate(presented).map(ApiKeyAuthentication::authenticated)
        .orElseThrow(() -> new BadCredentialsException("the API key is not valid"));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return ApiKeyAuthentication.class.isAssignableFrom(authentication);
  }
}
