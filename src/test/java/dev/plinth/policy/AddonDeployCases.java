package dev.plinth.policy;

import static dev.plinth.policy.PolicyRulesTest.c;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Json;
import dev.plinth.testing.GraphBuilder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the deployability rules in this area, in the form of {@link PolicyRulesTest#c}.
 */
final class AddonDeployCases {
  private AddonDeployCases() {}

  static final String AUTOSCALER = "prod-cluster-addons-cluster-autoscaler";
  static final String METRICS = "prod-cluster-addons-metrics-server";
  static final String CONTROLLER = "prod-cluster-addons-aws-load-balancer-controller";
  static final String CONTROLLER_POLICY = "prod-cluster-addons-lb-controller-role-policy";
  static final String BINDING = "prod-app-target-group-binding";

  /** Replaces the controller's policy with upstream's, changed by {@code edit}. */
  static void editPolicy(GraphBuilder g, Consumer<ArrayNode> edit) {
    try {
      JsonNode policy =
          Json.MAPPER.readTree(
              dev.plinth.compute.Charts.loadBalancerControllerPolicy("v2.13.2").orElseThrow());
      edit.accept((ArrayNode) policy.get("Statement"));
      g.set(
          CONTROLLER_POLICY,
          "policy",
          Json.MAPPER.writeValueAsString(Json.MAPPER.writeValueAsString(policy)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The index of the first statement granting an action. */
  static int granting(ArrayNode statements, String action) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).get("Action").toString().contains("\"" + action + "\"")) {
        return i;
      }
    }
    throw new IllegalStateException("upstream grants no " + action);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "DEP-30",
            AUTOSCALER,
            "the autoscaler's chart is 9.46.6 (v1.32.0) on a 1.34 cluster",
            g -> g.set(AUTOSCALER, "version", "'9.46.6'")),
        c(
            "DEP-30",
            AUTOSCALER,
            "the autoscaler's image is overridden to v1.33.0 on a 1.34 cluster",
            g -> g.set(AUTOSCALER, "values", "{image: {tag: 'v1.33.0'}}")),
        c(
            "DEP-30",
            METRICS,
            "metrics-server is pinned to a chart version Plinth has no record of",
            g -> g.set(METRICS, "version", "'3.99.0'")),
        c(
            "DEP-31",
            CONTROLLER,
            "the controller's policy lacks upstream's ec2:CreateTags/DeleteTags statement",
            g -> editPolicy(g, s -> s.remove(granting(s, "ec2:DeleteTags")))),
        c(
            "DEP-31",
            CONTROLLER,
            "the controller may tag any security group at creation (condition removed)",
            g ->
                editPolicy(
                    g,
                    s -> ((ObjectNode) s.get(granting(s, "ec2:CreateTags"))).remove("Condition"))),
        c(
            "DEP-31",
            CONTROLLER,
            "no IAM role trusts the controller's service account",
            g -> g.set(CONTROLLER, "values.serviceAccount.name", "'load-balancer'")),
        c(
            "DEP-32",
            CONTROLLER,
            "the Service mutator webhook is on while other releases and the app create Services",
            g -> g.set(CONTROLLER, "values.enableServiceMutatorWebhook", "true")),
        c(
            "DEP-33",
            BINDING,
            "the application's namespace lacks the readiness-gate label",
            g -> g.remove("prod-app-namespace", "metadata.labels")),
        c(
            "DEP-33",
            BINDING,
            "the Deployment does not wait for the binding",
            g -> g.undepend("prod-app-deployment", BINDING)),
        c(
            "DEP-34",
            METRICS,
            "metrics-server does not wait for the node group",
            g -> g.undepend(METRICS, "prod-cluster-nodes")),
        c(
            "DEP-35",
            PolicyRulesTest.APP,
            "the pod's tmp emptyDir is not named safe to evict",
            g -> g.remove(PolicyRulesTest.APP, "spec.template.metadata.annotations")));
  }
}
