package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Checks;
import dev.plinth.config.PlatformConfig;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The domain's record in a disaster-recovery pair without a CDN (seeds 002, 003: DNS failover): the
 * primary's is PRIMARY with a Route 53 health check of the application's readiness through its load
 * balancer, the standby's SECONDARY, and a stack in no pair keeps its simple record. Both stacks
 * are loaded alone (without the pair's check, which would read the real files, whose CDN is on);
 * the pair behind a CDN is {@link CdnFailoverTest}'s.
 */
class DnsFailoverTest {
  static final String RECORD = "aws:route53/record:Record";
  static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";

  /** prod with its standby, without a CDN. */
  static PlatformConfig primaryConfig() {
    return Checks.loadAlone(
        EdgeAlone.primaryRaw(Map.of("plinth:edge", EdgeAlone.noCdn("app.example.com"))), "prod");
  }

  static ResourceGraph primary() {
    return EdgeAlone.testLoadBalancer(primaryConfig());
  }

  /** prod's standby, a stack of its own (prod-dr) in another region, without a CDN. */
  static PlatformConfig standbyConfig() {
    return Checks.loadAlone(
        EdgeAlone.standbyRaw(Map.of("plinth:edge", EdgeAlone.noCdn("app.example.com"))), "prod-dr");
  }

  static ResourceGraph standby() {
    return EdgeAlone.loadBalancer(standbyConfig());
  }

  static RecordedResource only(ResourceGraph graph, String type) {
    List<RecordedResource> all = graph.ofType(type);
    assertThat(all).as("resources of type %s", type).hasSize(1);
    return all.get(0);
  }

  @Test
  void aPrimaryWithAStandbyHasAPrimaryFailoverRecordWithItsHealthCheck() {
    ResourceGraph graph = primary();
    RecordedResource record = graph.get(RECORD, "test-lb-dns");
    RecordedResource check = graph.get(HEALTH_CHECK, "test-lb-health-check");

    assertThat(record.text("failoverRoutingPolicies.0.type"))
        .as("failover role of %s", record)
        .isEqualTo("PRIMARY");
    assertThat(record.text("setIdentifier")).as("set identifier of %s", record).isEqualTo("prod");
    assertThat(record.text("healthCheckId")).as("health check of %s", record).isEqualTo(check.id());
    // Model ResourceRecordSet.Failover: "For failover alias resource record sets, you must also
    // include the EvaluateTargetHealth element and set the value to true."
    assertThat(record.input("aliases.0.evaluateTargetHealth").orElseThrow().asBoolean())
        .as("evaluateTargetHealth of %s", record)
        .isTrue();
  }

  @Test
  void theHealthCheckAsksForReadinessOverHttpsThroughTheLoadBalancerNotTheDomain() {
    ResourceGraph graph = primary();
    RecordedResource check = graph.get(HEALTH_CHECK, "test-lb-health-check");
    RecordedResource record = graph.get(RECORD, "test-lb-dns");

    assertThat(check.text("type")).as("type of %s", check).isEqualTo("HTTPS");
    assertThat(check.input("port").orElseThrow().asInt()).as("port of %s", check).isEqualTo(443);
    assertThat(check.text("resourcePath"))
        .as("path of %s (seed 004's readiness path)", check)
        .isEqualTo("/api/health/ready");
    assertThat(check.input("enableSni").orElseThrow().asBoolean()).as("SNI of %s", check).isTrue();
    // The model's FullyQualifiedDomainName: a check named like the records it is associated with
    // gives "unpredictable" results; it names the load balancer the primary record aliases.
    assertThat(check.text("fqdn"))
        .as("host name of %s", check)
        .isEqualTo(record.text("aliases.0.name"))
        .isNotEqualTo("app.example.com");
  }

  @Test
  void theHealthCheckTimingsAreRoute53sDefaultsAndWithinWhatTheApiAccepts() {
    RecordedResource check = primary().get(HEALTH_CHECK, "test-lb-health-check");
    int interval = check.input("requestInterval").orElseThrow().asInt();
    int threshold = check.input("failureThreshold").orElseThrow().asInt();

    // botocore route53 2013-04-01 HealthCheckConfig: RequestInterval min 10, max 30, default 30
    // (the provider accepts 10 or 30); FailureThreshold min 1, max 10, default 3.
    assertThat(interval).as("requestInterval of %s", check).isIn(10, 30).isEqualTo(30);
    assertThat(threshold).as("failureThreshold of %s", check).isBetween(1, 10).isEqualTo(3);
    assertThat(check.input("measureLatency").orElseThrow().asBoolean())
        .as("measureLatency of %s (replaces the check when changed)", check)
        .isFalse();
  }

  @Test
  void aStandbyHasASecondaryRecordWithoutAHealthCheck() {
    ResourceGraph graph = standby();
    RecordedResource record = only(graph, RECORD);

    assertThat(record.text("failoverRoutingPolicies.0.type"))
        .as("failover role of %s", record)
        .isEqualTo("SECONDARY");
    assertThat(record.text("setIdentifier"))
        .as("set identifier of %s", record)
        .isEqualTo("prod-dr");
    assertThat(record.input("healthCheckId")).as("health check of %s", record).isEmpty();
    assertThat(graph.ofType(HEALTH_CHECK)).as("health checks of a standby").isEmpty();
    assertThat(record.input("aliases.0.evaluateTargetHealth").orElseThrow().asBoolean())
        .as("evaluateTargetHealth of %s", record)
        .isTrue();
  }

  @Test
  void aStackInNoPairKeepsItsSimpleAliasRecord() {
    ResourceGraph graph =
        EdgeAlone.loadBalancer(
            "staging",
            Map.of(
                "plinth:edge",
                Map.of(
                    "domain",
                    "staging.app.example.com",
                    "hostedZoneId",
                    "Z00000000PLACEHOLDER",
                    "cdn",
                    Map.of("enabled", false))),
            true);
    RecordedResource record = graph.get(RECORD, "test-lb-dns");

    assertThat(record.input("setIdentifier")).as("set identifier of %s", record).isEmpty();
    assertThat(record.input("failoverRoutingPolicies"))
        .as("failover policy of %s", record)
        .isEmpty();
    assertThat(graph.ofType(HEALTH_CHECK)).as("health checks of a lone stack").isEmpty();
  }

  @Test
  void theRecordsRoleFollowsTheStacksDisasterRecoveryRole() {
    assertThat(DnsRouting.of("prod", false, true))
        .isEqualTo(new DnsRouting(DnsRouting.Role.PRIMARY, "prod"));
    assertThat(DnsRouting.of("prod-dr", true, false))
        .isEqualTo(new DnsRouting(DnsRouting.Role.SECONDARY, "prod-dr"));
    assertThat(DnsRouting.of("staging", false, false)).isEqualTo(DnsRouting.simple());
    assertThatThrownBy(() -> new DnsRouting(DnsRouting.Role.PRIMARY, null))
        .as("a failover record without a set identifier")
        .hasMessageContaining("needs a set identifier");
  }

  @Test
  void aStandbysCertificateCreatesNoValidationRecordAndWaitsForIssuance() {
    ResourceGraph graph =
        EdgeAlone.certificate(
            Certificate.Args.validatedByRecordsElsewhere("app.example.com", List.of()));
    RecordedResource validation =
        graph.get("aws:acm/certificateValidation:CertificateValidation", "test-cert-validation");

    assertThat(graph.ofType(RECORD))
        .as("validation records a standby would share with its primary")
        .isEmpty();
    assertThat(validation.input("validationRecordFqdns"))
        .as("records %s names", validation)
        .isEmpty();
    assertThat(validation.text("certificateArn"))
        .as("certificate of %s", validation)
        .startsWith("arn:aws:acm:");
  }

  @Test
  void theStandbyPlanOwnsNoRecordItsPrimaryOwns() {
    var primary = Plans.of(primaryConfig());
    var standby = Plans.of(standbyConfig());
    List<String> primaryKeys = recordKeys(primary);

    assertThat(recordKeys(standby))
        .as("records (zone, name, type, set identifier) of the standby that the primary has too")
        .doesNotContainAnyElementsOf(primaryKeys)
        .isNotEmpty();
  }

  private static List<String> recordKeys(ResourceGraph graph) {
    return graph.ofType(RECORD).stream()
        .map(
            r ->
                r.text("zoneId")
                    + "|"
                    + r.text("name").toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", "")
                    + "|"
                    + r.text("type")
                    + "|"
                    + r.input("setIdentifier").map(n -> n.asText()).orElse(""))
        .toList();
  }
}
