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
  void thePolicyPageListsEveryRuleAndExceptionAsTheCodeHasThem() throws Exception {
    String page = Files.readString(Path.of("docs/policy.md"));

    assertThat(page)
        .as("docs/policy.md, run RulesTable to regenerate")
        .contains(RulesTable.rules());
    assertThat(page)
        .as("docs/policy.md, run RulesTable deployability to regenerate")
        .contains(RulesTable.deployability());
    assertThat(page)
        .as("docs/policy.md, run RulesTable exceptions to regenerate")
        .contains(RulesTable.exceptions());
  }
}
