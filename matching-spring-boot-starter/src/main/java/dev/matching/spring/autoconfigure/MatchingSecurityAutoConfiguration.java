package dev.matching.spring.autoconfigure;

import dev.matching.spring.MatchingProperties;
import dev.matching.spring.security.ApiKeyAuthenticationFilter;
import dev.matching.spring.security.ApiKeys;
import dev.matching.spring.security.ApiKeysFactory;
import dev.matching.spring.security.EmployerJobWriteAuthorizer;
import dev.matching.spring.security.RateLimiter;
import dev.matching.spring.web.JobWriteAuthorizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * API-key security of the REST API ({@code matching.security.enabled=true}): hashed keys with
 * roles from {@code matching.security.keys}, endpoint rules, employer checks of job writes, and
 * per-key rate limits. Off by default in the starter; the reference app turns it on.
 */
@AutoConfiguration(before = MatchingWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "matching.web.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "matching.security.enabled")
public class MatchingSecurityAutoConfiguration {
  private static final System.Logger LOG = System.getLogger(MatchingSecurityAutoConfiguration.class.getName());

  /** The configured keys (hashes only). */
  @Bean
  @ConditionalOnMissingBean
  public ApiKeys matchingApiKeys(MatchingProperties properties) {
    ApiKeys keys = ApiKeysFactory.keys(properties.getSecurity());
    if (keys.size() == 0) {
      LOG.log(System.Logger.Level.WARNING,
          "matching.security.enabled=true but no matching.security.keys are configured: every API request gets 401");
    }
    return keys;
  }

  /** Per-key rate limits by role. */
  @Bean
  @ConditionalOnMissingBean
  public RateLimiter matchingRateLimiter(MatchingProperties properties) {
    return new RateLimiter(ApiKeysFactory.rateLimits(properties.getSecurity()));
  }

  /** Clients write only their own employer's jobs. */
  @Bean
  @ConditionalOnMissingBean
  public JobWriteAuthorizer matchingJobWriteAuthorizer() {
    return new EmployerJobWriteAuthorizer();
  }

  /** Authentication, role checks and rate limits on {@code /api/*}. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingApiKeyAuthenticationFilter")
  public FilterRegistrationBean<ApiKeyAuthenticationFilter> matchingApiKeyAuthenticationFilter(ApiKeys keys,
      RateLimiter rateLimiter) {
    FilterRegistrationBean<ApiKeyAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiKeyAuthenticationFilter(keys, rateLimiter));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(MatchingWebAutoConfiguration.ORDER_AUTHENTICATION);
    return registration;
  }
}
