package dev.plinth.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.NetworkSettings;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network built alone, from an environment's settings and hand-made logs and account. */
class NetworkAloneTest {
  static final String SUBNET = "aws:ec2/subnet:Subnet";

  static ResourceGraph network(NetworkSettings settings) {
    return Handles.build(
        ctx ->
            new Network(
                "test-network",
                new Network.Args(settings, "test", Handles.logs(), Handles.aws()),
                ComponentResourceOptions.builder().build()));
  }

  static ResourceGraph network(String env, Map<String, ?> values) {
    return network(Plans.config(env, values).network());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachTierHasOneSubnetPerZoneWithTheTiersCidrsInOrder(String env) {
    NetworkSettings settings = Plans.config(env).network();
    ResourceGraph graph = network(settings);
    var block = Cidrs.parse(settings.vpcCidr()).orElseThrow();
    Map<String, List<String>> cidrs =
        Map.of(
            "public", Cidrs.tier(block, settings.publicSubnets(), settings.azCount()),
            "private", Cidrs.tier(block, settings.privateSubnets(), settings.azCount()),
            "database", Cidrs.tier(block, settings.databaseSubnets(), settings.azCount()));

    for (var tier : cidrs.entrySet()) {
      for (int i = 0; i < settings.azCount(); i++) {
        RecordedResource subnet =
            graph.get(SUBNET, "test-network-" + tier.getKey() + "-" + Network.zoneLetter(i));
        assertThat(subnet.text("cidrBlock"))
            .as("CIDR of %s", subnet)
            .isEqualTo(tier.getValue().get(i));
        assertThat(subnet.text("tags.plinth:tier"))
            .as("tier of %s", subnet)
            .isEqualTo(tier.getKey());
        assertThat(subnet.input("mapPublicIpOnLaunch").orElseThrow().asBoolean())
            .as("public IPs on launch in %s", subnet)
            .isEqualTo(tier.getKey().equals("public"));
      }
    }
    assertThat(graph.ofType(SUBNET)).as("subnets of %s", env).hasSize(3 * settings.azCount());
  }

  @Test
  void theDatabaseAndCacheSubnetGroupsHoldExactlyTheDatabaseTiersSubnets() {
    ResourceGraph graph = network("prod", Map.of());
    List<String> databaseSubnets =
        graph.ofType(SUBNET).stream()
            .filter(s -> s.text("tags.plinth:tier").equals("database"))
            .map(RecordedResource::id)
            .toList();

    for (RecordedResource group :
        List.of(
            graph.get("aws:rds/subnetGroup:SubnetGroup", "test-network-db-subnets"),
            graph.get("aws:elasticache/subnetGroup:SubnetGroup", "test-network-cache-subnets"))) {
      List<String> ids = new java.util.ArrayList<>();
      group.input("subnetIds").orElseThrow().forEach(id -> ids.add(id.asText()));
      assertThat(ids).as("subnets of %s", group).containsExactlyElementsOf(databaseSubnets);
    }
  }

  @Test
  void flowLogsExistExactlyWhenOnAndGoToAGroupUnderTheGivenLogsKey() {
    ResourceGraph on = network("dev", Map.of("plinth:network", Map.of("flowLogs", true)));
    ResourceGraph off = network("dev", Map.of("plinth:network", Map.of("flowLogs", false)));

    RecordedResource group = on.get("aws:cloudwatch/logGroup:LogGroup", "test-network-flow-logs");
    assertThat(group.text("kmsKeyId")).as("key of %s", group).isEqualTo(Handles.keyArn("logs"));
    assertThat(group.text("name")).as("name of %s", group).isEqualTo("/plinth/test/vpc-flow-logs");
    RecordedResource flowLog = on.get("aws:ec2/flowLog:FlowLog", "test-network-flow-log");
    assertThat(flowLog.text("trafficType")).as("traffic of %s", flowLog).isEqualTo("ALL");
    assertThat(off.ofType("aws:ec2/flowLog:FlowLog")).as("flow logs when off").isEmpty();
    assertThat(off.ofType("aws:cloudwatch/logGroup:LogGroup")).as("log groups when off").isEmpty();
  }

  @Test
  void theS3EndpointIsTheRegionsAndServesEveryPrivateAndTheDatabaseRouteTable() {
    ResourceGraph graph = network("prod", Map.of());
    RecordedResource endpoint =
        graph.get("aws:ec2/vpcEndpoint:VpcEndpoint", "test-network-s3-endpoint");
    List<String> served = new java.util.ArrayList<>();
    endpoint.input("routeTableIds").orElseThrow().forEach(id -> served.add(id.asText()));
    List<String> expected =
        graph.ofType("aws:ec2/routeTable:RouteTable").stream()
            .filter(t -> !t.name().equals("test-network-public-rt"))
            .map(RecordedResource::id)
            .toList();

    assertThat(endpoint.text("serviceName"))
        .as("service of %s", endpoint)
        .isEqualTo("com.amazonaws." + Handles.REGION + ".s3");
    assertThat(served)
        .as("route tables of %s", endpoint)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).as("private and database route tables").hasSizeGreaterThan(1);
  }

  @Test
  void everyChildIsParentedToTheNetworkAndNamedAfterIt() {
    ResourceGraph graph = network("prod", Map.of("plinth:network", Map.of("flowLogs", true)));
    RecordedResource component = graph.get(Network.TYPE, "test-network");

    for (RecordedResource r : graph.where(r -> r.custom() && !r.type().startsWith("pulumi:"))) {
      assertThat(r.parent()).as("parent of %s", r).isEqualTo(component.urn());
      assertThat(r.name()).as("name of %s", r).startsWith("test-network-");
    }
  }
}
