package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Json;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Helm add-ons built alone, on a hand-made cluster whose objects wait for stand-in nodes. */
class ClusterAddonsAloneTest {
  static final String RELEASE = "kubernetes:helm.sh/v3:Release";
  static final String ROLE = "aws:iam/role:Role";

  static ResourceGraph build() {
    return Handles.build(
        ctx ->
            new ClusterAddons(
                "test-addons",
                new ClusterAddons.Args(
                    Plans.config("staging").cluster(),
                    Handles.REGION,
                    StandIns.clusterAfterNodes(),
                    Output.of(Handles.VPC)),
                ComponentResourceOptions.builder().build()));
  }

  @Test
  void everyReleaseWaitsForTheHandlesReadyAfterAndRunsThroughItsProvider() {
    ResourceGraph graph = build();
    String nodes = graph.get("aws:eks/nodeGroup:NodeGroup", StandIns.NODES).urn();

    assertThat(graph.ofType(RELEASE)).hasSize(3);
    for (RecordedResource release : graph.ofType(RELEASE)) {
      assertThat(release.dependencies()).as("dependencies of %s", release).contains(nodes);
      assertThat(release.provider()).as("provider of %s", release).contains("::test-k8s::");
    }
  }

  @Test
  void eachRoleTrustsExactlyTheHandlesOidcProviderAndItsServiceAccount() throws Exception {
    ResourceGraph graph = build();

    Map<String, String> accounts =
        Map.of(
            "test-addons-autoscaler-role", ClusterAddons.AUTOSCALER_SA,
            "test-addons-lb-controller-role", ClusterAddons.LBC_SA);
    String host = Handles.OIDC_ISSUER.replaceFirst("^https://", "");
    for (var entry : accounts.entrySet()) {
      RecordedResource role = graph.get(ROLE, entry.getKey());
      JsonNode trust = Json.MAPPER.readTree(role.text("assumeRolePolicy"));
      assertThat(trust.get("Statement")).as("statements of %s's trust", role).hasSize(1);
      JsonNode statement = trust.at("/Statement/0");
      assertThat(statement.at("/Principal/Federated").asText())
          .as("provider %s trusts", role)
          .isEqualTo(Handles.OIDC_PROVIDER_ARN);
      assertThat(statement.at("/Condition/StringEquals").get(host + ":sub").asText())
          .as("subject %s trusts", role)
          .isEqualTo("system:serviceaccount:kube-system:" + entry.getValue());
    }
  }

  @Test
  void theControllersAndTheAutoscalerAreToldTheHandlesClusterVpcAndRegion() {
    ResourceGraph graph = build();

    RecordedResource lbc = graph.get(RELEASE, "test-addons-aws-load-balancer-controller");
    assertThat(lbc.text("values.clusterName")).as("cluster of %s", lbc).isEqualTo("plinth-test");
    assertThat(lbc.text("values.vpcId")).as("VPC of %s", lbc).isEqualTo(Handles.VPC);
    assertThat(lbc.text("values.region")).as("region of %s", lbc).isEqualTo(Handles.REGION);
    RecordedResource autoscaler = graph.get(RELEASE, "test-addons-cluster-autoscaler");
    assertThat(autoscaler.text("values.autoDiscovery.clusterName"))
        .as("cluster %s discovers", autoscaler)
        .isEqualTo("plinth-test");
  }
}
