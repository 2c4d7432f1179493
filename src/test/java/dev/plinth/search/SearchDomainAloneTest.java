package dev.plinth.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search domain built alone, from hand-made placement, application tier and logs. */
class SearchDomainAloneTest {
  static final String DOMAIN = "aws:opensearch/domain:Domain";

  /** The audit retention the test hands the domain (prod's is 365, seed 004). */
  static final int AUDIT_DAYS = 365;

  static ResourceGraph build(Environment env, int zones) {
    var s = SearchValidationTest.ON;
    var settings =
        new dev.plinth.config.SearchSettings(
            true,
            s.engineVersion(),
            s.instanceType(),
            zones,
            zones,
            s.dedicatedMasterType(),
            3,
            s.volumeGb());
    return Handles.build(
        ctx ->
            new SearchDomain(
                "test-search",
                new SearchDomain.Args(
                    settings,
                    env,
                    Handles.aws(),
                    Handles.placement("private"),
                    Handles.appTier(),
                    Handles.logs(),
                    AUDIT_DAYS),
                ComponentResourceOptions.builder().build()));
  }

  @Test
  void theDomainSitsInThePrivateSubnetsOnePerZoneBehindAGroupAdmittingOnlyTheAppOn443() {
    ResourceGraph graph = build(Environment.PROD, 2);
    RecordedResource domain = graph.get(DOMAIN, "test-search-domain");
    RecordedResource sg = graph.get("aws:ec2/securityGroup:SecurityGroup", "test-search-sg");

    assertThat(domain.input("vpcOptions.subnetIds").orElseThrow())
        .as("subnets of %s", domain)
        .extracting(JsonNode::asText)
        .containsExactly("subnet-private-a", "subnet-private-b");
    assertThat(domain.text("vpcOptions.securityGroupIds.0"))
        .as("group of %s", domain)
        .isEqualTo(sg.id());
    List<RecordedResource> ingress =
        graph.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    assertThat(ingress).as("ingress rules of %s", sg).hasSize(1);
    RecordedResource rule = ingress.get(0);
    assertThat(rule.text("referencedSecurityGroupId")).isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(rule.input("fromPort").orElseThrow().asInt()).isEqualTo(443);
    assertThat(rule.input("toPort").orElseThrow().asInt()).isEqualTo(443);
    assertThat(rule.input("cidrIpv4")).as("no CIDR source on %s", rule).isEmpty();
  }

  @Test
  void dataIsEncryptedWithTheDomainsOwnKeyWhichOnlyOpenSearchMayUse() {
    ResourceGraph graph = build(Environment.STAGING, 3);
    RecordedResource domain = graph.get(DOMAIN, "test-search-domain");
    RecordedResource key = graph.get("aws:kms/key:Key", "test-search-key");

    assertThat(domain.text("encryptAtRest.kmsKeyId"))
        .as("key of %s", domain)
        .isEqualTo("arn:aws:kms:us-east-1:" + Handles.ACCOUNT + ":key/" + key.id());
    assertThat(domain.input("nodeToNodeEncryption.enabled").orElseThrow().asBoolean()).isTrue();
    assertThat(key.text("policy"))
        .as("policy of %s", key)
        .contains("\"kms:ViaService\":\"es.us-east-1.amazonaws.com\"");
    assertThat(domain.text("domainEndpointOptions.tlsSecurityPolicy"))
        .isEqualTo("Policy-Min-TLS-1-2-PFS-2023-10");
    assertThat(domain.input("domainEndpointOptions.enforceHttps").orElseThrow().asBoolean())
        .isTrue();
  }

  @Test
  void theMasterUserIsAnIamRoleSoNoPasswordExists() {
    ResourceGraph graph = build(Environment.PROD, 3);
    RecordedResource domain = graph.get(DOMAIN, "test-search-domain");
    RecordedResource admin = graph.get("aws:iam/role:Role", "test-search-admin");

    assertThat(domain.input("advancedSecurityOptions.enabled").orElseThrow().asBoolean()).isTrue();
    assertThat(
            domain
                .input("advancedSecurityOptions.internalUserDatabaseEnabled")
                .orElseThrow()
                .asBoolean())
        .isFalse();
    assertThat(domain.text("advancedSecurityOptions.masterUserOptions.masterUserArn"))
        .as("master user of %s", domain)
        .startsWith("arn:aws:iam::" + Handles.ACCOUNT + ":role/" + admin.name());
    assertThat(domain.input("advancedSecurityOptions.masterUserOptions.masterUserPassword"))
        .as("no password on %s", domain)
        .isEmpty();
    assertThat(domain.protect()).as("%s protected in prod", domain).isTrue();
  }

  @Test
  void everyLogTypeGoesToItsOwnGroupUnderTheLogsKeyWhichOnlyThisDomainMayWrite() {
    ResourceGraph graph = build(Environment.DEV, 3);
    RecordedResource domain = graph.get(DOMAIN, "test-search-domain");
    List<JsonNode> options =
        List.copyOf(asList(domain.input("logPublishingOptions").orElseThrow()));

    assertThat(options)
        .extracting(o -> o.path("logType").asText())
        .containsExactlyInAnyOrderElementsOf(SearchDomain.LOG_TYPES);
    for (JsonNode option : options) {
      String arn = option.path("cloudwatchLogGroupArn").asText();
      RecordedResource group =
          graph.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
              .filter(g -> arn.endsWith(":log-group:" + g.text("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no log group with ARN " + arn));
      assertThat(group.text("kmsKeyId")).as("key of %s", group).isEqualTo(Handles.keyArn("logs"));
      assertThat(group.input("retentionInDays").orElseThrow().asInt())
          .as("retention of %s (audit logs: a year, PL-18)", group)
          .isEqualTo(
              option.path("logType").asText().equals("AUDIT_LOGS")
                  ? AUDIT_DAYS
                  : Handles.logs().retentionDays());
    }
    RecordedResource policy =
        graph.get("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "test-search-logs-policy");
    assertThat(policy.text("policyDocument"))
        .contains("\"Service\":\"es.amazonaws.com\"")
        .contains("domain/plinth-test-search") // the stack's name
        .contains("\"aws:SourceAccount\":\"" + Handles.ACCOUNT + "\"");
    assertThat(domain.dependencies())
        .as("%s waits for the log policy", domain)
        .contains(policy.urn());
  }

  private static List<JsonNode> asList(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
