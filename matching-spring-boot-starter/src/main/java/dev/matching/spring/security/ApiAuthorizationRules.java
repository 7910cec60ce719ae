package dev.matching.spring.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The least role of every route of {@code /api}, as Spring Security {@code authorizeHttpRequests}
 * rules over the routed path (percent-decoded, as Spring MVC routes it; URLs that are not in normal
 * form never get here, the firewall refuses them with 400). First match wins; what no rule names
 * is denied. Clients may additionally write only the jobs of their own employer
 * ({@link EmployerJobWriteAuthorizer}).
 *
 * <table>
 *   <caption>rules, first match wins</caption>
 *   <tr><th>path</th><th>least role</th></tr>
 *   <tr><td>{@code /api/v1/admin/**}</td><td>admin</td></tr>
 *   <tr><td>{@code /api/v1/batch/**}</td><td>operator</td></tr>
 *   <tr><td>{@code /api/v1/jobs/bulk}, {@code /api/v1/workers/bulk}</td><td>operator</td></tr>
 *   <tr><td>{@code /api/v1/workers}, {@code /api/v1/workers/{id}} (personal data)</td><td>operator</td></tr>
 *   <tr><td>{@code /api/v1/workers/{id}/matches}, {@code .../recommendations},
 *       {@code .../explain/{jobId}}</td><td>client</td></tr>
 *   <tr><td>{@code /api/v1/jobs}, {@code /api/v1/jobs/{id}}, {@code .../matches},
 *       {@code .../recommendations}</td><td>client</td></tr>
 *   <tr><td>{@code /api/v1/search/jobs}, {@code /api/v1/search/workers}</td><td>client</td></tr>
 *   <tr><td>anything else</td><td>denied</td></tr>
 * </table>
 *
 * <p>Rules name paths, not methods: a method a route does not serve is answered 405 by the
 * application to a caller with the route's role, and refused to anyone else.
 */
public final class ApiAuthorizationRules {
  private ApiAuthorizationRules() {}

  /** Adds the rules to {@code requests}, ending with deny-by-default. */
  public static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    String client = ApiRole.CLIENT.name();
    String operator = ApiRole.OPERATOR.name();
    requests
        .requestMatchers("/api/v1/admin/**").hasRole(ApiRole.ADMIN.name())
        .requestMatchers("/api/v1/batch/**").hasRole(operator)
        .requestMatchers("/api/v1/jobs/bulk", "/api/v1/workers/bulk").hasRole(operator)
        .requestMatchers("/api/v1/workers", "/api/v1/workers/*").hasRole(operator)
        .requestMatchers("/api/v1/workers/*/matches", "/api/v1/workers/*/recommendations",
            "/api/v1/workers/*/explain/*").hasRole(client)
        .requestMatchers("/api/v1/jobs", "/api/v1/jobs/*", "/api/v1/jobs/*/matches",
            "/api/v1/jobs/*/recommendations").hasRole(client)
        .requestMatchers("/api/v1/search/jobs", "/api/v1/search/workers").hasRole(client)
        .anyRequest().denyAll();
  }
}
