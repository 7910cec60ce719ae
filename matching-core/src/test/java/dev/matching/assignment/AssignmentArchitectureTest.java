package dev.matching.assignment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The assignment algorithms stay pure: JDK, JSpecify and the model's argument checks only. */
class AssignmentArchitectureTest {

  @Test
  void assignmentDependsOnlyOnJdkJspecifyAndModel() {
    JavaClasses production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.matching.assignment");

    classes().that().resideInAPackage("dev.matching.assignment")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify.annotations..", "dev.matching.assignment..", "dev.matching.model..")
        .check(production);
  }
}
