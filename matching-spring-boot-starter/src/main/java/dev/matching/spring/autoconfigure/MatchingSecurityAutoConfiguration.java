package dev.matching.spring.autoconfigure;

import dev.matching.spring.properties.MatchingSecurityProperties;
import dev.matching.spring.security.ApiAuthorizationRules;
import dev.matching.spring.security.ApiKeyAuthenticationProvider;
import dev.matching.spring.security.ApiKeys;
import dev.matching.spring.security.ApiKeysFactory;
import dev.matching.spring.security.ApiRole;
import dev.matching.spring.security.ApiSecurity;
import dev.matching.spring.security.ApiSecurityProblems;
import dev.matching.spring.security.EmployerJobWriteAuthorizer;
import dev.matching.spring.security.FailedAuthenticationThrottle;
import dev.matching.spring.security.RateLimiter;
import dev.matching.spring.web.JobWriteAuthorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * API-key security of the REST API on Spring Security ({@code matching.security.enabled=true}):
 * hashed keys with roles from {@code matching.security.keys} authenticated by an
 * {@link ApiKeyAuthenticationProvider}, the role hierarchy admin &gt; operator &gt; client, the
 * {@code /api/**} rules of {@link ApiAuthorizationRules} (deny by default), employer checks of
 * job writes, per-key rate limits, per-address throttling of failed authentications, and, with the
 * actuator present, its endpoints other than health for admin keys only. Spring Security's
 * {@code StrictHttpFirewall} refuses URLs that are not in normal form with a 400 problem.
 *
 * <p>Off by default in the starter; the reference app turns it on. With it off the starter adds
 * no filter chain (an application with Spring Security secures the API its own way). On without
 * Spring Security on the class path, startup fails. Binds {@code matching.security.*}.
 */
@AutoConfiguration(before = MatchingWebAutoConfiguration.class,
    beforeName = {"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "matching.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MatchingSecurityProperties.class)
public class MatchingSecurityAutoConfiguration {
  /** Order of the {@code /api/**} filter chain (ahead of an application's catch-all chains). */
  public static final int ORDER_API_CHAIN = Ordered.HIGHEST_PRECEDENCE + 50;
  /** Order of the actuator filter chain. */
  public static final int ORDER_ACTUATOR_CHAIN = ORDER_API_CHAIN + 1;

  /** Firewall refusals as problem+json wherever Spring Security is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SecurityFilterChain.class)
  static class Refusals {
    @Bean
    @ConditionalOnMissingBean
    FailedAuthenticationThrottle matchingFailedAuthenticationThrottle(MatchingSecurityProperties properties) {
      int perMinute = properties.failedAuthenticationsPerMinute();
      if (perMinute < 0) {
        throw new InvalidConfigurationPropertyValueException("matching.security.failed-authentications-per-minute",
            perMinute, "must be 0 (no throttling) or more");
      }
      return new FailedAuthenticationThrottle(perMinute, 10_000);
    }

    @Bean
    @ConditionalOnMissingBean
    ApiSecurityProblems matchingApiSecurityProblems(FailedAuthenticationThrottle throttle) {
      return new ApiSecurityProblems(throttle);
    }

    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler matchingRequestRejectedHandler(ApiSecurityProblems problems) {
      return problems;
    }
  }

  /** The API-key chains. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SecurityFilterChain.class)
  @ConditionalOnBooleanProperty(name = "matching.security.enabled")
  static class ApiKeySecurity {
    private static final Logger LOG = LoggerFactory.getLogger(MatchingSecurityAutoConfiguration.class);

    /** The configured keys (hashes only). */
    @Bean
    @ConditionalOnMissingBean
    ApiKeys matchingApiKeys(MatchingSecurityProperties properties) {
      ApiKeys keys = ApiKeysFactory.keys(properties);
      if (keys.size() == 0) {
        LOG.warn("matching.security.enabled=true but no matching.security.keys are configured: every API request gets 401");
      }
      return keys;
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyAuthenticationProvider matchingApiKeyAuthenticationProvider(ApiKeys keys) {
      return new ApiKeyAuthenticationProvider(keys);
    }

    @Bean
    @ConditionalOnMissingBean
    RoleHierarchy matchingRoleHierarchy() {
      return ApiSecurity.roleHierarchy();
    }

    /** Per-key rate limits by role. */
    @Bean
    @ConditionalOnMissingBean
    RateLimiter matchingRateLimiter(MatchingSecurityProperties properties) {
      return new RateLimiter(ApiKeysFactory.rateLimits(properties));
    }

    /** Clients write only their own employer's jobs. */
    @Bean
    @ConditionalOnMissingBean
    JobWriteAuthorizer matchingJobWriteAuthorizer() {
      return new EmployerJobWriteAuthorizer();
    }

    /** {@code /api/**}: API keys, the route rules, deny by default. */
    @Bean
    @Order(ORDER_API_CHAIN)
    @ConditionalOnMissingBean(name = "matchingApiSecurityFilterChain")
    SecurityFilterChain matchingApiSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
        ApiSecurityProblems problems, FailedAuthenticationThrottle throttle, RateLimiter rateLimiter) {
      ApiSecurity.apiKeys(http.securityMatcher("/api/**"), new ProviderManager(provider), problems, throttle,
          rateLimiter).authorizeHttpRequests(ApiAuthorizationRules::apply);
      return http.build();
    }

    /**
     * The actuator: health (and its probes) for anyone, its details and everything else for admin
     * keys. The chain covers the actuator's base path and everything below it, whatever the
     * method (HEAD and OPTIONS included), so a method an endpoint does not declare is refused too.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints")
    static class Actuator {
      @Bean
      @Order(ORDER_ACTUATOR_CHAIN)
      @ConditionalOnMissingBean(name = "matchingActuatorSecurityFilterChain")
      SecurityFilterChain matchingActuatorSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
          ApiSecurityProblems problems, FailedAuthenticationThrottle throttle, RateLimiter rateLimiter,
          Environment environment) {
        String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        if (base.isEmpty() || base.equals("/")) {
          // the actuator at the root shares its paths with the application: match its endpoints only
          http.securityMatcher(EndpointRequest.toAnyEndpoint());
        } else {
          http.securityMatcher(base, base + "/**");
        }
        String root = base.equals("/") ? "" : base;
        ApiSecurity.apiKeys(http, new ProviderManager(provider), problems, throttle, rateLimiter)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(root + "/health", root + "/health/**").permitAll()
                .anyRequest().hasRole(ApiRole.ADMIN.name()));
        return http.build();
      }
    }
  }

  /** {@code matching.security.enabled=true} without Spring Security would leave the API open: refuse to start. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("org.springframework.security.web.SecurityFilterChain")
  @ConditionalOnBooleanProperty(name = "matching.security.enabled")
  static class SecurityMissing {
    SecurityMissing() {
      throw new InvalidConfigurationPropertyValueException("matching.security.enabled", true,
          "needs Spring Security on the class path (add org.springframework.boot:spring-boot-starter-security)");
    }
  }
}
