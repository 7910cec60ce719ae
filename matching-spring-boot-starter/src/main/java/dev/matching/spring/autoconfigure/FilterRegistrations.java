package dev.matching.spring.autoconfigure;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The one way the starter registers its servlet filters: a filter, its order among the others
 * (the {@code ORDER_*} constants of {@link MatchingWebAutoConfiguration}) and the routes it sees.
 */
final class FilterRegistrations {
  private FilterRegistrations() {}

  /** {@code filter} at {@code order}, on every route. */
  static <F extends Filter> FilterRegistrationBean<F> everywhere(F filter, int order) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(order);
    return registration;
  }

  /** {@code filter} at {@code order}, on the API's routes ({@code /api/*}) only. */
  static <F extends Filter> FilterRegistrationBean<F> onTheApi(F filter, int order) {
    FilterRegistrationBean<F> registration = everywhere(filter, order);
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
