package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void eachTableHasOneRowPerRuleOrExceptionInTheCodesOrder() {
    assertThat(ids(RulesTable.rules()))
        .containsExactlyElementsOf(
            Policy.rules().stream().filter(r -> !r.deployability()).map(Rule::id).toList());
    assertThat(ids(RulesTable.deployability()))
        .containsExactlyElementsOf(
            Policy.rules().stream().filter(Rule::deployability).map(Rule::id).toList());
    assertThat(ids(RulesTable.exceptions()))
        .containsExactlyElementsOf(
            Exceptions.DEFAULT.stream().map(PolicyException::ruleId).toList());
  }

  /** The first cell of each row below a table's header and separator. */
  private static List<String> ids(String table) {
    return table.lines().skip(2).map(l -> l.split(" \\| ")[0].substring(2)).toList();
  }

  /** The policy page's table that starts with this header line, up to the first line not a row. */
  private static String pageTable(String page, String table) {
    String header = table.lines().findFirst().orElseThrow();
    List<String> lines = page.lines().toList();
    int start = lines.indexOf(header);
    assertThat(start).as("docs/policy.md has a table headed %s", header).isNotNegative();
    StringBuilder out = new StringBuilder();
    for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      out.append(lines.get(i)).append('\n');
    }
    return out.toString();
  }

  @Test
  void thePolicyPagesTablesAreExactlyTheGeneratedOnesNoRowMoreOrLess() throws Exception {
    String page = Files.readString(Path.of("docs/policy.md"));

    for (String table :
        List.of(RulesTable.rules(), RulesTable.deployability(), RulesTable.exceptions())) {
      assertThat(pageTable(page, table))
          .as("docs/policy.md, run RulesTable to regenerate")
          .isEqualTo(table);
    }
  }

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
