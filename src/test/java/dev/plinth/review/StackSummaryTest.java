package dev.plinth.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.PolicyMode;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-stack table of {@code plan --all}: what it shows of each stack's PostgreSQL. */
class StackSummaryTest {
  static Map<String, String> summary(String stack) {
    ResourceGraph graph = Plans.ofStack(stack);
    return StackSummary.of(graph, Review.of(graph, Plans.stackFile(stack), PolicyMode.OFF));
  }

  @Test
  void aStandbyShowsItsReplicasClassMarkedAsAReplicaAndNoReplicasOfItsOwn() {
    Map<String, String> standby = summary("prod-dr");
    assertThat(standby.get("PostgreSQL class"))
        .as("PostgreSQL class of prod-dr, whose only instance is a replica of prod's")
        .isEqualTo(Plans.stackFile("prod-dr").database().instanceClass() + " (replica)");
    assertThat(standby.get("read replicas"))
        .as("read replicas of prod-dr (plinth:database.readReplicas 0)")
        .isEqualTo("0");
  }

  @Test
  void aPrimaryShowsItsWritersClassAndCountsItsReplicas() {
    Map<String, String> prod = summary("prod");
    assertThat(prod.get("PostgreSQL class"))
        .as("PostgreSQL class of prod")
        .isEqualTo("db.r6g.xlarge");
    assertThat(prod.get("read replicas"))
        .as("read replicas of prod (plinth:database.readReplicas)")
        .isEqualTo(String.valueOf(Plans.stackFile("prod").database().readReplicas()))
        .isNotEqualTo("0");
  }

  @Test
  void theSeedsPartsShowWhereTheyAreOnAndAStandbySharesItsPrimarysCdn() {
    Map<String, String> dev = summary("dev");
    Map<String, String> prod = summary("prod");
    Map<String, String> standby = summary("prod-dr");

    assertThat(dev).containsEntry("CDN (CloudFront)", "-").containsEntry("RDS Proxy", "-");
    assertThat(dev).containsEntry("operator access", "-").containsEntry("OpenSearch", "-");
    assertThat(prod).containsEntry("CDN (CloudFront)", "on").containsEntry("RDS Proxy", "on");
    assertThat(prod).containsEntry("operator access", "SSM");
    assertThat(standby)
        .as("prod-dr: behind prod's distribution, no proxy while its database is a replica")
        .containsEntry("CDN (CloudFront)", "primary's")
        .containsEntry("RDS Proxy", "-");
  }
}
