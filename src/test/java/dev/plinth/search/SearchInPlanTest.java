package dev.plinth.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.config.PlatformConfig;
import dev.plinth.cost.CostEstimator;
import dev.plinth.cost.CostLine;
import dev.plinth.diagram.Diagram;
import dev.plinth.diagram.DiagramWriter;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Finding;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyReport;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A prod stack with {@code plinth:search.enabled}: the domain plans, passes the OpenSearch rules,
 * is priced and drawn; the shipped stacks (search off) have none of it.
 */
class SearchInPlanTest {
  static final PlatformConfig PROD_WITH_SEARCH =
      Plans.config("prod", Map.of("plinth:search", Map.of("enabled", true)));

  static ResourceGraph plan() {
    return Plans.of(PROD_WITH_SEARCH);
  }

  @Test
  void theDomainPassesEveryOpenSearchRuleInProd() {
    ResourceGraph graph = plan();
    PolicyReport report = Policy.evaluate(graph, Environment.PROD);

    List<Finding> search =
        report.findings().stream().filter(f -> f.ruleId().startsWith("OS-")).toList();
    assertThat(search).extracting(Finding::ruleId).contains("OS-01", "OS-03", "OS-07");
    assertThat(search)
        .allSatisfy(
            f ->
                assertThat(f.verdict())
                    .as("%s on %s: %s", f.ruleId(), f.resourceName(), f.messages())
                    .isEqualTo(dev.plinth.policy.Verdict.PASS));
    assertThat(graph.outputs().has("searchEndpoint")).isTrue();
    assertThat(graph.outputs().get("searchEndpoint").asText())
        .startsWith("vpc-plinth-prod-search-")
        .endsWith(".us-east-1.es.amazonaws.com");
  }

  @Test
  void theEstimatePricesDataNodesMastersAndStorageFromThePlannedInputs() {
    var report = CostEstimator.estimate(plan(), PROD_WITH_SEARCH.cost(), "us-east-1");
    List<CostLine> lines =
        report.lines().stream().filter(l -> l.component().equals("prod-search")).toList();

    assertThat(lines)
        .extracting(CostLine::item)
        .containsExactly(
            "KMS key prod-search-key",
            "OpenSearch data nodes (m6g.2xlarge.search) prod-search-domain",
            "OpenSearch dedicated masters (m6g.large.search) prod-search-domain",
            "OpenSearch storage prod-search-domain");
    var s = PROD_WITH_SEARCH.search();
    assertThat(lines.get(1).monthlyUsd())
        .isCloseTo(s.instanceCount() * 730 * 0.511, org.assertj.core.data.Offset.offset(0.001));
    assertThat(lines.get(3).monthlyUsd())
        .isCloseTo(
            s.instanceCount() * s.volumeGb() * 0.122, org.assertj.core.data.Offset.offset(0.001));
    assertThat(report.notes()).noneMatch(n -> n.contains("OpenSearch"));
  }

  @Test
  void theDiagramDrawsTheDomainReachedFromThePods() {
    String dot = DiagramWriter.dot(Diagram.of(plan()));
    assertThat(dot).contains("OpenSearch\\nprod-search-domain\\n3 x m6g.2xlarge.search");
  }

  @Test
  void theShippedStacksBuildNoSearchDomain() {
    for (String stack : List.of("dev", "staging", "prod")) {
      ResourceGraph graph = Plans.ofStack(stack);
      assertThat(graph.ofType("aws:opensearch/domain:Domain")).as("domains of %s", stack).isEmpty();
      assertThat(graph.outputs().has("searchEndpoint")).as("outputs of %s", stack).isFalse();
    }
  }
}
