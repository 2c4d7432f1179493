package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The report's counts: each counts the findings of its verdict and no other. */
class PolicyReportTest {

  @Test
  void eachVerdictCountsOnlyItsFindings() {
    var g = Fixtures.compliant("prod");
    g.set("prod-edge-lb-app-tg", "healthCheck.interval", "10");
    PolicyReport report = Policy.evaluate(g.build(), Environment.PROD);

    for (Verdict v : Verdict.values()) {
      assertThat(report.count(v))
          .as("count of %s", v)
          .isEqualTo(report.findings().stream().filter(f -> f.verdict() == v).count());
    }
    assertThat(report.count(Verdict.FAIL)).as("failures").isEqualTo(1);
    assertThat(Arrays.stream(Verdict.values()).mapToLong(report::count).sum())
        .as("counts of all verdicts")
        .isEqualTo(report.findings().size());
  }
}
