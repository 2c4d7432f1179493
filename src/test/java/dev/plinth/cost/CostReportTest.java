package dev.plinth.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.CostSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic against the budget, on lines whose sums are known. */
class CostReportTest {

  /** Lines of $60.00 + $39.996 + $25.00 = $124.996 in two components. */
  private static CostReport report(double budget) {
    return new CostReport(
        "test",
        "us-east-1",
        "2026-11-01",
        new CostSettings(budget, 1, 2, 3, 4, 5, 60, 6, 7, 8, 9),
        List.of(
            new CostLine("network", "NAT gateway", "730 h", 60),
            new CostLine("network", "NAT data", "1 GB", 39.996),
            new CostLine("data", "database", "730 h", 25)),
        List.of("a note"));
  }

  @Test
  void theTotalDoesNotDependOnTheOrderOfTheLines() {
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in this order and 0.6 in the reverse one.
    List<CostLine> lines =
        List.of(
            new CostLine("a", "x", "1", 0.1),
            new CostLine("a", "y", "1", 0.2),
            new CostLine("b", "z", "1", 0.3));
    List<CostLine> reversed = List.of(lines.get(2), lines.get(1), lines.get(0));
    CostSettings usage = new CostSettings(1, 0, 0, 0, 0, 0, 60, 0, 0, 0, 0);

    CostReport forward = new CostReport("test", "us-east-1", "2026-11-01", usage, lines, List.of());
    CostReport backward =
        new CostReport("test", "us-east-1", "2026-11-01", usage, reversed, List.of());

    assertThat(forward.total()).isEqualTo(backward.total()).isEqualTo(0.6);
    assertThat(forward.byComponent()).isEqualTo(backward.byComponent());
  }

  @Test
  void withinTheBudgetSaysWhichShareOfItIsUsed() {
    CostReport r = report(250);

    assertThat(r.withinBudget()).isTrue();
    assertThat(r.budgetVerdict()).isEqualTo("within the budget of $250.00 (50%)");
  }

  @Test
  void overTheBudgetSaysByHowMuchAndWhichShare() {
    CostReport r = report(100);

    assertThat(r.withinBudget()).isFalse();
    assertThat(r.budgetVerdict()).isEqualTo("OVER the budget of $100.00 by $25.00 (125%)");
  }

  @Test
  void aTotalEqualToTheBudgetIsWithinIt() {
    CostReport r =
        new CostReport(
            "test",
            "us-east-1",
            "2026-11-01",
            new CostSettings(100, 0, 0, 0, 0, 0, 60, 0, 0, 0, 0),
            List.of(new CostLine("data", "database", "730 h", 100)),
            List.of());

    assertThat(r.withinBudget()).isTrue();
    assertThat(r.budgetVerdict()).isEqualTo("within the budget of $100.00 (100%)");
  }

  @Test
  void componentsSumTheirLinesAndTheDocumentRoundsToTheCent() {
    CostReport r = report(100);
    ObjectNode doc = r.toJson();

    assertThat(r.total()).isCloseTo(124.996, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(doc.get("totalMonthlyUsd").doubleValue()).isEqualTo(125.0);
    assertThat(doc.at("/byComponent/network").doubleValue()).isEqualTo(100.0);
    assertThat(doc.at("/byComponent/data").doubleValue()).isEqualTo(25.0);
    assertThat(doc.at("/lines/1/monthlyUsd").doubleValue()).isEqualTo(40.0);
    assertThat(doc.at("/lines/1/item").asText()).isEqualTo("NAT data");
    assertThat(doc.get("budgetMonthlyUsd").doubleValue()).isEqualTo(100.0);
    assertThat(doc.get("withinBudget").booleanValue()).isFalse();
    assertThat(doc.at("/assumptions/trafficGbPerMonth").doubleValue()).isEqualTo(1.0);
    assertThat(doc.at("/assumptions/s3GbStored").doubleValue()).isEqualTo(5.0);
    assertThat(doc.at("/assumptions/spotDiscountPercent").doubleValue()).isEqualTo(60.0);
    assertThat(doc.at("/assumptions/backupCopyGb").doubleValue()).isEqualTo(6.0);
    assertThat(doc.at("/assumptions/cdnRequestsMillionsPerMonth").doubleValue()).isEqualTo(7.0);
    assertThat(doc.at("/assumptions/cdnTransferGbPerMonth").doubleValue()).isEqualTo(8.0);
    assertThat(doc.at("/notes/0").asText()).isEqualTo("a note");
    assertThat(doc.get("region").asText()).isEqualTo("us-east-1");
    assertThat(doc.get("priceDate").asText()).isEqualTo("2026-11-01");
  }

  @Test
  void thePrintedEstimateListsComponentsTotalVerdictAssumptionsAndNotes() {
    var bytes = new ByteArrayOutputStream();
    report(100).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    // names padded to the longest ("network") plus two, amounts right-aligned in 12

    assertThat(lines)
        .containsExactly(
            "Cost estimate (monthly, us-east-1 on-demand prices of 2026-11-01, 730 h/month):",
            "    data           $25.00",
            "    network       $100.00",
            "    total         $125.00",
            "    OVER the budget of $100.00 by $25.00 (125%) (plinth:cost.budgetMonthlyUsd)",
            "    assumptions (plinth:cost): NAT traffic 1 GB/month, ALB 2 LCU, WAF 3 M"
                + " requests/month, logs 4 GB/month, S3 5 GB, spot 60% below on-demand, backup"
                + " copies 6 GB each, CDN 7 M requests and 8 GB/month",
            "    note: a note");
  }
}
