package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spring.autoconfigure.MatchingAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingBatchAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingOpsAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingSecurityAutoConfiguration;
import dev.matching.spring.autoconfigure.MatchingWebAutoConfiguration;
import dev.matching.spring.ops.AdminController;
import dev.matching.spring.ops.HealthController;
import dev.matching.spring.ops.MaintenanceMode;
import dev.matching.spring.security.ApiKeys;
import dev.matching.spring.security.ApiRole;
import dev.matching.spring.web.JobWriteAuthorizer;
import dev.matching.spring.security.ApiSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Which security and operations beans exist in which configuration, and how bad key settings fail. */
class SecurityAutoConfigurationTest {
  private static final String HASH = ApiKeys.hash("some-key");
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class,
          MatchingSecurityAutoConfiguration.class, MatchingWebAutoConfiguration.class,
          MatchingOpsAutoConfiguration.class, SecurityAutoConfiguration.class,
          ServletWebSecurityAutoConfiguration.class))
      .withPropertyValues("matching.batch.schedule-enabled=false");

  @Test
  void securityIsOffByDefaultAndTheAdminApiIsThenNotServed() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(ApiKeys.class).doesNotHaveBean(AdminController.class)
          .doesNotHaveBean(JobWriteAuthorizer.class);
      assertThat(context).hasSingleBean(MaintenanceMode.class).hasSingleBean(HealthController.class);
    });
  }

  @Test
  void securityOnServesTheAdminApi() {
    runner.withPropertyValues("matching.security.enabled=true", "matching.security.keys[0].role=admin",
        "matching.security.keys[0].hash=" + HASH).run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(ApiKeys.class).authenticate("some-key")).get()
              .satisfies(p -> assertThat(p.role()).isEqualTo(ApiRole.ADMIN));
          assertThat(context.getBean(ApiKeys.class).authenticate("some-key ")).isEmpty();
          assertThat(context).hasSingleBean(AdminController.class).hasBean("matchingApiSecurityFilterChain")
              .hasSingleBean(RoleHierarchy.class);
        });
  }

  @Test
  void badKeySettingsFailNamingTheProperty() {
    assertFailsNaming("matching.security.keys[0].hash", "matching.security.keys[0].role=admin",
        "matching.security.keys[0].hash=plain-text-key");
    assertFailsNaming("matching.security.keys[0].role", "matching.security.keys[0].role=root",
        "matching.security.keys[0].hash=" + HASH);
    assertFailsNaming("matching.security.keys[0].employer-id", "matching.security.keys[0].role=client",
        "matching.security.keys[0].hash=" + HASH);
    assertFailsNaming("matching.security.keys[1].hash", "matching.security.keys[0].role=admin",
        "matching.security.keys[0].hash=" + HASH, "matching.security.keys[1].role=operator",
        "matching.security.keys[1].hash=" + HASH);
    assertFailsNaming("matching.security.requests-per-minute.client", "matching.security.requests-per-minute.client=-1");
    assertFailsNaming("matching.maintenance.retry-after", "matching.maintenance.retry-after=0s");
    assertFailsNaming("matching.security.failed-authentications-per-minute",
        "matching.security.failed-authentications-per-minute=-1");
  }

  private void assertFailsNaming(String property, String... settings) {
    runner.withPropertyValues("matching.security.enabled=true").withPropertyValues(settings).run(context -> {
      assertThat(context).as(property).hasFailed();
      Throwable root = context.getStartupFailure();
      while (root != null && !(root instanceof InvalidConfigurationPropertyValueException)) {
        root = root.getCause();
      }
      assertThat(root).as(property).isInstanceOf(InvalidConfigurationPropertyValueException.class);
      assertThat(((InvalidConfigurationPropertyValueException) root).getName()).isEqualTo(property);
      assertThat(root.getMessage()).doesNotContain("plain-text-key");
    });
  }

  @Test
  void securityOnWithoutSpringSecurityFailsInsteadOfServingAnOpenApi() {
    runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
        .withPropertyValues("matching.security.enabled=true").run(context -> {
          assertThat(context).hasFailed();
          Throwable root = context.getStartupFailure();
          while (root != null && !(root instanceof InvalidConfigurationPropertyValueException)) {
            root = root.getCause();
          }
          assertThat(root).isInstanceOf(InvalidConfigurationPropertyValueException.class);
          assertThat(((InvalidConfigurationPropertyValueException) root).getName()).isEqualTo("matching.security.enabled");
          assertThat(root.getMessage()).contains("spring-boot-starter-security");
        });
  }

  @Test
  void rolesAreOrdered() {
    assertThat(ApiRole.ADMIN.includes(ApiRole.OPERATOR)).isTrue();
    assertThat(ApiRole.CLIENT.includes(ApiRole.OPERATOR)).isFalse();
    assertThat(ApiSecurity.roleHierarchy().getReachableGrantedAuthorities(
        java.util.List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))).stream().map(a -> a.getAuthority()))
        .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_CLIENT");
    assertThat(ApiSecurity.roleHierarchy().getReachableGrantedAuthorities(
        java.util.List.of(new SimpleGrantedAuthority("ROLE_CLIENT"))).stream().map(a -> a.getAuthority()))
        .containsExactly("ROLE_CLIENT");
  }
}
