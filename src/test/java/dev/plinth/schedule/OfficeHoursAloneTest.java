package dev.plinth.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Json;
import dev.plinth.compute.Cluster;
import dev.plinth.compute.NodeGroupScaling;
import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.config.OfficeHoursSettings.Day;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Office hours built alone, on hand-made handles for a node group and a database. */
class OfficeHoursAloneTest {
  static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
  static final String CLUSTER = "plinth-test";
  static final String NODE_GROUP = "test-nodes-1234567";
  static final String NODE_GROUP_ARN =
      "arn:aws:eks:us-east-1:123456789012:nodegroup/plinth-test/test-nodes-1234567/uuid";
  static final String ASG = "eks-test-nodes-abcdef";
  static final String DB = "test-db-primary";
  static final String DB_ARN = "arn:aws:rds:us-east-1:123456789012:db:test-db-primary";

  static final OfficeHoursSettings HOURS =
      new OfficeHoursSettings(
          true, "Europe/Berlin", List.of(Day.MON, Day.WED, Day.FRI), "07:30", "18:45");

  static ResourceGraph build() {
    return Handles.build(
        ctx ->
            new OfficeHours(
                "test-office-hours",
                new OfficeHours.Args(
                    HOURS,
                    "test",
                    Handles.aws(),
                    new NodeGroupScaling(
                        Output.of(CLUSTER),
                        Output.of(NODE_GROUP),
                        Output.of(NODE_GROUP_ARN),
                        Output.of(ASG),
                        Cluster.autoscalerOwnedTagKey(CLUSTER),
                        2,
                        6,
                        3),
                    Output.of(DB),
                    Output.of(DB_ARN)),
                ComponentResourceOptions.builder().build()));
  }

  static RecordedResource schedule(ResourceGraph graph, String suffix) {
    return graph.get(SCHEDULE, "test-office-hours-" + suffix);
  }

  static JsonNode input(RecordedResource schedule) throws Exception {
    return Json.MAPPER.readTree(schedule.text("target.input"));
  }

  @Test
  void eachScheduleCallsItsApiWithTheRequestNamingTheNodeGroupOrTheDatabase() throws Exception {
    ResourceGraph graph = build();

    Map<String, String> targets =
        graph.ofType(SCHEDULE).stream()
            .collect(Collectors.toMap(RecordedResource::name, s -> s.text("target.arn")));
    String sdk = "arn:aws:scheduler:::aws-sdk:";
    assertThat(targets)
        .isEqualTo(
            Map.of(
                "test-office-hours-nodes-stop", sdk + "eks:updateNodegroupConfig",
                "test-office-hours-nodes-start", sdk + "eks:updateNodegroupConfig",
                "test-office-hours-db-stop", sdk + "rds:stopDBInstance",
                "test-office-hours-db-start", sdk + "rds:startDBInstance",
                "test-office-hours-autoscaler-pause", sdk + "autoscaling:deleteTags",
                "test-office-hours-autoscaler-resume", sdk + "autoscaling:createOrUpdateTags"));

    assertThat(input(schedule(graph, "nodes-stop")))
        .as("nodes-stop input")
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"ClusterName\":\"plinth-test\",\"NodegroupName\":\"test-nodes-1234567\","
                    + "\"ScalingConfig\":{\"MinSize\":0,\"MaxSize\":6,\"DesiredSize\":0}}"));
    assertThat(input(schedule(graph, "nodes-start")))
        .as("nodes-start input: the configured sizes")
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"ClusterName\":\"plinth-test\",\"NodegroupName\":\"test-nodes-1234567\","
                    + "\"ScalingConfig\":{\"MinSize\":2,\"MaxSize\":6,\"DesiredSize\":3}}"));
    for (String db : List.of("db-stop", "db-start")) {
      assertThat(input(schedule(graph, db)))
          .as("%s input", db)
          .isEqualTo(Json.MAPPER.readTree("{\"DbInstanceIdentifier\":\"test-db-primary\"}"));
    }
    JsonNode pause = input(schedule(graph, "autoscaler-pause")).at("/Tags/0");
    assertThat(pause.get("ResourceId").asText()).isEqualTo(ASG);
    assertThat(pause.get("ResourceType").asText()).isEqualTo("auto-scaling-group");
    assertThat(pause.get("Key").asText()).isEqualTo("k8s.io/cluster-autoscaler/plinth-test");
    assertThat(pause.get("Value").asText()).isEqualTo("owned");
    JsonNode resume = input(schedule(graph, "autoscaler-resume")).at("/Tags/0");
    assertThat(resume.get("Key").asText()).isEqualTo(pause.get("Key").asText());
    assertThat(resume.get("PropagateAtLaunch").asBoolean(true)).isFalse();
  }

  @Test
  void stopsRunEveryDayAndStartsOnlyOnWorkingDaysInTheConfiguredZone() {
    ResourceGraph graph = build();

    Map<String, String> expressions =
        graph.ofType(SCHEDULE).stream()
            .collect(
                Collectors.toMap(
                    s -> s.name().substring("test-office-hours-".length()),
                    s -> s.text("scheduleExpression")));
    assertThat(expressions)
        .isEqualTo(
            Map.of(
                "autoscaler-pause", "cron(45 18 * * ? *)",
                "nodes-stop", "cron(50 18 * * ? *)",
                "db-stop", "cron(45 18 * * ? *)",
                "db-start", "cron(30 7 ? * MON,WED,FRI *)",
                "nodes-start", "cron(30 7 ? * MON,WED,FRI *)",
                "autoscaler-resume", "cron(30 7 ? * MON,WED,FRI *)"));
    for (RecordedResource s : graph.ofType(SCHEDULE)) {
      assertThat(s.text("scheduleExpressionTimezone"))
          .as("zone of %s", s)
          .isEqualTo("Europe/Berlin");
      assertThat(s.text("groupName")).as("group of %s", s).isEqualTo("plinth-test-office-hours");
      assertThat(s.text("flexibleTimeWindow.mode")).as("window of %s", s).isEqualTo("OFF");
      assertThat(s.input("target.retryPolicy.maximumRetryAttempts").orElseThrow().asInt())
          .as("retries of %s", s)
          .isBetween(0, 185);
      assertThat(s.input("target.retryPolicy.maximumEventAgeInSeconds").orElseThrow().asInt())
          .as("retry window of %s", s)
          .isBetween(60, 86400);
    }
  }

  @Test
  void theRoleMayMakeOnlyTheScheduledCallsOnlyOnTheirResources() throws Exception {
    ResourceGraph graph = build();

    JsonNode policy =
        Json.MAPPER.readTree(
            graph
                .get("aws:iam/rolePolicy:RolePolicy", "test-office-hours-role-policy")
                .text("policy"));
    Map<String, String> resourceByAction = new java.util.TreeMap<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      assertThat(statement.has("NotAction") || statement.has("NotResource")).isFalse();
      List<String> actions =
          statement.get("Action").isArray()
              ? java.util.stream.StreamSupport.stream(statement.get("Action").spliterator(), false)
                  .map(JsonNode::asText)
                  .toList()
              : List.of(statement.get("Action").asText());
      actions.forEach(a -> resourceByAction.put(a, statement.get("Resource").asText()));
    }
    String asgArn =
        "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:*:autoScalingGroupName/" + ASG;
    assertThat(resourceByAction)
        .isEqualTo(
            Map.of(
                "eks:UpdateNodegroupConfig", NODE_GROUP_ARN,
                "rds:StopDBInstance", DB_ARN,
                "rds:StartDBInstance", DB_ARN,
                "autoscaling:DeleteTags", asgArn,
                "autoscaling:CreateOrUpdateTags", asgArn));
  }

  @Test
  void onlySchedulerFromThisAccountAndThisScheduleGroupMayAssumeTheRole() throws Exception {
    ResourceGraph graph = build();

    JsonNode trust =
        Json.MAPPER.readTree(
            graph.get("aws:iam/role:Role", "test-office-hours-role").text("assumeRolePolicy"));
    assertThat(trust.get("Statement")).hasSize(1);
    JsonNode statement = trust.at("/Statement/0");
    assertThat(statement.at("/Principal/Service").asText()).isEqualTo("scheduler.amazonaws.com");
    assertThat(statement.at("/Action").asText()).isEqualTo("sts:AssumeRole");
    assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText())
        .isEqualTo(Handles.ACCOUNT);
    assertThat(statement.at("/Condition/StringEquals/aws:SourceArn").asText())
        .isEqualTo(
            "arn:aws:scheduler:us-east-1:123456789012:schedule-group/plinth-test-office-hours");
    for (RecordedResource s : graph.ofType(SCHEDULE)) {
      assertThat(s.text("target.roleArn")).as("role of %s", s).contains("test-office-hours-role");
    }
  }

  @Test
  void theAutoscalerLosesItsTagBeforeTheNodesGoAndEveryScheduleWaitsForThePolicy() {
    ResourceGraph graph = build();

    String policy =
        graph.get("aws:iam/rolePolicy:RolePolicy", "test-office-hours-role-policy").urn();
    for (RecordedResource s : graph.ofType(SCHEDULE)) {
      assertThat(s.dependencies()).as("dependencies of %s", s).contains(policy);
    }
    assertThat(OfficeHours.NODES_AFTER_TAG_MINUTES).isPositive();
    assertThat(schedule(graph, "nodes-stop").text("scheduleExpression"))
        .isEqualTo("cron(50 18 * * ? *)")
        .isNotEqualTo(schedule(graph, "autoscaler-pause").text("scheduleExpression"));
  }

  @Test
  void everyChildIsParentedToTheComponentAndPrefixedWithItsName() {
    ResourceGraph graph = build();
    RecordedResource component = graph.get(OfficeHours.TYPE, "test-office-hours");

    List<RecordedResource> children = graph.children(component.urn());
    assertThat(children).hasSize(9);
    assertThat(children)
        .allSatisfy(c -> assertThat(c.name()).as("name of %s", c).startsWith("test-office-hours-"));
  }
}
