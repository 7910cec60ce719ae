package dev.matching.spring.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * How the service's secured filter chains authenticate: a stateless chain (no session, no CSRF
 * token, no saved requests, no login or logout pages) in which a Spring Security
 * {@link AuthenticationFilter} turns {@code Authorization: Bearer <key>} into an
 * {@link ApiKeyAuthentication}, refusals are problem+json ({@link ApiSecurityProblems}), failed
 * authentications are throttled per address and authorized requests are rate-limited per key
 * ({@link ApiKeyLimitsFilter}). The starter's chains for {@code /api/**} and the actuator both
 * use it.
 */
public final class ApiSecurity {
  private ApiSecurity() {}

  /** The role hierarchy admin &gt; operator &gt; client. */
  public static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role(ApiRole.ADMIN.name()).implies(ApiRole.OPERATOR.name())
        .role(ApiRole.OPERATOR.name()).implies(ApiRole.CLIENT.name())
        .build();
  }

  /**
   * Configures {@code http} for API keys checked by {@code keys}; the caller adds its
   * {@code securityMatcher} and {@code authorizeHttpRequests} rules.
   */
  public static HttpSecurity apiKeys(HttpSecurity http, AuthenticationManager keys, ApiSecurityProblems problems,
      FailedAuthenticationThrottle throttle, RateLimiter rateLimiter) {
    AuthenticationFilter authentication = new AuthenticationFilter(keys, new BearerKeyConverter());
    authentication.setSuccessHandler((request, response, result) ->
        request.setAttribute(ApiPrincipal.ATTRIBUTE, result.getPrincipal()));
    authentication.setFailureHandler(problems);
    return http
        .csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        // SecurityHeadersFilter writes the protective headers on every response, chains or not.
        .headers(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(ApiKeyLimitsFilter.failedAuthentications(throttle), BasicAuthenticationFilter.class)
        .addFilterAt(authentication, BasicAuthenticationFilter.class)
        .addFilterAfter(ApiKeyLimitsFilter.perKey(rateLimiter), AuthorizationFilter.class);
  }
}
