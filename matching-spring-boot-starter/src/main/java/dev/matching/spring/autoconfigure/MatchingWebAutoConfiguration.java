package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import dev.matching.batch.MatchingBatch;
import dev.matching.query.MatchQuery;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.web.AcceptHeaderInterceptor;
import dev.matching.spring.web.BatchController;
import dev.matching.spring.web.DomainMapper;
import dev.matching.spring.web.EntityController;
import dev.matching.spring.web.ClientDisclosure;
import dev.matching.spring.web.CursorSeal;
import dev.matching.spring.web.MatchController;
import dev.matching.spring.ops.StorageOutageLog;
import dev.matching.spring.properties.MatchingQueryProperties;
import dev.matching.spring.properties.MatchingWebProperties;
import dev.matching.spring.web.ProblemHandler;
import dev.matching.spring.web.QueryObserver;
import dev.matching.spring.web.QueryParameters;
import dev.matching.spring.web.RequestSizeLimitFilter;
import dev.matching.spring.web.JobWriteAuthorizer;
import dev.matching.spring.web.SecurityHeadersFilter;
import dev.matching.spring.web.StrictJsonTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;

/**
 * The REST API under {@code /api/v1} in a servlet web application: jobs and workers, matching,
 * explanations, stored recommendations, the batch endpoints (when the batch is on), errors as
 * problem+json, and a request size limit. Off with {@code matching.web.enabled=false}. Binds
 * {@code matching.web.*} and {@code matching.query.*}.
 */
@AutoConfiguration(after = {MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "matching.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties({MatchingWebProperties.class, MatchingQueryProperties.class})
public class MatchingWebAutoConfiguration {
  /** Order of the security headers filter (before every other filter of the API). */
  public static final int ORDER_SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 100;
  /** Order of the query string check (before anything reads a parameter). */
  public static final int ORDER_QUERY_STRING = ORDER_SECURITY_HEADERS + 5;
  /** Order of the filter refusing a Content-Type that is not one concrete media type. */
  public static final int ORDER_CONTENT_TYPE = ORDER_QUERY_STRING + 1;
  /** Order of the CORS filter (preflights are answered before authentication). */
  public static final int ORDER_CORS = ORDER_SECURITY_HEADERS + 10;
  /**
   * Order of Spring Security's filter chain, which authenticates and authorizes: Boot's default
   * {@code spring.security.filter.order}.
   */
  public static final int ORDER_AUTHENTICATION = -100;
  /** Order of the audit filter (after authentication, so it knows the caller). */
  public static final int ORDER_AUDIT = ORDER_AUTHENTICATION + 10;
  /** Order of the maintenance filter (after the audit filter, so refused writes are recorded). */
  public static final int ORDER_MAINTENANCE = ORDER_AUDIT + 10;

  /** JSON to domain conversion with per-field errors. */
  @Bean
  @ConditionalOnMissingBean
  public DomainMapper matchingDomainMapper() {
    return new DomainMapper();
  }

  /** Page-size defaults and limits from {@code matching.query.*}. */
  @Bean
  @ConditionalOnMissingBean
  public QueryParameters matchingQueryParameters(MatchingQueryProperties q) {
    if (q.maxLimit() < 1 || q.maxLimit() > MatchQuery.MAX_LIMIT) {
      throw new InvalidConfigurationPropertyValueException("matching.query.max-limit", q.maxLimit(),
          "must be within [1, " + MatchQuery.MAX_LIMIT + "]");
    }
    if (q.defaultLimit() < 1 || q.defaultLimit() > q.maxLimit()) {
      throw new InvalidConfigurationPropertyValueException("matching.query.default-limit", q.defaultLimit(),
          "must be within [1, matching.query.max-limit (" + q.maxLimit() + ")]");
    }
    return new QueryParameters(q.defaultLimit(), q.maxLimit());
  }

  /** No observation unless the metrics auto-configuration provides one. */
  @Bean
  @ConditionalOnMissingBean
  public QueryObserver matchingQueryObserver() {
    return QueryObserver.NONE;
  }

  /** Jobs and workers. */
  @Bean
  @ConditionalOnMissingBean
  public EntityController matchingEntityController(MatchingEngine engine, DomainMapper mapper,
      MatchingWebProperties web, MatchingQueryProperties query, ObjectProvider<JobWriteAuthorizer> jobWriteAuthorizer) {
    int max = web.maxBulkRecords();
    if (max < 1) {
      throw new InvalidConfigurationPropertyValueException("matching.web.max-bulk-records", max, "must be at least 1");
    }
    return new EntityController(engine, mapper, max, query.maxLimit(),
        jobWriteAuthorizer.getIfAvailable(() -> JobWriteAuthorizer.ALLOW_ALL));
  }

  /** Matching, explanations, search and stored recommendations. */
  @Bean
  @ConditionalOnMissingBean
  public MatchController matchingMatchController(MatchingEngine engine, MatchResultStore results,
      DomainMapper mapper, QueryParameters parameters, QueryObserver observer, MatchingWebProperties web,
      Clock clock) {
    String secret = web.cursorSecret();
    if (secret != null && !secret.isBlank() && secret.length() < 16) {
      throw new InvalidConfigurationPropertyValueException("matching.web.cursor-secret", "(hidden)",
          "must be at least 16 characters, was " + secret.length());
    }
    return new MatchController(engine, results, mapper, parameters, observer,
        web.recommendationsLiveFallback(), new CursorSeal(secret), new ClientDisclosure(), clock);
  }

  /** The batch endpoints, when the batch is on. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(MatchingBatch.class)
  public BatchController matchingBatchController(MatchingBatch batch, Clock clock) {
    return new BatchController(batch, clock);
  }

  /** problem+json for every error of the API's controllers. */
  @Bean
  @ConditionalOnMissingBean
  public ProblemHandler matchingProblemHandler(ObjectProvider<StorageOutageLog> storageOutages) {
    return new ProblemHandler(storageOutages.getIfAvailable(StorageOutageLog::new));
  }

  /** 413 for request bodies above {@code matching.web.max-body-size}. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingRequestSizeLimitFilter")
  public FilterRegistrationBean<RequestSizeLimitFilter> matchingRequestSizeLimitFilter(MatchingWebProperties web) {
    long max = web.maxBodySize().toBytes();
    if (max < 1) {
      throw new InvalidConfigurationPropertyValueException("matching.web.max-body-size", max, "must be positive");
    }
    return FilterRegistrations.onTheApi(new RequestSizeLimitFilter(max), Ordered.LOWEST_PRECEDENCE);
  }

  /** nosniff, no framing, no referrer, and no caching of API responses, on every response. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingSecurityHeadersFilter")
  public FilterRegistrationBean<SecurityHeadersFilter> matchingSecurityHeadersFilter() {
    return FilterRegistrations.everywhere(new SecurityHeadersFilter(), ORDER_SECURITY_HEADERS);
  }

  /** Cross-origin access to {@code /api/**} from {@code matching.web.cors.allowed-origins}, when any. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingCorsFilter")
  @Conditional(OnCorsOrigins.class)
  public FilterRegistrationBean<CorsFilter> matchingCorsFilter(MatchingWebProperties web) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(web.cors().allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "PUT", "POST", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
        HttpHeaders.IF_NONE_MATCH));
    cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE));
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return FilterRegistrations.everywhere(new CorsFilter(source), ORDER_CORS);
  }

  /**
   * Requests to the API whose {@code Accept} header rules out JSON are refused (406) before their
   * handler runs, so a refused answer never follows a carried-out write.
   */
  @Bean
  @ConditionalOnMissingBean(name = "matchingAcceptHeaderCheck")
  public WebMvcConfigurer matchingAcceptHeaderCheck() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptHeaderInterceptor());
      }
    };
  }

  /**
   * Strict JSON types for the application's JSON mapper (always), and unknown JSON properties
   * rejected ({@code matching.web.reject-unknown-properties}, on by default).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JsonMapperBuilderCustomizer.class)
  static class StrictJson {
    @Bean
    JsonMapperBuilderCustomizer matchingStrictJsonTypes() {
      return StrictJsonTypes::configure;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "matching.web.reject-unknown-properties", matchIfMissing = true)
    JsonMapperBuilderCustomizer matchingRejectUnknownProperties() {
      return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
  }
}
