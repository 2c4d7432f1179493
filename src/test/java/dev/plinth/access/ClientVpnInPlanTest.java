package dev.plinth.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Checks;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.cost.CostEstimator;
import dev.plinth.cost.CostLine;
import dev.plinth.cost.CostReport;
import dev.plinth.diagram.Diagram;
import dev.plinth.diagram.DiagramWriter;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Finding;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyReport;
import dev.plinth.policy.Types;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Plans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * prod's stack file with {@code plinth:access.clientVpn.enabled}: the endpoint plans, passes the
 * pack, is priced and drawn, and reaches nothing but PostgreSQL and Redis; the shipped stacks (off)
 * have none of it.
 */
class ClientVpnInPlanTest {
  static final String SERVER =
      "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000011";
  static final String ROOT =
      "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000012";

  /** The VPN's settings: on, with a server certificate and mutual TLS. */
  static final Map<String, Object> VPN =
      Map.of("enabled", true, "serverCertificateArn", SERVER, "clientRootCertificateArn", ROOT);

  /** prod's stack file (Pulumi.prod.yaml) as it is, with the Client VPN turned on. */
  static final PlatformConfig PROD_WITH_VPN = prodStackFileWith(VPN);

  static PlatformConfig prodStackFileWith(Map<String, Object> vpn) {
    try {
      RawConfig file = RawConfig.fromStackFile(Path.of("Pulumi.prod.yaml"));
      Map<String, JsonNode> values = new LinkedHashMap<>(file.values());
      ObjectNode access =
          values.get("plinth:access") instanceof ObjectNode written
              ? written.deepCopy()
              : Json.MAPPER.createObjectNode();
      access.set("clientVpn", Json.MAPPER.valueToTree(vpn));
      values.put("plinth:access", access);
      return Checks.load(new RawConfig(values, file.fileProblems()), "prod");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResourceGraph plan;

  static synchronized ResourceGraph plan() {
    if (plan == null) {
      plan = Plans.of(PROD_WITH_VPN);
    }
    return plan;
  }

  private static RecordedResource endpoint() {
    return plan().get(Types.CLIENT_VPN, "prod-vpn-endpoint");
  }

  @Test
  void theEndpointPassesEveryRuleOfThePackInProd() {
    PolicyReport report = Policy.evaluate(plan(), Environment.PROD);
    PolicyReport enforced =
        dev.plinth.review.Review.of(plan(), PROD_WITH_VPN, dev.plinth.policy.PolicyMode.ENFORCE)
            .policy();

    assertThat(enforced.mandatoryFailures())
        .as("mandatory failures of prod with the Client VPN")
        .extracting(f -> f.ruleId() + " " + f.messages())
        .isEmpty();

    List<Finding> vpn =
        report.findings().stream()
            .filter(f -> f.resourceName() != null && f.resourceName().startsWith("prod-vpn-"))
            .toList();
    assertThat(vpn)
        .extracting(Finding::ruleId)
        .as("rules judging the Client VPN's resources")
        .contains("PL-48", "PL-49", "PL-50", "PL-51");
    assertThat(vpn)
        .allSatisfy(
            f ->
                assertThat(f.verdict())
                    .as("%s on %s: %s", f.ruleId(), f.resourceName(), f.messages())
                    .isIn(Verdict.PASS, Verdict.EXCEPTED, Verdict.NOT_APPLICABLE));
  }

  @Test
  void theEndpointSplitTunnelsLogsEveryConnectionEncryptedAndKeepsThePortalOff() {
    RecordedResource endpoint = endpoint();
    RecordedResource logs = plan().get(Types.LOG_GROUP, "prod-vpn-connections");

    assertThat(endpoint.input("splitTunnel").get().asBoolean()).as("split tunnel").isTrue();
    assertThat(endpoint.text("selfServicePortal")).isEqualTo("disabled");
    assertThat(endpoint.input("sessionTimeoutHours").get().asInt()).isEqualTo(8);
    assertThat(endpoint.text("clientCidrBlock")).isEqualTo("172.16.0.0/22");
    assertThat(endpoint.text("serverCertificateArn")).isEqualTo(SERVER);
    assertThat(endpoint.text("authenticationOptions.0.type"))
        .isEqualTo("certificate-authentication");
    assertThat(endpoint.text("authenticationOptions.0.rootCertificateChainArn")).isEqualTo(ROOT);
    assertThat(endpoint.input("connectionLogOptions.enabled").get().asBoolean()).isTrue();
    assertThat(endpoint.text("connectionLogOptions.cloudwatchLogGroup"))
        .isEqualTo(logs.text("name"))
        .isEqualTo("/plinth/prod/client-vpn");
    assertThat(logs.text("kmsKeyId")).as("connection logs' key").startsWith("arn:aws:kms:");
    assertThat(logs.input("retentionInDays").get().asInt())
        .as("kept as long as the session logs")
        .isEqualTo(PROD_WITH_VPN.observability().auditRetentionDays());
  }

  @Test
  void clientsAreAuthorizedForTheDatabaseSubnetsOnlyThroughOnePrivateSubnet() {
    List<String> targets =
        plan().ofType(Types.CLIENT_VPN_AUTHORIZATION).stream()
            .map(r -> r.text("targetNetworkCidr"))
            .toList();
    List<RecordedResource> associations = plan().ofType(Types.CLIENT_VPN_ASSOCIATION);

    assertThat(targets).containsExactly("10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24");
    assertThat(associations).hasSize(1);
    RecordedResource subnet = plan().get(Types.SUBNET, "prod-network-private-a");
    assertThat(associations.get(0).text("subnetId"))
        .as("the association's subnet")
        .isEqualTo(subnet.id());
  }

  @Test
  void theEndpointsGroupAdmitsNothingAndReachesOnlyTheStoresOnTheirPorts() {
    ResourceGraph graph = plan();
    RecordedResource sg = graph.get(Types.SG, "prod-vpn-sg");
    String db = graph.get(Types.SG, "prod-db-sg").id();
    String cache = graph.get(Types.SG, "prod-cache-sg").id();

    assertThat(endpoint().input("securityGroupIds").get().get(0).asText()).isEqualTo(sg.id());
    assertThat(sg.input("ingress")).as("inline ingress of %s", sg.name()).isEmpty();
    assertThat(sg.input("egress")).as("inline egress of %s", sg.name()).isEmpty();
    assertThat(graph.ofType(Types.SG_INGRESS))
        .filteredOn(r -> r.text("securityGroupId").equals(sg.id()))
        .as("ingress rules into %s", sg.name())
        .isEmpty();
    Set<String> egress =
        graph.ofType(Types.SG_EGRESS).stream()
            .filter(r -> r.text("securityGroupId").equals(sg.id()))
            .map(
                r ->
                    r.text("ipProtocol")
                        + " "
                        + r.input("fromPort").get().asInt()
                        + "-"
                        + r.input("toPort").get().asInt()
                        + " to "
                        + r.input("referencedSecurityGroupId")
                            .map(n -> n.asText())
                            .orElse("a range"))
            .collect(Collectors.toSet());
    assertThat(egress)
        .as("egress of %s", sg.name())
        .containsExactlyInAnyOrder("tcp 5432-5432 to " + db, "tcp 6379-6379 to " + cache);
    Set<String> admitted =
        graph.ofType(Types.SG_INGRESS).stream()
            .filter(
                r ->
                    sg.id()
                        .equals(
                            r.input("referencedSecurityGroupId").map(n -> n.asText()).orElse("")))
            .map(r -> r.text("securityGroupId") + ":" + r.input("fromPort").get().asInt())
            .collect(Collectors.toSet());
    assertThat(admitted)
        .as("the stores admit the VPN's group on their port")
        .containsExactlyInAnyOrder(db + ":5432", cache + ":6379");
  }

  @Test
  void theEstimatePricesOneAssociationAndTheAssumedConnectionHours() {
    CostReport report = CostEstimator.estimate(plan(), PROD_WITH_VPN.cost(), "us-east-1");
    List<CostLine> lines =
        report.lines().stream().filter(l -> l.component().equals("prod-vpn")).toList();

    assertThat(lines)
        .extracting(CostLine::item)
        .containsExactly(
            "Client VPN connections (assumption) prod-vpn-endpoint",
            "Client VPN endpoint association prod-vpn-association-0");
    assertThat(lines.get(0).monthlyUsd())
        .as("40 connection-hours at $0.05")
        .isCloseTo(
            PROD_WITH_VPN.cost().clientVpnConnectionHoursPerMonth() * 0.05, Offset.offset(0.001));
    assertThat(lines.get(1).monthlyUsd())
        .as("one subnet associated 730 hours at $0.10")
        .isCloseTo(730 * 0.10, Offset.offset(0.001));
    assertThat(report.toJson().get("assumptions").has("clientVpnConnectionHoursPerMonth")).isTrue();
  }

  @Test
  void theDiagramDrawsTheEndpointReachingTheStores() {
    String dot = DiagramWriter.dot(Diagram.of(plan()));
    assertThat(dot).contains("Client VPN\\nprod-vpn-endpoint\\nsplit tunnel, 1 subnet(s)");
    assertThat(dot).contains("operators' VPN clients");
  }

  @Test
  void theStackExportsTheEndpointForTheRunbook() {
    var outputs = plan().outputs();
    assertThat(outputs.get("clientVpnEndpointId").asText()).startsWith("cvpn-endpoint-");
    assertThat(outputs.get("clientVpnDnsName").asText())
        .startsWith("*.cvpn-endpoint-")
        .endsWith(".prod.clientvpn.us-east-1.amazonaws.com");
  }

  @Test
  void theShippedStacksBuildNoClientVpnAndPriceNone() {
    for (String stack : List.of("dev", "staging", "prod")) {
      ResourceGraph graph = Plans.ofStack(stack);
      assertThat(graph.ofType(Types.CLIENT_VPN)).as("endpoints of %s", stack).isEmpty();
      assertThat(graph.outputs().has("clientVpnEndpointId")).as("outputs of %s", stack).isFalse();
      CostReport report =
          CostEstimator.estimate(
              graph, Plans.stackFile(stack).cost(), Plans.stackFile(stack).region());
      assertThat(report.lines())
          .extracting(CostLine::item)
          .as("cost lines of %s", stack)
          .noneMatch(i -> i.startsWith("Client VPN"));
      assertThat(report.toJson().get("assumptions").has("clientVpnConnectionHoursPerMonth"))
          .as("assumptions of %s", stack)
          .isFalse();
    }
  }
}
