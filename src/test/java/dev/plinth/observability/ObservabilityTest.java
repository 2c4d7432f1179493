package dev.plinth.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObservabilityTest {
  static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyAlarmNotifiesTheAlertTopicOnAlarmAndOnRecovery(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource topic = plan.get("aws:sns/topic:Topic", env + "-monitoring-alerts");
    String topicArn = "arn:aws:sns:us-east-1:123456789012:topic/" + topic.id();

    // An alarm a Route 53 health check reads acts by failing over (the CDN origin's of a failover
    // primary, LoadBalancer.createMetricHealthCheck); it notifies no one itself.
    List<String> readByHealthChecks =
        plan.ofType("aws:route53/healthCheck:HealthCheck").stream()
            .map(c -> c.text("cloudwatchAlarmName"))
            .toList();
    assertThat(plan.ofType(ALARM)).isNotEmpty();
    assertThat(plan.ofType(ALARM))
        .filteredOn(alarm -> !readByHealthChecks.contains(alarm.text("name")))
        .isNotEmpty()
        .allSatisfy(
            alarm -> {
              assertThat(alarm.text("alarmActions.0"))
                  .as("alarm action of %s", alarm)
                  .isEqualTo(topicArn);
              assertThat(alarm.text("okActions.0"))
                  .as("OK action of %s", alarm)
                  .isEqualTo(topicArn);
              assertThat(alarm.text("alarmDescription"))
                  .as("description of %s", alarm)
                  .contains("Check first");
            });
    assertThat(topic.text("kmsMasterKeyId")).as("key of %s", topic).startsWith("arn:aws:kms:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void loadBalancerAlarmsUseTheSeedsThresholds(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    RecordedResource rate = plan.get(ALARM, env + "-monitoring-alb-5xx-rate");
    assertThat(rate.input("threshold").orElseThrow().asDouble()).isEqualTo(1.0);
    assertThat(rate.text("metricQueries.0.expression")).contains("100 * errors / requests");
    RecordedResource latency = plan.get(ALARM, env + "-monitoring-alb-p95-latency");
    assertThat(latency.text("extendedStatistic")).isEqualTo("p95");
    assertThat(latency.input("threshold").orElseThrow().asDouble()).isEqualTo(0.5);
    RecordedResource unhealthy = plan.get(ALARM, env + "-monitoring-alb-unhealthy-targets");
    assertThat(unhealthy.text("comparisonOperator")).isEqualTo("GreaterThanThreshold");
    assertThat(unhealthy.input("threshold").orElseThrow().asDouble()).isZero();
    assertThat(unhealthy.text("dimensions.TargetGroup")).startsWith("targetgroup/");
  }

  @ParameterizedTest
  @CsvSource({"dev, 200.00", "staging, 450.00", "prod, 4000.00"})
  void theBudgetNotifiesAt50And80And100PercentActualAnd100Forecast(String env, String limit) {
    RecordedResource budget =
        Plans.ofStack(env).get("aws:budgets/budget:Budget", env + "-budget-monthly");

    assertThat(budget.text("limitAmount")).isEqualTo(limit);
    assertThat(budget.text("timeUnit")).isEqualTo("MONTHLY");
    assertThat(budget.text("costFilters.0.values.0")).isEqualTo("user:Environment$" + env);
    List<String> notifications = new ArrayList<>();
    for (JsonNode n : budget.input("notifications").orElseThrow()) {
      notifications.add(n.get("notificationType").asText() + " " + n.get("threshold").asInt());
      assertThat(n.get("subscriberSnsTopicArns").size())
          .as("subscribers of %s", budget)
          .isEqualTo(1);
    }
    assertThat(notifications)
        .containsExactlyInAnyOrder("ACTUAL 50", "ACTUAL 80", "ACTUAL 100", "FORECASTED 100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyLogGroupHasRetentionAndAKey(String env) {
    assertThat(Plans.ofStack(env).ofType("aws:cloudwatch/logGroup:LogGroup"))
        .as("the scan reaches the Container Insights groups")
        .extracting(RecordedResource::name)
        .contains(env + "-cluster-insights-application", env + "-cluster-insights-performance");
    assertThat(Plans.ofStack(env).ofType("aws:cloudwatch/logGroup:LogGroup"))
        .isNotEmpty()
        .allSatisfy(
            group -> {
              assertThat(group.input("retentionInDays")).as("retention of %s", group).isPresent();
              assertThat(group.input("kmsKeyId")).as("key of %s", group).isPresent();
            });
  }

  @Test
  void theAuditTrailIsMultiRegionValidatedEncryptedAndLockedForAYear() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource trail = plan.get("aws:cloudtrail/trail:Trail", "prod-audit-trail");
    RecordedResource lock =
        plan.get(
            "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
            "prod-audit-bucket-object-lock");

    assertThat(trail.input("isMultiRegionTrail").orElseThrow().asBoolean()).isTrue();
    assertThat(trail.input("enableLogFileValidation").orElseThrow().asBoolean()).isTrue();
    assertThat(trail.text("kmsKeyId")).startsWith("arn:aws:kms:");
    assertThat(trail.text("cloudWatchLogsGroupArn")).contains(":log-group:/plinth/prod/cloudtrail");
    assertThat(lock.text("rule.defaultRetention.mode")).isEqualTo("COMPLIANCE");
    assertThat(lock.input("rule.defaultRetention.days").orElseThrow().asInt()).isEqualTo(365);
    assertThat(
            plan.get("aws:s3/bucketV2:BucketV2", "prod-audit-bucket")
                .input("objectLockEnabled")
                .orElseThrow()
                .asBoolean())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "dev, GOVERNANCE, true, false",
    "staging, GOVERNANCE, false, false",
    "prod, COMPLIANCE, false, true"
  })
  void devsAuditBucketCanBeDestroyedAndProdsIsLockedInComplianceModeAndProtected(
      String env, String mode, boolean forceDestroy, boolean protect) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource bucket = plan.get("aws:s3/bucketV2:BucketV2", env + "-audit-bucket");
    RecordedResource lock =
        plan.get(
            "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
            env + "-audit-bucket-object-lock");

    assertThat(lock.text("rule.defaultRetention.mode")).as("lock of %s", bucket).isEqualTo(mode);
    assertThat(bucket.input("forceDestroy").map(JsonNode::asBoolean).orElse(false))
        .as("forceDestroy of %s", bucket)
        .isEqualTo(forceDestroy);
    assertThat(bucket.protect()).as("protect of %s", bucket).isEqualTo(protect);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyBucketOfDevIsEmptiedOnDestroyAndNoneOfProd(String env) {
    assertThat(Plans.ofStack(env).ofType("aws:s3/bucketV2:BucketV2"))
        .isNotEmpty()
        .allSatisfy(
            b ->
                assertThat(b.input("forceDestroy").map(JsonNode::asBoolean).orElse(false))
                    .as("forceDestroy of %s", b)
                    .isEqualTo(env.equals("dev")));
  }

  @Test
  void anAuditLogIsDeletedWhenItsLockEndsNotAYearLater() {
    RecordedResource lifecycle =
        Plans.ofStack("prod")
            .get(
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "prod-audit-bucket-lifecycle");

    assertThat(lifecycle.input("rules.0.expiration.days").orElseThrow().asInt()).isEqualTo(365);
    assertThat(
            lifecycle
                .input("rules.0.noncurrentVersionExpiration.noncurrentDays")
                .orElseThrow()
                .asInt())
        .as("days an expired (noncurrent) log stays in %s", lifecycle)
        .isEqualTo(1);
  }

  @Test
  void theAuditTrailCanBeLeftToAnOrganisationTrail() {
    ResourceGraph plan =
        Plans.of(Plans.config("dev", Map.of("plinth:observability", Map.of("auditTrail", false))));

    assertThat(plan.ofType("aws:cloudtrail/trail:Trail")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyServicesProviderTagsEnvironmentServiceOwnerAndCostCenter(String env) {
    List<RecordedResource> providers = Plans.ofStack(env).ofType("pulumi:providers:aws");

    Map<String, String> services = new java.util.HashMap<>();
    for (RecordedResource p : providers) {
      JsonNode tags = defaultTags(p);
      assertThat(tags.get("Environment").asText()).as("Environment tag of %s", p).isEqualTo(env);
      assertThat(tags.get("Owner").asText()).as("Owner tag of %s", p).isEqualTo("platform");
      assertThat(tags.get("CostCenter").asText()).as("CostCenter tag of %s", p).isEqualTo("plinth");
      assertThat(tags.get("ManagedBy").asText()).isEqualTo("pulumi");
      services.put(p.name().substring(env.length()), tags.get("Service").asText());
    }
    Map<String, String> expected =
        new java.util.HashMap<>(
            Map.of(
                "-aws", "platform",
                "-aws-network", "network",
                "-aws-edge", "edge",
                "-aws-dr", "backups",
                "-aws-data", "data",
                "-aws-backups", "backups",
                "-aws-compute", "compute",
                "-aws-workloads", "workloads",
                "-aws-observability", "observability"));
    if (env.equals("dev")) {
      expected.put("-aws-schedule", "schedule"); // office hours: on in dev, off in prod
    }
    if (!env.equals("dev")) {
      expected.put("-aws-access", "access"); // plinth:access is off in dev
      expected.put("-aws-edge-global", "edge"); // the CDN's, in us-east-1: off in dev
    }
    assertThat(services).as("Service tag of each provider of %s", env).isEqualTo(expected);
  }

  /** A provider's inputs reach the engine as JSON text per top-level key. */
  private static JsonNode defaultTags(RecordedResource provider) {
    try {
      JsonNode value = provider.input("defaultTags").orElseThrow();
      JsonNode parsed =
          value.isTextual()
              ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(value.asText())
              : value;
      return parsed.get("tags");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** Stateful types that must be protected in prod, whichever component creates them. */
  static final Set<String> STATEFUL =
      Set.of(
          "aws:kms/key:Key",
          "aws:s3/bucketV2:BucketV2",
          "aws:rds/instance:Instance",
          "aws:elasticache/replicationGroup:ReplicationGroup",
          "aws:secretsmanager/secret:Secret",
          "aws:eks/cluster:Cluster",
          "aws:ecr/repository:Repository",
          "aws:backup/vault:Vault");

  @Test
  void everyStatefulResourceInProdIsProtected() {
    List<RecordedResource> stateful = Plans.ofStack("prod").where(r -> STATEFUL.contains(r.type()));

    assertThat(stateful).isNotEmpty();
    assertThat(stateful).allSatisfy(r -> assertThat(r.protect()).as("protect of %s", r).isTrue());
  }

  @ParameterizedTest
  @CsvSource({
    "db-cpu, 80.0",
    "cache-cpu, 80.0",
    "cache-memory, 90.0",
    "cache-evictions, 0.0",
    "nodes-cpu, 80.0",
    "nodes-memory, 80.0",
    "db-replica-1-lag, 300.0"
  })
  void dataAndClusterAlarmsUseTheSeedsThresholds(String alarm, double threshold) {
    RecordedResource r = Plans.ofStack("prod").get(ALARM, "prod-monitoring-" + alarm);

    assertThat(r.input("threshold").orElseThrow().asDouble())
        .as("threshold of %s", r)
        .isEqualTo(threshold);
  }

  @Test
  void databaseStorageAndConnectionAlarmsFollowTheInstance() {
    ResourceGraph plan = Plans.ofStack("prod");

    assertThat(
            plan.get(ALARM, "prod-monitoring-db-free-storage")
                .input("threshold")
                .orElseThrow()
                .asDouble())
        .as("15% of 100 GiB in bytes")
        .isEqualTo(100 * 1024.0 * 1024 * 1024 * 0.15);
    assertThat(
            plan.get(ALARM, "prod-monitoring-db-connections")
                .input("threshold")
                .orElseThrow()
                .asDouble())
        .as("80% of db.r6g.xlarge's default max_connections (32 GiB / 9531392), whole connections")
        .isEqualTo(Math.floor(Math.floor(32.0 * 1024 * 1024 * 1024 / 9531392) * 0.8));
    assertThat(Plans.ofStack("dev").where(r -> r.name().startsWith("dev-monitoring-db-replica")))
        .isEmpty();
  }

  static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

  /** The graphs' metric lines, as "namespace metric dimension=value", from the dashboard body. */
  private static Set<String> dashboardLines(RecordedResource dashboard) throws Exception {
    JsonNode body =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard.text("dashboardBody"));
    Set<String> lines = new java.util.TreeSet<>();
    for (JsonNode widget : body.get("widgets")) {
      if (widget.get("type").asText().equals("metric")) {
        for (JsonNode m : widget.at("/properties/metrics")) {
          lines.add(
              m.get(0).asText()
                  + " "
                  + m.get(1).asText()
                  + " "
                  + m.get(2).asText()
                  + "="
                  + m.get(3).asText());
        }
      }
    }
    return lines;
  }

  @Test
  void theProdDashboardGraphsEveryTargetWithTheDimensionsItsAlarmsWatch() throws Exception {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource dashboard = plan.get(DASHBOARD, "prod-monitoring-dashboard");
    String lb = plan.get(ALARM, "prod-monitoring-alb-p95-latency").text("dimensions.LoadBalancer");
    String primary =
        plan.get(ALARM, "prod-monitoring-db-cpu").text("dimensions.DBInstanceIdentifier");
    String replica =
        plan.get(ALARM, "prod-monitoring-db-replica-1-lag").text("dimensions.DBInstanceIdentifier");
    String group =
        plan.get("aws:elasticache/replicationGroup:ReplicationGroup", "prod-cache-redis").id();
    String cluster = plan.get(ALARM, "prod-monitoring-nodes-cpu").text("dimensions.ClusterName");

    Set<String> lines = dashboardLines(dashboard);

    assertThat(dashboard.text("dashboardName")).isEqualTo("plinth-prod");
    assertThat(lb).startsWith("app/");
    assertThat(cluster).isEqualTo("plinth-prod");
    assertThat(lines)
        .as("graphs of %s", dashboard)
        .contains(
            "AWS/ApplicationELB RequestCount LoadBalancer=" + lb,
            "AWS/ApplicationELB HTTPCode_Target_5XX_Count LoadBalancer=" + lb,
            "AWS/ApplicationELB TargetResponseTime LoadBalancer=" + lb,
            "AWS/RDS CPUUtilization DBInstanceIdentifier=" + primary,
            "AWS/RDS CPUUtilization DBInstanceIdentifier=" + replica,
            "AWS/RDS DatabaseConnections DBInstanceIdentifier=" + primary,
            "AWS/RDS FreeStorageSpace DBInstanceIdentifier=" + primary,
            "AWS/RDS ReadLatency DBInstanceIdentifier=" + primary,
            "AWS/RDS WriteLatency DBInstanceIdentifier=" + primary,
            "AWS/RDS ReplicaLag DBInstanceIdentifier=" + replica,
            "AWS/ElastiCache EngineCPUUtilization CacheClusterId=" + group + "-0001-001",
            "AWS/ElastiCache EngineCPUUtilization CacheClusterId=" + group + "-0001-003",
            "AWS/ElastiCache DatabaseMemoryUsagePercentage CacheClusterId=" + group + "-0001-002",
            "AWS/ElastiCache CurrConnections CacheClusterId=" + group + "-0001-003",
            "AWS/ElastiCache Evictions CacheClusterId=" + group + "-0001-001",
            "AWS/ElastiCache ReplicationLag CacheClusterId=" + group + "-0001-002",
            "ContainerInsights node_cpu_utilization ClusterName=" + cluster,
            "ContainerInsights node_memory_utilization ClusterName=" + cluster,
            "ContainerInsights cluster_failed_node_count ClusterName=" + cluster);
    assertThat(lines)
        .as("the RDS replica's lag only, never the primary's")
        .doesNotContain("AWS/RDS ReplicaLag DBInstanceIdentifier=" + primary);
    assertThat(lines)
        .as("Redis lag of every node: a failover swaps primary and replica")
        .contains(
            "AWS/ElastiCache ReplicationLag CacheClusterId=" + group + "-0001-001",
            "AWS/ElastiCache ReplicationLag CacheClusterId=" + group + "-0001-002");
    assertThat(lines)
        .as("ElastiCache publishes no metric per replication group")
        .noneMatch(l -> l.contains("ReplicationGroupId"));
  }

  /** The CacheClusterId of each node an alarm's metric-math queries watch. */
  private static List<String> watchedNodes(RecordedResource alarm) {
    List<String> nodes = new java.util.ArrayList<>();
    for (JsonNode q : alarm.input("metricQueries").orElseThrow()) {
      if (q.has("metric")) {
        nodes.add(q.at("/metric/dimensions/CacheClusterId").asText());
      }
    }
    return nodes;
  }

  @Test
  void eachCacheAlarmWatchesTheWorstOfAllNodesSoReplicationLagSurvivesAFailover() {
    ResourceGraph plan = Plans.ofStack("prod");
    String group =
        plan.get("aws:elasticache/replicationGroup:ReplicationGroup", "prod-cache-redis").id();
    RecordedResource cpu = plan.get(ALARM, "prod-monitoring-cache-cpu");
    RecordedResource lag = plan.get(ALARM, "prod-monitoring-cache-replication-lag");

    assertThat(watchedNodes(cpu))
        .as("nodes of %s: prod's shard of a primary and two replicas", cpu)
        .containsExactly(group + "-0001-001", group + "-0001-002", group + "-0001-003");
    assertThat(cpu.text("metricQueries.0.expression")).isEqualTo("MAX([n0, n1, n2])");
    assertThat(cpu.input("metricQueries.0.returnData").orElseThrow().asBoolean()).isTrue();
    assertThat(watchedNodes(lag))
        .as("nodes of %s: every node, so that it still sees the replicas after a failover", lag)
        .containsExactlyElementsOf(watchedNodes(cpu));
    assertThat(
            Plans.ofStack("dev")
                .where(r -> r.name().equals("dev-monitoring-cache-replication-lag")))
        .as("dev's single node has no replica to lag")
        .isEmpty();
  }

  @Test
  void aGroupOfMoreThanTenNodesSplitsItsAlarmsTenNodesAtATime() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "prod", Map.of("plinth:cache", Map.of("shards", 4, "replicasPerShard", 2))));

    assertThat(watchedNodes(plan.get(ALARM, "prod-monitoring-cache-cpu-1"))).hasSize(10);
    assertThat(watchedNodes(plan.get(ALARM, "prod-monitoring-cache-cpu-2"))).hasSize(2);
    assertThat(plan.where(r -> r.name().equals("prod-monitoring-cache-cpu"))).isEmpty();
  }

  @Test
  void withoutReplicasTheDashboardHasNoReplicaLagGraph() throws Exception {
    RecordedResource dashboard = Plans.ofStack("dev").get(DASHBOARD, "dev-monitoring-dashboard");

    Set<String> lines = dashboardLines(dashboard);

    assertThat(lines).as("graphs of %s", dashboard).noneMatch(l -> l.contains(" ReplicaLag "));
    assertThat(lines).anyMatch(l -> l.startsWith("AWS/RDS CPUUtilization "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void dashboardWidgetsStayInTheGridWithoutOverlapping(String env) throws Exception {
    RecordedResource dashboard = Plans.ofStack(env).get(DASHBOARD, env + "-monitoring-dashboard");
    JsonNode widgets =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dashboard.text("dashboardBody"))
            .get("widgets");
    Set<String> cells = new java.util.HashSet<>();

    for (JsonNode w : widgets) {
      int x = w.get("x").asInt();
      int y = w.get("y").asInt();
      int width = w.get("width").asInt();
      int height = w.get("height").asInt();
      assertThat(x + width)
          .as("right edge of %s in %s", w.at("/properties"), dashboard)
          .isLessThanOrEqualTo(24);
      for (int i = x; i < x + width; i++) {
        for (int j = y; j < y + height; j++) {
          assertThat(cells.add(i + "," + j))
              .as("cell %d,%d of %s covered once", i, j, w.at("/properties"))
              .isTrue();
        }
      }
    }
    assertThat(widgets.size()).isGreaterThan(4);
  }

  @Test
  void aGraphAnAlarmWatchesDrawsTheAlarmsThreshold() throws Exception {
    RecordedResource dashboard = Plans.ofStack("prod").get(DASHBOARD, "prod-monitoring-dashboard");
    Map<String, Double> thresholds = new java.util.HashMap<>();
    for (JsonNode w :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dashboard.text("dashboardBody"))
            .get("widgets")) {
      JsonNode line = w.at("/properties/annotations/horizontal/0/value");
      if (!line.isMissingNode()) {
        thresholds.put(w.at("/properties/title").asText(), line.asDouble());
      }
    }

    assertThat(thresholds)
        .as("thresholds drawn on %s", dashboard)
        .containsEntry("PostgreSQL CPU %", 80.0)
        .containsEntry("Redis memory used %", 90.0)
        .containsEntry("Redis replication lag (s)", 30.0)
        .containsEntry("Nodes memory %", 80.0)
        .containsEntry("ALB target response time p95 (duration)", 0.5);
  }
}
