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
import dev.matching.spring.security.AccessRules;
import dev.matching.spring.security.ApiKeys;
import dev.matching.spring.security.ApiRole;
import dev.matching.spring.web.JobWriteAuthorizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Which security and operations beans exist in which configuration, and how bad key settings fail. */
class SecurityAutoConfigurationTest {
  private static final String HASH = ApiKeys.hash("some-key");
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MatchingAutoConfiguration.class, MatchingBatchAutoConfiguration.class,
          MatchingSecurityAutoConfiguration.class, MatchingWebAutoConfiguration.class,
          MatchingOpsAutoConfiguration.class))
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
          assertThat(context).hasSingleBean(AdminController.class).hasBean("matchingApiKeyAuthenticationFilter");
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
  void accessRulesGiveEachEndpointItsLeastRole() {
    assertThat(AccessRules.requiredRole("GET", "/api/v1/admin/system-info")).isEqualTo(ApiRole.ADMIN);
    assertThat(AccessRules.requiredRole("GET", "/api/v1/batch/status")).isEqualTo(ApiRole.OPERATOR);
    assertThat(AccessRules.requiredRole("POST", "/api/v1/jobs/bulk")).isEqualTo(ApiRole.OPERATOR);
    assertThat(AccessRules.requiredRole("GET", "/api/v1/jobs/bulk")).isEqualTo(ApiRole.CLIENT);
    assertThat(AccessRules.requiredRole("GET", "/api/v1/workers/w-1")).isEqualTo(ApiRole.OPERATOR);
    assertThat(AccessRules.requiredRole("GET", "/api/v1/workers/w-1/matches")).isEqualTo(ApiRole.CLIENT);
    assertThat(AccessRules.requiredRole("PUT", "/api/v1/jobs/j-1")).isEqualTo(ApiRole.CLIENT);
    assertThat(ApiRole.ADMIN.includes(ApiRole.OPERATOR)).isTrue();
    assertThat(ApiRole.CLIENT.includes(ApiRole.OPERATOR)).isFalse();
  }
}
