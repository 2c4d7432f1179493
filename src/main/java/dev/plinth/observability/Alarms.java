package dev.plinth.observability;

import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;

/**
 * The alarms of the platform, at the seeds' thresholds, each with a description that says what to
 * check first. Built by {@link Monitoring} for whatever targets the platform has.
 */
final class Alarms {
  /** Seeds 001, 003, 004: error rate above 1% alerts. */
  static final double ALB_5XX_PERCENT = 1.0;

  /** Seeds 001, 004: p95 latency above 500 ms. */
  static final double ALB_P95_SECONDS = 0.5;

  private Alarms() {}

  /** The load balancer's alarms: 5xx rate, target p95 latency, unhealthy targets. */
  static void loadBalancer(Monitoring m, Monitoring.AlbTargets alb) {
    Output<Map<String, String>> lb =
        alb.loadBalancerArnSuffix().applyValue(s -> Map.of("LoadBalancer", s));
    Output<Map<String, String>> lbAndTg =
        Output.tuple(alb.loadBalancerArnSuffix(), alb.targetGroupArnSuffix())
            .applyValue(t -> Map.of("LoadBalancer", t.t1, "TargetGroup", t.t2));
    m.alarm(
        "alb-5xx-rate",
        MetricAlarmArgs.builder()
            .alarmDescription(
                "More than 1% of requests end in a 5xx from the targets (seeds 001, 003, 004). Check"
                    + " first: the application's logs and the last deployment (kubectl rollout history).")
            .comparisonOperator("GreaterThanThreshold")
            .threshold(ALB_5XX_PERCENT)
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .treatMissingData("notBreaching")
            .metricQueries(
                List.of(
                    MetricAlarmMetricQueryArgs.builder()
                        .id("rate")
                        .label("5xx per request, %")
                        .expression("IF(requests > 0, 100 * errors / requests, 0)")
                        .returnData(true)
                        .build(),
                    query("errors", "HTTPCode_Target_5XX_Count", "Sum", lb),
                    query("requests", "RequestCount", "Sum", lb))));
    m.alarm(
        "alb-p95-latency",
        MetricAlarmArgs.builder()
            .alarmDescription(
                "Target p95 response time above 500 ms (seeds 001, 004). Check first: database CPU and"
                    + " slow queries (Performance Insights), then pod CPU throttling and the HPA.")
            .namespace("AWS/ApplicationELB")
            .metricName("TargetResponseTime")
            .extendedStatistic("p95")
            .period(60)
            .comparisonOperator("GreaterThanThreshold")
            .threshold(ALB_P95_SECONDS)
            .evaluationPeriods(5)
            .datapointsToAlarm(3)
            .treatMissingData("notBreaching")
            .dimensions(lb));
    m.alarm(
        "alb-unhealthy-targets",
        MetricAlarmArgs.builder()
            .alarmDescription(
                "At least one target fails the /api/health/ready check. Check first: pod readiness"
                    + " and events (kubectl describe pod), then the database and cache reachability.")
            .namespace("AWS/ApplicationELB")
            .metricName("UnHealthyHostCount")
            .statistic("Maximum")
            .period(60)
            .comparisonOperator("GreaterThanThreshold")
            .threshold(0.0)
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .treatMissingData("notBreaching")
            .dimensions(lbAndTg));
  }

  /** Seeds 003, 004: CPU above 80% alerts. */
  static final double CPU_PERCENT = 80;

  /** Free storage below 15% of what is allocated. */
  static final double FREE_STORAGE_FRACTION = 0.15;

  /** Connections above 80% of the instance class's limit. */
  static final double CONNECTIONS_FRACTION = 0.8;

  /**
   * The connections alarm's threshold: 80% of the class's limit, in whole connections (a count: 80%
   * of 3,604 is 2,883, not the 2883.2000000000003 a double product prints).
   */
  static double connectionsThreshold(int maxConnections) {
    return Math.floor(maxConnections * CONNECTIONS_FRACTION);
  }

  /** Seed 002: RPO 5 minutes, so a replica more than 300 s behind alerts. */
  static final double REPLICA_LAG_SECONDS = 300;

  /** Freeable memory below 256 MiB. */
  static final double FREEABLE_MEMORY_BYTES = 256.0 * 1024 * 1024;

  /** Seed 003: memory above 90% alerts. */
  static final double CACHE_MEMORY_PERCENT = 90;

  /** Seed 004: failover under 30 s, so a Redis replica more than 30 s behind alerts. */
  static final double CACHE_REPLICATION_LAG_SECONDS = 30;

  /** PostgreSQL: CPU, free storage, connections, freeable memory; replica lag on replicas. */
  static void database(Monitoring m, Monitoring.DatabaseTargets db) {
    Output<Map<String, String>> primary =
        db.primary().applyValue(id -> Map.of("DBInstanceIdentifier", id));
    simple(
        m,
        "db-cpu",
        "AWS/RDS",
        "CPUUtilization",
        "Average",
        primary,
        "GreaterThanThreshold",
        CPU_PERCENT,
        "Database CPU above 80% (seeds 003, 004). Check first: Performance Insights' top SQL, then"
            + " connection count and recent deploys.");
    simple(
        m,
        "db-free-storage",
        "AWS/RDS",
        "FreeStorageSpace",
        "Minimum",
        primary,
        "LessThanThreshold",
        db.allocatedStorageGb() * 1024.0 * 1024 * 1024 * FREE_STORAGE_FRACTION,
        "Free storage below 15% of what is allocated. Check first: storage autoscaling's ceiling"
            + " (maxAllocatedStorage) and table bloat; raise the ceiling before it is reached.");
    simple(
        m,
        "db-connections",
        "AWS/RDS",
        "DatabaseConnections",
        "Maximum",
        primary,
        "GreaterThanThreshold",
        connectionsThreshold(db.maxConnections()),
        "Connections near the instance class's limit. Check first: the application's pool sizes"
            + " (seed 004: at most 50 per container) times the replica count.");
    simple(
        m,
        "db-freeable-memory",
        "AWS/RDS",
        "FreeableMemory",
        "Minimum",
        primary,
        "LessThanThreshold",
        FREEABLE_MEMORY_BYTES,
        "Freeable memory below 256 MiB. Check first: work_mem and connection count; then move up an"
            + " instance class.");
    db.proxy().ifPresent(proxy -> proxy(m, proxy));
    for (int i = 0; i < db.replicas().size(); i++) {
      Output<Map<String, String>> replica =
          db.replicas().get(i).applyValue(id -> Map.of("DBInstanceIdentifier", id));
      simple(
          m,
          "db-replica-" + (i + 1) + "-lag",
          "AWS/RDS",
          "ReplicaLag",
          "Maximum",
          replica,
          "GreaterThanThreshold",
          REPLICA_LAG_SECONDS,
          "Read replica more than 5 minutes behind (seed 002: RPO 5 min). Check first: write load on"
              + " the primary and the replica's CPU and I/O.");
    }
  }

  /**
   * RDS Proxy's client connections ({@code AWS/RDS} {@code ClientConnections}, "the current number
   * of client connections", under the dimension set {@code ProxyName}; RDS User Guide, "Monitoring
   * RDS Proxy metrics with Amazon CloudWatch"). RDS publishes it for each of the proxy's underlying
   * instances ("Use CloudWatch statistics to aggregate the values for a proxy"), so the alarm sums
   * them. Threshold: 80% of what the application's pools open at its maximum replicas, the point
   * past which the application is near its ceiling or something else connects.
   */
  static void proxy(Monitoring m, Monitoring.ProxyTargets proxy) {
    simple(
        m,
        "db-proxy-client-connections",
        "AWS/RDS",
        "ClientConnections",
        "Sum",
        proxy.name().applyValue(name -> Map.of("ProxyName", name)),
        "GreaterThanThreshold",
        connectionsThreshold(proxy.applicationConnections()),
        "Client connections to the database proxy above 80% of what the application's pools open"
            + " at its maximum replicas (seed 004: at most 50 per container). Check first: pools"
            + " that leak connections, then clients other than the application.");
  }

  /**
   * Redis: engine CPU, memory, evictions, replication lag. ElastiCache publishes these per node
   * ({@code CacheClusterId}), so each alarm watches the worst node through metric math: the highest
   * of the nodes' values (a metric-math alarm takes at most 10 metrics, so a larger group gets one
   * alarm per 10 nodes).
   */
  static void cache(Monitoring m, Monitoring.CacheTargets cache) {
    List<Output<String>> all = nodes(cache.replicationGroupId(), cache.nodeSuffixes());
    boolean replicated = !cache.replicaSuffixes().isEmpty();
    worstNode(
        m,
        "cache-cpu",
        "EngineCPUUtilization",
        "Average",
        all,
        CPU_PERCENT,
        "Redis engine CPU above 80% on a node. Check first: slow log (CloudWatch) and hot keys; then add shards.");
    worstNode(
        m,
        "cache-memory",
        "DatabaseMemoryUsagePercentage",
        "Maximum",
        all,
        CACHE_MEMORY_PERCENT,
        "Redis memory above 90% on a node (seed 003). Check first: key TTLs and the eviction count; then a larger node type.");
    worstNode(
        m,
        "cache-evictions",
        "Evictions",
        "Sum",
        all,
        0.0,
        "Redis is evicting keys (seed 004: eviction rate). Check first: memory use and TTLs of the largest keys.");
    if (replicated) {
      // Every node, not the ones created as replicas (-002): a failover promotes a replica and
      // demotes the old primary, and only a node running as a replica publishes ReplicationLag
      // (ElastiCache User Guide, "Metrics for Valkey and Redis OSS": ReplicationLag, per node,
      // dimension CacheClusterId). MAX over all nodes skips the primaries' missing data and
      // follows the roles wherever they move.
      worstNode(
          m,
          "cache-replication-lag",
          "ReplicationLag",
          "Maximum",
          all,
          CACHE_REPLICATION_LAG_SECONDS,
          "A Redis replica is more than 30 s behind (seed 004: failover under 30 s). Check first: write volume and network.");
    }
  }

  /** Most metrics a metric-math alarm may query. */
  static final int MAX_ALARM_METRICS = 10;

  /** The nodes' {@code CacheClusterId}s, one output each: the group's id and a node's suffix. */
  private static List<Output<String>> nodes(Output<String> groupId, List<String> suffixes) {
    return suffixes.stream().map(suffix -> groupId.applyValue(id -> id + suffix)).toList();
  }

  private static void worstNode(
      Monitoring m,
      String suffix,
      String metric,
      String statistic,
      List<Output<String>> nodes,
      double threshold,
      String description) {
    int alarms = (nodes.size() + MAX_ALARM_METRICS - 1) / MAX_ALARM_METRICS;
    for (int a = 0; a < alarms; a++) {
      List<Output<String>> part =
          nodes.subList(a * MAX_ALARM_METRICS, Math.min(nodes.size(), (a + 1) * MAX_ALARM_METRICS));
      List<MetricAlarmMetricQueryArgs> queries = new java.util.ArrayList<>();
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < part.size(); i++) {
        String id = "n" + i;
        ids.add(id);
        queries.add(
            MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .returnData(false)
                .metric(
                    MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace("AWS/ElastiCache")
                        .metricName(metric)
                        .stat(statistic)
                        .period(300)
                        .dimensions(part.get(i).applyValue(n -> Map.of(Monitoring.CACHE_NODE, n)))
                        .build())
                .build());
      }
      queries.add(
          0,
          MetricAlarmMetricQueryArgs.builder()
              .id("worst")
              .label(metric + ", worst node")
              .expression("MAX([" + String.join(", ", ids) + "])")
              .returnData(true)
              .build());
      m.alarm(
          alarms == 1 ? suffix : suffix + "-" + (a + 1),
          MetricAlarmArgs.builder()
              .alarmDescription(description)
              .evaluationPeriods(3)
              .datapointsToAlarm(2)
              .comparisonOperator("GreaterThanThreshold")
              .threshold(threshold)
              .treatMissingData("missing")
              .metricQueries(queries));
    }
  }

  /** Cluster nodes: CPU and memory (Container Insights). */
  static void cluster(Monitoring m, Monitoring.ClusterTargets cluster) {
    Output<Map<String, String>> name =
        cluster.clusterName().applyValue(n -> Map.of("ClusterName", n));
    simple(
        m,
        "nodes-cpu",
        "ContainerInsights",
        "node_cpu_utilization",
        "Average",
        name,
        "GreaterThanThreshold",
        CPU_PERCENT,
        "Cluster nodes' CPU above 80%. Check first: HPA status and pending pods; the autoscaler adds nodes up to maxSize.");
    simple(
        m,
        "nodes-memory",
        "ContainerInsights",
        "node_memory_utilization",
        "Average",
        name,
        "GreaterThanThreshold",
        CPU_PERCENT,
        "Cluster nodes' memory above 80%. Check first: pods near their memory limits (kubectl top pods).");
  }

  private static void simple(
      Monitoring m,
      String suffix,
      String namespace,
      String metric,
      String statistic,
      Output<Map<String, String>> dimensions,
      String comparison,
      double threshold,
      String description) {
    m.alarm(
        suffix,
        MetricAlarmArgs.builder()
            .alarmDescription(description)
            .namespace(namespace)
            .metricName(metric)
            .statistic(statistic)
            .period(300)
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .comparisonOperator(comparison)
            .threshold(threshold)
            .treatMissingData("missing")
            .dimensions(dimensions));
  }

  private static MetricAlarmMetricQueryArgs query(
      String id, String metric, String stat, Output<Map<String, String>> dimensions) {
    return MetricAlarmMetricQueryArgs.builder()
        .id(id)
        .returnData(false)
        .metric(
            MetricAlarmMetricQueryMetricArgs.builder()
                .namespace("AWS/ApplicationELB")
                .metricName(metric)
                .stat(stat)
                .period(60)
                .dimensions(dimensions)
                .build())
        .build();
  }
}
