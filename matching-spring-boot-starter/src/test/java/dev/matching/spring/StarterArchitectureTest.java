package dev.matching.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The starter's package rules: the auto-configurations sit on top and nothing else knows them;
 * the properties know no other starter package; and of core's internals the starter uses only the
 * argument checks. (web, security and ops still depend on each other: web's problem answers and
 * controller marker are used by security and ops, while web reads the caller's role from security
 * and reports outages through ops.)
 */
class StarterArchitectureTest {
  private static JavaClasses starter;

  @BeforeAll
  static void importStarter() {
    starter = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.matching.spring");
  }

  @Test
  void onlyTheAutoConfigurationsKnowTheAutoConfigurations() {
    noClasses().that().resideOutsideOfPackage("dev.matching.spring.autoconfigure..")
        .should().dependOnClassesThat().resideInAPackage("dev.matching.spring.autoconfigure..")
        .check(starter);
  }

  @Test
  void thePropertiesKnowNoOtherStarterPackage() {
    noClasses().that().resideInAPackage("dev.matching.spring.properties..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.matching.spring.autoconfigure..", "dev.matching.spring.web..", "dev.matching.spring.security..",
            "dev.matching.spring.ops..", "dev.matching.spring.metrics..")
        .check(starter);
  }

  @Test
  void everyPropertiesClassLivesInThePropertiesPackage() {
    classes().that().areAnnotatedWith(org.springframework.boot.context.properties.ConfigurationProperties.class)
        .should().resideInAPackage("dev.matching.spring.properties")
        .check(starter);
  }

  @Test
  void ofCoresInternalsOnlyTheChecksAreUsed() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.matching.scoring.internal..")
        .check(starter);
  }
}
