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
 * dashboard of the RED metrics (rate, errors, duration) of those targets.
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
      String region,
      ObservabilitySettings settings,
      Output<String> alertsKeyArn,
      Output<String> accountId,
      Optional<AlbTargets> alb,
      Optional<DatabaseTargets> database,
      Optional<CacheTargets> cache,
      Optional<ClusterTargets> cluster) {}

  /**
   * PostgreSQL: the instances (primary first, then replicas), the allocated storage and the
   * connection limit of the instance class.
   */
  public record DatabaseTargets(
      Output<String> primary,
      List<Output<String>> replicas,
      int allocatedStorageGb,
      int maxConnections) {}

  /** Redis: the replication group. */
  public record CacheTargets(Output<String> replicationGroupId) {}

  /** The EKS cluster, by name (Container Insights metrics). */
  public record ClusterTargets(Output<String> clusterName) {}

  private final Topic topic;
  private final List<MetricAlarm> alarms = new ArrayList<>();
  private final Dashboard dashboard;

  public Monitoring(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    topic =
        new Topic(
            child("alerts"),
            TopicArgs.builder()
                .displayName("Plinth " + args.environment() + " alerts")
                .kmsMasterKeyId(args.alertsKeyArn())
                .build(),
            childOptions());
    new TopicPolicy(
        child("alerts-policy"),
        TopicPolicyArgs.builder()
            .arn(topic.arn())
            .policy(
                Output.tuple(topic.arn(), args.accountId())
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
    args.alb().ifPresent(alb -> Alarms.loadBalancer(this, alb));
    args.database().ifPresent(db -> Alarms.database(this, db));
    args.cache().ifPresent(cache -> Alarms.cache(this, cache));
    args.cluster().ifPresent(cluster -> Alarms.cluster(this, cluster));

    dashboard =
        new Dashboard(
            child("dashboard"),
            DashboardArgs.builder()
                .dashboardName("plinth-" + args.environment())
                .dashboardBody(dashboardBody(args))
                .build(),
            childOptions());
    registerOutputs(
        Map.of("alertTopicArn", topic.arn(), "dashboardName", dashboard.dashboardName()));
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

  private static Output<String> dashboardBody(Args args) {
    if (args.alb().isEmpty()) {
      return Output.of(Json.write(obj("widgets", List.of())));
    }
    AlbTargets alb = args.alb().get();
    return alb.loadBalancerArnSuffix()
        .applyValue(
            lb ->
                Json.write(
                    obj(
                        "widgets",
                        List.of(
                            widget(
                                0,
                                "ALB requests (rate)",
                                args.region(),
                                List.of(
                                    List.of(
                                        "AWS/ApplicationELB", "RequestCount", "LoadBalancer", lb)),
                                "Sum"),
                            widget(
                                8,
                                "ALB 5xx (errors)",
                                args.region(),
                                List.of(
                                    List.of(
                                        "AWS/ApplicationELB",
                                        "HTTPCode_Target_5XX_Count",
                                        "LoadBalancer",
                                        lb),
                                    List.of(
                                        "AWS/ApplicationELB",
                                        "HTTPCode_ELB_5XX_Count",
                                        "LoadBalancer",
                                        lb)),
                                "Sum"),
                            widget(
                                16,
                                "ALB target response time p95 (duration)",
                                args.region(),
                                List.of(
                                    List.of(
                                        "AWS/ApplicationELB",
                                        "TargetResponseTime",
                                        "LoadBalancer",
                                        lb)),
                                "p95")))));
  }

  private static Map<String, Object> widget(
      int x, String title, String region, List<List<String>> metrics, String stat) {
    return obj(
        "type",
        "metric",
        "x",
        x,
        "y",
        0,
        "width",
        8,
        "height",
        6,
        "properties",
        obj("title", title, "region", region, "stat", stat, "period", 60, "metrics", metrics));
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
