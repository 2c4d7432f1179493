package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code --policy enforce} the reason for exit 3 is the last line of the output (and on
 * stderr); {@code --json} keeps stdout one JSON document.
 */
class EnforceSummaryTest {
  @TempDir Path dir;

  /** The real prod stack file with flow logs off: NET-01 (mandatory) fails on prod-network-vpc. */
  Path prodWithoutFlowLogs() throws Exception {
    return ReviewGatesCommandTest.prodWithoutFlowLogs(dir);
  }

  static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void anEnforcedFailureEndsWithASummaryNamingTheFailedRulesOnStdoutAndStderr() throws Exception {
    var run = ReviewGatesCommandTest.plan("prod", "--config", prodWithoutFlowLogs().toString());

    assertThat(run.exit()).isEqualTo(PlanCommand.POLICY_VIOLATIONS);
    assertThat(lastLine(run.out()))
        .startsWith(
            "Exit 3: mandatory rules fail under --policy enforce; prod: NET-01 (1 resource)");
    assertThat(lastLine(run.err())).isEqualTo(lastLine(run.out()));
  }

  @Test
  void withJsonTheSummaryIsOnStderrOnlyAndStdoutStaysOneDocument() throws Exception {
    var run =
        ReviewGatesCommandTest.plan("prod", "--json", "--config", prodWithoutFlowLogs().toString());

    assertThat(run.exit()).isEqualTo(PlanCommand.POLICY_VIOLATIONS);
    new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(run.out());
    assertThat(lastLine(run.err())).contains("prod: NET-01 (1 resource)");
  }

  @Test
  void advisoryAndPassingPlansPrintNoSummary() throws Exception {
    var advisory =
        ReviewGatesCommandTest.plan(
            "prod", "--config", prodWithoutFlowLogs().toString(), "--policy", "advisory");
    var passing = ReviewGatesCommandTest.plan("dev");

    assertThat(advisory.exit()).isZero();
    assertThat(passing.exit()).isZero();
    assertThat(advisory.out() + advisory.err() + passing.out() + passing.err())
        .doesNotContain("Exit 3");
  }

  @Test
  void allEndsWithTheFailedAccountChecksAfterTheTable() throws Exception {
    var run =
        ReviewGatesCommandTest.planIn(ReviewGatesCommandTest.twoDevStacks(dir, null), "--all");

    assertThat(run.exit()).isEqualTo(PlanCommand.POLICY_VIOLATIONS);
    assertThat(lastLine(run.out()))
        .startsWith(
            "Exit 3: mandatory rules fail under --policy enforce; account check: singleton");
    assertThat(run.out().indexOf("Key settings by environment"))
        .isLessThan(run.out().lastIndexOf("Exit 3"));
    assertThat(lastLine(run.err())).isEqualTo(lastLine(run.out()));
  }

  @Test
  void allWithJsonKeepsStdoutOneDocumentAndTheSettingsTableOnStderr() throws Exception {
    var run = ReviewGatesCommandTest.plan("--all", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    var doc =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readTree(run.out());
    assertThat(doc.has("comparison")).isTrue();
    assertThat(run.out()).doesNotContain("Key settings by environment");
    assertThat(run.err()).contains("Key settings by environment");
  }
}
