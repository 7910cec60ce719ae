package dev.matching.examples.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code MATCHING_SECURITY_ENABLED=false}: the starter then adds no filter chain, and this app
 * leaves everything open (no keys, no Boot default login) for a laptop demo. Announced loudly by
 * {@link ReadyNotice}. Spring Security's firewall still refuses URLs that are not in
 * normal form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "matching.security.enabled", havingValue = false)
class OpenAccessConfiguration {
  @Bean
  SecurityFilterChain openAccess(HttpSecurity http) {
    return http.csrf(AbstractHttpConfigurer::disable).headers(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
  }
}
