package dev.matching.spring.autoconfigure;

import dev.matching.spring.web.ProblemErrorController;
import dev.matching.spring.web.ContentTypeFilter;
import dev.matching.spring.web.QueryStringFilter;
import dev.matching.spring.web.TomcatProblemErrorPages;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Every error of the service as problem+json, wherever it arises: the error page {@code /error}
 * (unknown routes, unsupported methods, exceptions outside the API's controllers), Tomcat's own
 * refusals (an encoded {@code /} or NUL in the URL, oversized request lines and headers), and
 * query strings the container cannot decode (400 naming {@code query}, never a 500). With
 * {@code matching.web.enabled}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "matching.web.enabled", matchIfMissing = true)
public class MatchingErrorsAutoConfiguration {

  /** {@code /error} as problem+json (replaces Boot's BasicErrorController). */
  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  public ProblemErrorController matchingProblemErrorController() {
    return new ProblemErrorController();
  }

  /** 400 for query strings that cannot be decoded, before any other filter reads a parameter. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingQueryStringFilter")
  public FilterRegistrationBean<QueryStringFilter> matchingQueryStringFilter() {
    return FilterRegistrations.everywhere(new QueryStringFilter(), MatchingWebAutoConfiguration.ORDER_QUERY_STRING);
  }

  /** 415 for a Content-Type that is not one concrete media type, before anything reads a body. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingContentTypeFilter")
  public FilterRegistrationBean<ContentTypeFilter> matchingContentTypeFilter() {
    return FilterRegistrations.everywhere(new ContentTypeFilter(), MatchingWebAutoConfiguration.ORDER_CONTENT_TYPE);
  }

  /** Tomcat's error report valve as problem+json. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory",
      "org.apache.catalina.valves.ErrorReportValve"})
  static class Tomcat {
    @Bean
    @ConditionalOnMissingBean
    TomcatProblemErrorPages matchingTomcatProblemErrorPages() {
      return new TomcatProblemErrorPages();
    }
  }
}
