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
