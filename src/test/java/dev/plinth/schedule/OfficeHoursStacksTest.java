package dev.plinth.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyReport;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Office hours in the real stacks: what they name is what the stack builds. */
class OfficeHoursStacksTest {
  static final String SCHEDULE = "aws:scheduler/schedule:Schedule";

  static JsonNode input(ResourceGraph graph, String stack, String suffix) throws Exception {
    return Json.MAPPER.readTree(
        graph.get(SCHEDULE, stack + "-office-hours-" + suffix).text("target.input"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging"})
  void theSchedulesNameTheStacksOwnNodeGroupAutoScalingGroupAndDatabase(String stack)
      throws Exception {
    ResourceGraph graph = Plans.ofStack(stack);
    RecordedResource nodes = graph.get("aws:eks/nodeGroup:NodeGroup", stack + "-cluster-nodes");
    RecordedResource db = graph.get("aws:rds/instance:Instance", stack + "-db-primary");
    RecordedResource ownedTag =
        graph.get("aws:autoscaling/tag:Tag", stack + "-cluster-nodes-asg-owned");

    for (String suffix : new String[] {"nodes-stop", "nodes-start"}) {
      JsonNode in = input(graph, stack, suffix);
      assertThat(in.get("ClusterName").asText())
          .as("%s cluster", suffix)
          .isEqualTo(nodes.text("clusterName"));
      assertThat(in.get("NodegroupName").asText()).as("%s node group", suffix).isNotBlank();
      assertThat(in.at("/ScalingConfig/MaxSize").asInt())
          .as("%s maxSize", suffix)
          .isEqualTo(nodes.input("scalingConfig.maxSize").orElseThrow().asInt());
    }
    assertThat(input(graph, stack, "nodes-start").at("/ScalingConfig/MinSize").asInt())
        .isEqualTo(nodes.input("scalingConfig.minSize").orElseThrow().asInt());
    for (String suffix : new String[] {"db-stop", "db-start"}) {
      assertThat(input(graph, stack, suffix).get("DbInstanceIdentifier").asText())
          .as("%s instance", suffix)
          .isEqualTo(db.text("identifier"));
    }
    JsonNode pause = input(graph, stack, "autoscaler-pause").at("/Tags/0");
    assertThat(pause.get("ResourceId").asText())
        .as("the Auto Scaling group the pause untags")
        .isEqualTo(ownedTag.text("autoscalingGroupName"));
    assertThat(pause.get("Key").asText()).isEqualTo(ownedTag.text("tag.key"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging"})
  void thePauseRemovesExactlyTheTagTheAutoscalersPolicyRequiresToScale(String stack)
      throws Exception {
    ResourceGraph graph = Plans.ofStack(stack);
    JsonNode policy =
        Json.MAPPER.readTree(
            graph
                .get(
                    "aws:iam/rolePolicy:RolePolicy",
                    stack + "-cluster-addons-autoscaler-role-policy")
                .text("policy"));
    JsonNode scale = null;
    for (JsonNode statement : policy.get("Statement")) {
      if (statement.toString().contains("autoscaling:SetDesiredCapacity")) {
        scale = statement;
      }
    }
    assertThat(scale).as("the autoscaler's scaling statement").isNotNull();
    Map.Entry<String, JsonNode> condition = scale.at("/Condition/StringEquals").fields().next();
    JsonNode pause = input(graph, stack, "autoscaler-pause").at("/Tags/0");

    assertThat(condition.getKey()).isEqualTo("aws:ResourceTag/" + pause.get("Key").asText());
    assertThat(condition.getValue().asText()).isEqualTo(pause.get("Value").asText());
  }

  @Test
  void prodHasNoOfficeHoursByDefault() {
    assertThat(Plans.ofStack("prod").ofType(SCHEDULE)).isEmpty();
  }

  @Test
  void officeHoursSwitchedOnInProdFailTheMandatoryRule() {
    ResourceGraph graph =
        Plans.of(
            Plans.config(
                "prod",
                Map.of(
                    "plinth:database",
                    Map.of("readReplicas", 0),
                    "plinth:officeHours",
                    Map.of("enabled", true))));

    PolicyReport report = Policy.evaluate(graph, Environment.PROD);

    assertThat(report.mandatoryFailures())
        .filteredOn(f -> f.ruleId().equals("SCHED-01"))
        .extracting(f -> f.resourceName())
        .containsExactlyInAnyOrder("prod-cluster-nodes", "prod-db-primary");
  }
}
