package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesTableTest {

  @Test
  void everyDeployabilityRuleCitesTheApiOperationOrDocumentItEncodes() {
    assertThat(Policy.rules().stream().filter(Rule::deployability))
        .as("deployability rules")
        .hasSizeGreaterThanOrEqualTo(30)
        .allSatisfy(
            r -> {
              assertThat(r.anchors()).as("anchors of %s", r.id()).isNotEmpty();
              assertThat(String.join(", ", r.anchors()))
                  .as("%s names the API operation, field or page it encodes", r.id())
                  .containsPattern(
                      "[A-Z][a-z]+[A-Z]|User Guide|user guide|docs/|\\.md|\\.json|values\\.yaml|Chart\\.yaml");
            });
  }

  @Test
  void theReadmeListsEveryRuleAndExceptionAsTheCodeHasThem() throws Exception {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme).as("README, run RulesTable to regenerate").contains(RulesTable.rules());
    assertThat(readme)
        .as("README, run RulesTable deployability to regenerate")
        .contains(RulesTable.deployability());
    assertThat(readme)
        .as("README, run RulesTable exceptions to regenerate")
        .contains(RulesTable.exceptions());
  }
}
