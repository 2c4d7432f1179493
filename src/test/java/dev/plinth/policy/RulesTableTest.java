package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesTableTest {

  @Test
  void theReadmeListsEveryRuleAndExceptionAsTheCodeHasThem() throws Exception {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme).as("README, run RulesTable to regenerate").contains(RulesTable.rules());
    assertThat(readme)
        .as("README, run RulesTable exceptions to regenerate")
        .contains(RulesTable.exceptions());
  }
}
