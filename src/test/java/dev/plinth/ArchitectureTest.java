package dev.plinth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.plinth.config.ConfigCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which packages may depend on which, checked on the compiled main classes (tests excluded). A
 * failure lists each offending class and the dependency (call, field, import of a type) that breaks
 * the rule.
 */
class ArchitectureTest {
  /** The packages of the components that Platform wires together. */
  static final String[] COMPONENTS = {
    "dev.plinth.keys..",
    "dev.plinth.network..",
    "dev.plinth.edge..",
    "dev.plinth.data..",
    "dev.plinth.compute..",
    "dev.plinth.workloads..",
    "dev.plinth.backup..",
    "dev.plinth.observability..",
    "dev.plinth.schedule.."
  };

  /** What reads a plan after the fact: no component may need it to build resources. */
  static final String[] PLAN_READERS = {
    "dev.plinth.plan..",
    "dev.plinth.policy..",
    "dev.plinth.review..",
    "dev.plinth.cost..",
    "dev.plinth.diagram..",
    "dev.plinth.timing.."
  };

  /**
   * The main classes, read from the directory (or jar) that holds them: scanning the whole class
   * path for the package would open every dependency's jar, which takes seconds.
   */
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importUrl(Checks.class.getProtectionDomain().getCodeSource().getLocation());

  @Test
  void configDependsOnNoComponentPackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.plinth.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMPONENTS)
        .because(
            "components read their settings from config, and each provides the checks of its own"
                + " settings (a ConfigCheck listed in dev.plinth.Checks), so config needs none of them")
        .check(MAIN);
  }

  @Test
  void noComponentPackageDependsOnWhatReadsThePlan() {
    noClasses()
        .that()
        .resideInAnyPackage(COMPONENTS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLAN_READERS)
        .because(
            "plan, policy, review, cost and diagram read the graph the components register; the"
                + " components must build it without them")
        .check(MAIN);
  }

  @Test
  void everyConfigCheckConstantIsListedInChecksAll() throws ReflectiveOperationException {
    List<String> missing = new ArrayList<>();
    int found = 0;
    for (var javaClass : MAIN) {
      for (JavaField field : javaClass.getFields()) {
        if (!field.getRawType().isEquivalentTo(ConfigCheck.class)
            || !field.getModifiers().contains(JavaModifier.STATIC)) {
          continue;
        }
        found++;
        var reflected = field.reflect();
        reflected.setAccessible(true);
        Object check = reflected.get(null);
        if (Checks.ALL.stream().noneMatch(c -> c == check)) {
          missing.add(field.getFullName());
        }
      }
    }
    assertThat(found).as("ConfigCheck constants found in the main classes").isPositive();
    assertThat(missing)
        .as("ConfigCheck constants that dev.plinth.Checks.ALL does not list, so no load runs them")
        .isEmpty();
  }
}
