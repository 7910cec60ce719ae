package dev.matching.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/** The smallest application using the starter, for the web tests: auto-configuration only, no scanning. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

  /**
   * With the starter's security off, an application with Spring Security decides itself who may
   * call the API; these tests leave it open (as the reference app does).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "matching.security.enabled", havingValue = false, matchIfMissing = true)
  static class OpenAccess {
    @Bean
    SecurityFilterChain openAccess(HttpSecurity http) {
      return http.csrf(AbstractHttpConfigurer::disable).authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
    }
  }
}
