package dev.plinth.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Monitoring built alone, from hand-made targets. */
class MonitoringTest {
  static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
  static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + Handles.ACCOUNT + ":topic/";

  static final String LOAD_BALANCER = "app/test-lb/0123456789abcdef";
  static final String TARGET_GROUP = "targetgroup/test-app/0123456789abcdef";
  static final String PRIMARY = "test-db";
  static final String REPLICA = "test-db-replica-1";
  static final String CACHE = "test-cache";
  static final String CLUSTER = "plinth-test";

  static Monitoring.Args args(boolean withTargets) {
    return new Monitoring.Args(
        "staging",
        Handles.aws(),
        Plans.config("staging").observability(),
        Output.of(Handles.keyArn("alerts")),
        withTargets
            ? Optional.of(
                new Monitoring.AlbTargets(Output.of(LOAD_BALANCER), Output.of(TARGET_GROUP)))
            : Optional.empty(),
        withTargets
            ? Optional.of(
                new Monitoring.DatabaseTargets(
                    Output.of(PRIMARY), List.of(Output.of(REPLICA)), 100, 500))
            : Optional.empty(),
        withTargets
            ? Optional.of(new Monitoring.CacheTargets(Output.of(CACHE), 2, 1))
            : Optional.empty(),
        withTargets
            ? Optional.of(new Monitoring.ClusterTargets(Output.of(CLUSTER)))
            : Optional.empty());
  }

  static ResourceGraph build(boolean withTargets) {
    return Handles.build(
        ctx ->
            new Monitoring(
                "test-monitoring", args(withTargets), ComponentResourceOptions.builder().build()));
  }

  /** Every value of a dimension an alarm watches, in its own metric or in its queries. */
  static List<String> dimensionValues(RecordedResource alarm) {
    List<String> values = new ArrayList<>();
    alarm.input("dimensions").ifPresent(d -> d.forEach(v -> values.add(v.asText())));
    alarm
        .input("metricQueries")
        .ifPresent(
            queries -> {
              for (JsonNode query : queries) {
                query.path("metric").path("dimensions").forEach(v -> values.add(v.asText()));
              }
            });
    return values;
  }

  @Test
  void everyAlarmWatchesOnlyTheTargetsGiven() {
    ResourceGraph graph = build(true);

    Set<String> given =
        new java.util.HashSet<>(List.of(LOAD_BALANCER, TARGET_GROUP, PRIMARY, REPLICA, CLUSTER));
    given.addAll(new Monitoring.CacheTargets(Output.of(CACHE), 2, 1).nodeIds(CACHE));
    List<RecordedResource> alarms = graph.ofType(ALARM);
    assertThat(alarms).isNotEmpty();
    for (RecordedResource alarm : alarms) {
      assertThat(dimensionValues(alarm))
          .as("dimensions %s watches", alarm)
          .isNotEmpty()
          .allSatisfy(value -> assertThat(given).as("targets given").contains(value));
    }
  }

  @Test
  void eachTargetGivenHasItsAlarms() {
    ResourceGraph graph = build(true);

    List<String> watched =
        graph.ofType(ALARM).stream().flatMap(a -> dimensionValues(a).stream()).toList();
    assertThat(watched)
        .as("what test-monitoring's alarms watch")
        .contains(LOAD_BALANCER, TARGET_GROUP, PRIMARY, REPLICA, CLUSTER, CACHE + "-0002-002");
    assertThat(
            graph
                .get(ALARM, "test-monitoring-db-replica-1-lag")
                .text("dimensions.DBInstanceIdentifier"))
        .isEqualTo(REPLICA);
  }

  @Test
  void withoutTargetsThereAreNoAlarmsButTheTopicAndTheDashboard() {
    ResourceGraph graph = build(false);

    assertThat(graph.ofType(ALARM)).as("alarms of test-monitoring without targets").isEmpty();
    assertThat(graph.ofType("aws:sns/topic:Topic"))
        .extracting(RecordedResource::name)
        .containsExactly("test-monitoring-alerts");
    assertThat(
            graph
                .get("aws:cloudwatch/dashboard:Dashboard", "test-monitoring-dashboard")
                .text("dashboardName"))
        .isEqualTo("plinth-test");
  }

  @Test
  void theTopicIsEncryptedWithTheGivenKeyAndEveryAlarmNotifiesIt() {
    ResourceGraph graph = build(true);

    RecordedResource topic = graph.get("aws:sns/topic:Topic", "test-monitoring-alerts");
    assertThat(topic.text("kmsMasterKeyId"))
        .as("key of %s", topic)
        .isEqualTo(Handles.keyArn("alerts"));
    for (RecordedResource alarm : graph.ofType(ALARM)) {
      assertThat(alarm.text("alarmActions.0"))
          .as("alarm action of %s", alarm)
          .startsWith(TOPIC_ARN + "test-monitoring-alerts");
      assertThat(alarm.text("okActions.0"))
          .as("OK action of %s", alarm)
          .startsWith(TOPIC_ARN + "test-monitoring-alerts");
    }
  }

  @Test
  void onlyThisAccountsAlarmsAndBudgetsMayPublish() throws Exception {
    RecordedResource policy =
        build(false).get("aws:sns/topicPolicy:TopicPolicy", "test-monitoring-alerts-policy");

    JsonNode statement = dev.plinth.Json.MAPPER.readTree(policy.text("policy")).at("/Statement/0");
    assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText())
        .as("account %s admits", policy)
        .isEqualTo(Handles.ACCOUNT);
  }
}
