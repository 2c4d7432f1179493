package dev.plinth.observability;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.ObservabilitySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts and their dashboard: an encrypted SNS topic with the configured email subscriptions, the
 * CloudWatch alarms (alarm and OK actions on the topic) for every target the platform has, and a
 * dashboard with a section per target: the load balancer's RED metrics (rate, errors, duration),
 * the database's, the cache's and the cluster nodes' saturation and health, each graph with its
 * alarm's threshold drawn across it.
 */
public final class Monitoring extends Component {
  public static final String TYPE = "plinth:observability:Monitoring";

  /** The load balancer as CloudWatch names it (the ARN suffixes). */
  public record AlbTargets(
      Output<String> loadBalancerArnSuffix, Output<String> targetGroupArnSuffix) {}

  /**
   * What to watch. Each target is optional: alarms and widgets are made for the ones present, so a
   * component that joins the platform adds its targets here.
   */
  public record Args(
      String environment,
      AwsContext aws,
      ObservabilitySettings settings,
      Output<String> alertsKeyArn,
      Optional<AlbTargets> alb,
      Optional<DatabaseTargets> database,
      Optional<CacheTargets> cache,
      Optional<ClusterTargets> cluster) {}

  /**
   * PostgreSQL: the instances (primary first, then replicas), the allocated storage, the connection
   * limit of the instance class, and the proxy in front of the primary where there is one.
   */
  public record DatabaseTargets(
      Output<String> primary,
      List<Output<String>> replicas,
      int allocatedStorageGb,
      int maxConnections,
      Optional<ProxyTargets> proxy) {

    /** The database without a proxy. */
    public DatabaseTargets(
        Output<String> primary,
        List<Output<String>> replicas,
        int allocatedStorageGb,
        int maxConnections) {
      this(primary, replicas, allocatedStorageGb, maxConnections, Optional.empty());
    }
  }

  /**
   * RDS Proxy: its name (the {@code ProxyName} dimension of its metrics) and the client connections
   * the application's pools can open at its maximum replicas.
   */
  public record ProxyTargets(Output<String> name, int applicationConnections) {}

  /**
   * Redis: the replication group and its shape. ElastiCache publishes its metrics per node, under
   * the dimension {@code CacheClusterId}, not per replication group; in cluster mode each node's id
   * is the group's id, the shard's number in four digits and the node's in three ({@code
   * <group>-0001-001}), node 001 being the shard's first (primary at creation).
   */
  public record CacheTargets(Output<String> replicationGroupId, int shards, int replicasPerShard) {
    /** What each node's id adds to the group's ({@code -0001-001}), shard by shard. */
    List<String> nodeSuffixes() {
      List<String> suffixes = new ArrayList<>();
      for (int shard = 1; shard <= shards; shard++) {
        for (int node = 1; node <= replicasPerShard + 1; node++) {
          suffixes.add(String.format("-%04d-%03d", shard, node));
        }
      }
      return suffixes;
    }

    /** The suffixes of the nodes created as replicas (the ones that report replication lag). */
    List<String> replicaSuffixes() {
      return nodeSuffixes().stream().filter(id -> !id.endsWith("-001")).toList();
    }

    /** Every node's {@code CacheClusterId}, shard by shard. */
    public List<String> nodeIds(String groupId) {
      return nodeSuffixes().stream().map(suffix -> groupId + suffix).toList();
    }

    /** The {@code CacheClusterId}s of the nodes created as replicas. */
    public List<String> replicaIds(String groupId) {
      return replicaSuffixes().stream().map(suffix -> groupId + suffix).toList();
    }
  }

  /** The EKS cluster, by name (Container Insights metrics). */
  public record ClusterTargets(Output<String> clusterName) {}

  private final Topic topic;
  private final List<MetricAlarm> alarms = new ArrayList<>();
  private final Dashboard dashboard;

  public Monitoring(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    topic = alertTopic(args);
    alertPublishers(args);
    emailSubscriptions(args);
    alarms(args);
    dashboard = dashboard(args);
    registerOutputs(
        Map.of("alertTopicArn", topic.arn(), "dashboardName", dashboard.dashboardName()));
  }

  /** The alert topic, encrypted with the alerts key. */
  private Topic alertTopic(Args args) {
    return new Topic(
        child("alerts"),
        TopicArgs.builder()
            .displayName("Plinth " + args.environment() + " alerts")
            .kmsMasterKeyId(args.alertsKeyArn())
            .build(),
        childOptions());
  }

  /** Only CloudWatch alarms and budgets of this account may publish to the topic. */
  private void alertPublishers(Args args) {
    new TopicPolicy(
        child("alerts-policy"),
        TopicPolicyArgs.builder()
            .arn(topic.arn())
            .policy(
                Output.tuple(topic.arn(), args.aws().accountId())
                    .applyValue(
                        t ->
                            Json.policy(
                                obj(
                                    "Sid",
                                    "AlarmsAndBudgetsPublish",
                                    "Effect",
                                    "Allow",
                                    "Principal",
                                    obj(
                                        "Service",
                                        List.of(
                                            "cloudwatch.amazonaws.com", "budgets.amazonaws.com")),
                                    "Action",
                                    "sns:Publish",
                                    "Resource",
                                    t.t1,
                                    "Condition",
                                    obj("StringEquals", obj("aws:SourceAccount", t.t2))))))
            .build(),
        childOptions());
  }

  /** One email subscription per configured address, named by its place in the list. */
  private void emailSubscriptions(Args args) {
    for (int i = 0; i < args.settings().alertEmails().size(); i++) {
      new TopicSubscription(
          child("alerts-email-" + i),
          TopicSubscriptionArgs.builder()
              .topic(topic.arn())
              .protocol("email")
              .endpoint(args.settings().alertEmails().get(i))
              .build(),
          childOptions());
    }
  }

  /** The alarms of every target given. */
  private void alarms(Args args) {
    args.alb().ifPresent(alb -> Alarms.loadBalancer(this, alb));
    args.database().ifPresent(db -> Alarms.database(this, db));
    args.cache().ifPresent(cache -> Alarms.cache(this, cache));
    args.cluster().ifPresent(cluster -> Alarms.cluster(this, cluster));
  }

  /** The dashboard {@code plinth-<stack>}, a section per target. */
  private Dashboard dashboard(Args args) {
    return new Dashboard(
        child("dashboard"),
        DashboardArgs.builder()
            .dashboardName(args.aws().name(""))
            .dashboardBody(dashboardBody(args))
            .build(),
        childOptions());
  }

  /** Registers an alarm whose alarm and OK actions notify the alert topic. */
  MetricAlarm alarm(String suffix, MetricAlarmArgs.Builder builder) {
    MetricAlarm alarm =
        new MetricAlarm(
            child(suffix),
            builder
                .name(child(suffix))
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of))
                .build(),
            childOptions());
    alarms.add(alarm);
    return alarm;
  }

  /** Graphs per row of the dashboard, each a third of its 24 columns wide. */
  static final int GRAPHS_PER_ROW = 3;

  static final int GRAPH_WIDTH = 24 / GRAPHS_PER_ROW;
  static final int GRAPH_HEIGHT = 6;

  /**
   * One line of a graph: a CloudWatch metric of {@code namespace} with one dimension, as the
   * dashboard's {@code metrics} array writes it.
   */
  record Line(String namespace, String metric, String dimension, String value) {
    List<String> json() {
      return List.of(namespace, metric, dimension, value);
    }
  }

  /**
   * A graph of the dashboard: its title, the statistic of its lines, and the alarm threshold drawn
   * across it, if an alarm watches it.
   */
  record Graph(String title, String stat, List<Line> lines, Optional<Double> alarmAt) {
    Graph(String title, String stat, List<Line> lines) {
      this(title, stat, lines, Optional.empty());
    }

    Graph(String title, String stat, List<Line> lines, double alarmAt) {
      this(title, stat, lines, Optional.of(alarmAt));
    }
  }

  /** A titled band of graphs for one target (load balancer, database, cache, cluster). */
  record Section(String title, List<Graph> graphs) {}

  /** The dashboard: a section per target the platform has, in the order of {@link Args}. */
  private static Output<String> dashboardBody(Args args) {
    List<Output<Section>> sections = new ArrayList<>();
    args.alb()
        .ifPresent(alb -> sections.add(alb.loadBalancerArnSuffix().applyValue(Monitoring::alb)));
    args.database()
        .ifPresent(
            db -> {
              List<Output<String>> ids = new ArrayList<>();
              ids.add(db.primary());
              ids.addAll(db.replicas());
              sections.add(
                  Output.all(ids)
                      .applyValue(all -> database(db, all.get(0), all.subList(1, all.size()))));
            });
    args.cache()
        .ifPresent(
            cache ->
                sections.add(
                    cache.replicationGroupId().applyValue(id -> Monitoring.cache(cache, id))));
    args.cluster()
        .ifPresent(cluster -> sections.add(cluster.clusterName().applyValue(Monitoring::cluster)));
    if (sections.isEmpty()) {
      return Output.of(dashboardJson(args.aws().region(), List.of()));
    }
    return Output.all(sections).applyValue(all -> dashboardJson(args.aws().region(), all));
  }

  /** RED: rate (requests), errors (5xx from targets and from the ALB), duration (p95). */
  static Section alb(String loadBalancer) {
    String ns = "AWS/ApplicationELB";
    String lb = "LoadBalancer";
    return new Section(
        "Load balancer: rate, errors, duration",
        List.of(
            new Graph(
                "ALB requests (rate)",
                "Sum",
                List.of(new Line(ns, "RequestCount", lb, loadBalancer))),
            new Graph(
                "ALB 5xx (errors)",
                "Sum",
                List.of(
                    new Line(ns, "HTTPCode_Target_5XX_Count", lb, loadBalancer),
                    new Line(ns, "HTTPCode_ELB_5XX_Count", lb, loadBalancer))),
            new Graph(
                "ALB target response time p95 (duration)",
                "p95",
                List.of(new Line(ns, "TargetResponseTime", lb, loadBalancer)),
                Alarms.ALB_P95_SECONDS)));
  }

  /**
   * PostgreSQL: CPU and connections of every instance, free storage and I/O latency of the primary,
   * replica lag of each replica (the graph exists only with replicas).
   */
  static Section database(DatabaseTargets db, String primary, List<String> replicas) {
    String ns = "AWS/RDS";
    String id = "DBInstanceIdentifier";
    List<String> instances = new ArrayList<>();
    instances.add(primary);
    instances.addAll(replicas);
    List<Graph> graphs = new ArrayList<>();
    graphs.add(
        new Graph(
            "PostgreSQL CPU %",
            "Average",
            instances.stream().map(i -> new Line(ns, "CPUUtilization", id, i)).toList(),
            Alarms.CPU_PERCENT));
    graphs.add(
        new Graph(
            "PostgreSQL connections",
            "Maximum",
            instances.stream().map(i -> new Line(ns, "DatabaseConnections", id, i)).toList(),
            Alarms.connectionsThreshold(db.maxConnections())));
    graphs.add(
        new Graph(
            "PostgreSQL free storage (bytes)",
            "Minimum",
            List.of(new Line(ns, "FreeStorageSpace", id, primary)),
            db.allocatedStorageGb() * 1024.0 * 1024 * 1024 * Alarms.FREE_STORAGE_FRACTION));
    graphs.add(
        new Graph(
            "PostgreSQL read and write latency (s)",
            "Average",
            List.of(
                new Line(ns, "ReadLatency", id, primary),
                new Line(ns, "WriteLatency", id, primary))));
    if (!replicas.isEmpty()) {
      graphs.add(
          new Graph(
              "PostgreSQL replica lag (s)",
              "Maximum",
              replicas.stream().map(r -> new Line(ns, "ReplicaLag", id, r)).toList(),
              Alarms.REPLICA_LAG_SECONDS));
    }
    return new Section("Database: RDS PostgreSQL", graphs);
  }

  /** Redis: engine CPU, memory, connections, commands, evictions, replication lag. */
  static Section cache(CacheTargets targets, String replicationGroup) {
    String ns = "AWS/ElastiCache";
    List<String> nodes = targets.nodeIds(replicationGroup);
    List<String> replicas = targets.replicaIds(replicationGroup);
    java.util.function.Function<String, List<Line>> perNode =
        metric -> nodes.stream().map(n -> new Line(ns, metric, CACHE_NODE, n)).toList();
    List<Graph> graphs =
        new ArrayList<>(
            List.of(
                new Graph(
                    "Redis engine CPU %",
                    "Average", perNode.apply("EngineCPUUtilization"), Alarms.CPU_PERCENT),
                new Graph(
                    "Redis memory used %",
                    "Maximum",
                    perNode.apply("DatabaseMemoryUsagePercentage"),
                    Alarms.CACHE_MEMORY_PERCENT),
                new Graph("Redis connections", "Maximum", perNode.apply("CurrConnections")),
                new Graph(
                    "Redis commands (get, set)",
                    "Sum",
                    java.util.stream.Stream.concat(
                            perNode.apply("GetTypeCmds").stream(),
                            perNode.apply("SetTypeCmds").stream())
                        .toList()),
                new Graph("Redis evictions", "Sum", perNode.apply("Evictions"), 0.0)));
    if (!replicas.isEmpty()) {
      graphs.add(
          new Graph(
              "Redis replication lag (s)",
              "Maximum",
              // every node: roles move on failover (see Alarms.cache)
              perNode.apply("ReplicationLag"),
              Alarms.CACHE_REPLICATION_LAG_SECONDS));
    }
    return new Section("Cache: ElastiCache Redis", graphs);
  }

  /** The dimension ElastiCache publishes node metrics under. */
  static final String CACHE_NODE = "CacheClusterId";

  /** Cluster nodes (Container Insights): CPU, memory, filesystem, node count and failed nodes. */
  static Section cluster(String clusterName) {
    String ns = "ContainerInsights";
    String name = "ClusterName";
    return new Section(
        "Cluster: EKS nodes (Container Insights)",
        List.of(
            new Graph(
                "Nodes CPU %",
                "Average",
                List.of(new Line(ns, "node_cpu_utilization", name, clusterName)),
                Alarms.CPU_PERCENT),
            new Graph(
                "Nodes memory %",
                "Average",
                List.of(new Line(ns, "node_memory_utilization", name, clusterName)),
                Alarms.CPU_PERCENT),
            new Graph(
                "Nodes filesystem %",
                "Average", List.of(new Line(ns, "node_filesystem_utilization", name, clusterName))),
            new Graph(
                "Nodes: running and failed",
                "Maximum",
                List.of(
                    new Line(ns, "cluster_node_count", name, clusterName),
                    new Line(ns, "cluster_failed_node_count", name, clusterName)))));
  }

  /**
   * The dashboard body (CloudWatch's dashboard body structure): per section a header across the
   * width, then its graphs {@link #GRAPHS_PER_ROW} to a row at one-minute periods.
   */
  static String dashboardJson(String region, List<Section> sections) {
    List<Map<String, Object>> widgets = new ArrayList<>();
    int y = 0;
    for (Section section : sections) {
      widgets.add(
          obj(
              "type",
              "text",
              "x",
              0,
              "y",
              y,
              "width",
              24,
              "height",
              1,
              "properties",
              obj("markdown", "## " + section.title())));
      y += 1;
      List<Graph> graphs = section.graphs();
      for (int i = 0; i < graphs.size(); i++) {
        Graph g = graphs.get(i);
        Map<String, Object> properties =
            obj(
                "title",
                g.title(),
                "view",
                "timeSeries",
                "region",
                region,
                "stat",
                g.stat(),
                "period",
                60,
                "metrics",
                g.lines().stream().map(Line::json).toList());
        g.alarmAt()
            .ifPresent(
                at ->
                    properties.put(
                        "annotations",
                        obj("horizontal", List.of(obj("label", "alarm", "value", at)))));
        widgets.add(
            obj(
                "type",
                "metric",
                "x",
                (i % GRAPHS_PER_ROW) * GRAPH_WIDTH,
                "y",
                y + (i / GRAPHS_PER_ROW) * GRAPH_HEIGHT,
                "width",
                GRAPH_WIDTH,
                "height",
                GRAPH_HEIGHT,
                "properties",
                properties));
      }
      y += ((graphs.size() + GRAPHS_PER_ROW - 1) / GRAPHS_PER_ROW) * GRAPH_HEIGHT;
    }
    return Json.write(obj("widgets", widgets));
  }

  public Output<String> alertTopicArn() {
    return topic.arn();
  }

  public Output<String> dashboardName() {
    return dashboard.dashboardName();
  }

  public List<MetricAlarm> alarms() {
    return List.copyOf(alarms);
  }
}
