package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Checks;
import dev.plinth.config.PlatformConfig;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A disaster-recovery pair behind the CDN (prod and prod-dr as shipped): the primary's distribution
 * serves the domain and reaches the pair's origin record {@code origin.<domain>}, whose PRIMARY
 * half is the primary's load balancer with a health check on a CloudWatch alarm, and whose
 * SECONDARY half is the standby's load balancer, which requires the primary's origin secret.
 */
class CdnFailoverTest {
  static final String RECORD = "aws:route53/record:Record";
  static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
  static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
  static final String RULE = "aws:lb/listenerRule:ListenerRule";
  static final String PASSWORD = "random:index/randomPassword:RandomPassword";
  static final String ORIGIN = "origin.app.example.com";

  static ResourceGraph primary() {
    return EdgeAlone.loadBalancer(
        "prod", Map.of("plinth:dr", Map.of("standbyStack", "prod-dr")), true);
  }

  static PlatformConfig standbyConfig() {
    return Checks.load(EdgeAlone.standbyRaw(Map.of()), "prod-dr");
  }

  @Test
  void thePrimaryHoldsThePrimaryOriginRecordAndLeavesTheDomainToTheDistribution() {
    ResourceGraph graph = primary();
    RecordedResource record = graph.get(RECORD, "test-lb-origin-dns");
    RecordedResource check = graph.get(HEALTH_CHECK, "test-lb-health-check");

    assertThat(record.text("name")).as("name of %s", record).isEqualTo(ORIGIN);
    assertThat(record.text("failoverRoutingPolicies.0.type"))
        .as("failover role of %s", record)
        .isEqualTo("PRIMARY");
    assertThat(record.text("healthCheckId")).as("health check of %s", record).isEqualTo(check.id());
    assertThat(graph.ofType(RECORD))
        .as("records of the primary's load balancer: none for the domain itself")
        .extracting(r -> r.text("name"))
        .containsExactly(ORIGIN);
  }

  @Test
  void thePrimarysHealthCheckReadsAnAlarmOnHealthyTargetsAndFailsWithoutData() {
    ResourceGraph graph = primary();
    RecordedResource check = graph.get(HEALTH_CHECK, "test-lb-health-check");
    RecordedResource alarm = graph.get(ALARM, "test-lb-origin-health");

    // Route 53's checkers cannot reach a load balancer that admits only CloudFront and answers 403
    // without the origin header: the check reads an alarm (model HealthCheckConfig.Type).
    assertThat(check.text("type")).as("type of %s", check).isEqualTo("CLOUDWATCH_METRIC");
    assertThat(check.text("cloudwatchAlarmName"))
        .as("alarm of %s", check)
        .isEqualTo(alarm.text("name"));
    assertThat(check.text("cloudwatchAlarmRegion")).as("alarm region of %s", check).isNotBlank();
    assertThat(check.text("insufficientDataHealthStatus"))
        .as("status of %s when CloudWatch has no data (a region that stops answering)", check)
        .isEqualTo("Unhealthy");
    assertThat(alarm.text("metricName")).as("metric of %s", alarm).isEqualTo("HealthyHostCount");
    // AlarmIdentifier.Name: Route 53 supports Average, Minimum, Maximum, Sum, SampleCount.
    assertThat(alarm.text("statistic")).as("statistic of %s", alarm).isEqualTo("Minimum");
    assertThat(alarm.text("comparisonOperator")).isEqualTo("LessThanThreshold");
    assertThat(alarm.input("threshold").orElseThrow().asDouble()).isEqualTo(1.0);
    assertThat(alarm.text("treatMissingData"))
        .as("missing data of %s", alarm)
        .isEqualTo("breaching");
    // PutMetricAlarm.Period: 10, 20 and 30 make a high-resolution alarm, which Route 53 refuses;
    // otherwise a multiple of 60.
    assertThat(alarm.input("period").orElseThrow().asInt() % 60)
        .as("period of %s, a standard-resolution alarm", alarm)
        .isZero();
    assertThat(alarm.input("dimensions.LoadBalancer")).as("dimensions of %s", alarm).isPresent();
    assertThat(alarm.input("dimensions.TargetGroup")).as("dimensions of %s", alarm).isPresent();
  }

  @Test
  void theStandbyHoldsTheSecondaryHalfAndRequiresThePrimarysSecretWithoutMakingOne() {
    ResourceGraph graph = EdgeAlone.testLoadBalancer(standbyConfig());
    RecordedResource record = graph.get(RECORD, "test-lb-origin-dns");
    RecordedResource rule = graph.get(RULE, "test-lb-https-from-cdn");

    assertThat(record.text("name")).as("name of %s", record).isEqualTo(ORIGIN);
    assertThat(record.text("failoverRoutingPolicies.0.type"))
        .as("failover role of %s", record)
        .isEqualTo("SECONDARY");
    assertThat(graph.ofType(HEALTH_CHECK)).as("health checks of the standby").isEmpty();
    assertThat(graph.ofType(PASSWORD))
        .as("origin secrets the standby makes (it takes its primary's)")
        .isEmpty();
    // The value handed in (the primary's, a secret output of its stack) stays masked in the plan.
    assertThat(rule.input("conditions.0.httpHeader.values").orElseThrow().toString())
        .as("header values %s requires", rule)
        .contains(dev.plinth.config.Secret.MASK)
        .doesNotContain(EdgeAlone.PRIMARY_SECRET);
  }

  @Test
  void theStatusWithoutDataIsASettingAndAnUnknownOneIsRefused() {
    ResourceGraph graph =
        EdgeAlone.loadBalancer(
            "prod",
            Map.of(
                "plinth:dr",
                Map.of("standbyStack", "prod-dr"),
                "plinth:edge",
                Map.of(
                    "domain",
                    "app.example.com",
                    "hostedZoneId",
                    "Z00000000PLACEHOLDER",
                    "cdn",
                    Map.of("originHealthWithoutData", "LastKnownStatus"))),
            true);
    RecordedResource check = graph.get(HEALTH_CHECK, "test-lb-health-check");

    assertThat(check.text("insufficientDataHealthStatus"))
        .as("status of %s without data", check)
        .isEqualTo("LastKnownStatus");
    assertThat(
            dev.plinth.testing.Plans.refusal(
                "prod",
                Map.of(
                    "plinth:edge",
                    Map.of(
                        "domain",
                        "app.example.com",
                        "hostedZoneId",
                        "Z00000000PLACEHOLDER",
                        "cdn",
                        Map.of("originHealthWithoutData", "Sometimes")))))
        .singleElement()
        .asString()
        .startsWith("plinth:edge.cdn.originHealthWithoutData")
        .contains("Healthy", "Unhealthy", "LastKnownStatus");
  }
}
