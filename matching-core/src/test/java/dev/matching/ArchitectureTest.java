package dev.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.matching.model.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package dependencies of matching-core pointing one way: model, then scoring, then
 * query, then index; the SPIs above the domain; the engine, then the batch, then the data
 * lifecycle (retention, integrity check), on top; and nothing
 * beyond the JDK and JSpecify.
 */
class ArchitectureTest {
  private static final String JDK = "java..";
  private static final String JSPECIFY = "org.jspecify..";
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.matching");
  }

  private static ArchRule onlyDependsOn(String pkg, String... allowed) {
    String[] all = new String[allowed.length + 3];
    all[0] = JDK;
    all[1] = JSPECIFY;
    all[2] = pkg;
    System.arraycopy(allowed, 0, all, 3, allowed.length);
    return classes().that().resideInAPackage(pkg)
        .should().onlyDependOnClassesThat().resideInAnyPackage(all)
        .because(pkg + " sits below the packages it must not know");
  }

  @Test
  void modelDependsOnNothingElse() {
    onlyDependsOn("dev.matching.model..").check(core);
  }

  @Test
  void scoringDependsOnlyOnModel() {
    onlyDependsOn("dev.matching.scoring..", "dev.matching.model..").check(core);
  }

  @Test
  void queryDependsOnlyOnScoringAndModel() {
    onlyDependsOn("dev.matching.query..", "dev.matching.scoring..", "dev.matching.model..").check(core);
  }

  @Test
  void indexDependsOnlyOnQueryScoringAndModel() {
    onlyDependsOn("dev.matching.index..",
        "dev.matching.query..", "dev.matching.scoring..", "dev.matching.model..").check(core);
  }

  @Test
  void assignmentDependsOnlyOnModel() {
    onlyDependsOn("dev.matching.assignment..", "dev.matching.model..").check(core);
  }

  @Test
  void sampleDependsOnlyOnModel() {
    onlyDependsOn("dev.matching.sample..", "dev.matching.model..").check(core);
  }

  @Test
  void storageSpisKnowTheDomainButNoIndexOrEngine() {
    noClasses().that().resideInAPackage("dev.matching.spi..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.matching.index..", "dev.matching.sample..")
        .check(core);
  }

  @Test
  void adapterSupportDependsOnlyOnTheSpisAndModel() {
    onlyDependsOn("dev.matching.spi.support..", "dev.matching.spi", "dev.matching.model..").check(core);
  }

  @Test
  void theSpisDoNotDependOnTheirImplementationsOrSupport() {
    noClasses().that().resideInAPackage("dev.matching.spi")
        .should().dependOnClassesThat().resideInAnyPackage("dev.matching.spi.memory..", "dev.matching.spi.support..")
        .check(core);
  }

  @Test
  void onlyTheBatchAndTheLifecycleBuildOnTheEngine() {
    noClasses().that().resideOutsideOfPackages("dev.matching", "dev.matching.batch..", "dev.matching.lifecycle..")
        .should().dependOnClassesThat().haveFullyQualifiedName(MatchingEngine.class.getName())
        .check(core);
  }

  @Test
  void nothingButTheBatchAndTheLifecycleKnowTheBatch() {
    noClasses().that().resideOutsideOfPackages("dev.matching.batch..", "dev.matching.lifecycle..")
        .should().dependOnClassesThat().resideInAPackage("dev.matching.batch..")
        .check(core);
  }

  @Test
  void coreUsesOnlyTheJdkAndJSpecify() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage(JDK, JSPECIFY, "dev.matching..")
        .check(core);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.matching.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void theAdapterSupportKnowsOnlyTheSpisAndTheModel() {
    onlyDependsOn("dev.matching.spi.support..", "dev.matching.spi", "dev.matching.model..").check(core);
  }

  @Test
  void argumentFailuresNameTheirField() {
    noClasses().that().doNotHaveFullyQualifiedName(InvalidArgumentException.class.getName())
        .should().callConstructor(IllegalArgumentException.class, String.class)
        .orShould().callConstructor(IllegalArgumentException.class, String.class, Throwable.class)
        .because("a refused argument is an InvalidArgumentException (Checks.fail), whose field() callers read")
        .check(core);
  }

  @Test
  void theExportedApiNamesNoInternalType() {
    ArchCondition<JavaCodeUnit> nameNoInternalType = new ArchCondition<>("name no type of an internal package") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
        types.add(unit.getRawReturnType());
        for (JavaClass type : types) {
          if (type.getPackageName().endsWith(".internal")) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " names " + type.getName()));
          }
        }
      }
    };
    codeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .should(nameNoInternalType)
        .because("module-info does not export the internal packages to users")
        .check(core);
  }
}
