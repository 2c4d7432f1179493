package dev.plinth.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network's rules, on the network built alone as each stack file configures it; the zones and
 * NAT gateways per stack and the parenting of every EC2 resource stay whole-stack checks.
 */
class NetworkTest {
  static final String SUBNET = "aws:ec2/subnet:Subnet";
  static final String NAT = "aws:ec2/natGateway:NatGateway";
  static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
  static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
  static final String NACL = "aws:ec2/networkAcl:NetworkAcl";

  /**
   * The network alone, as the stack file {@code env} configures it and named as there ({@code
   * <env>-network}), from hand-made log storage and account: what the network's own rules need,
   * without the rest of the stack.
   */
  static ResourceGraph alone(String env) {
    return Handles.build(
        ctx ->
            new Network(
                env + "-network",
                new Network.Args(
                    Plans.stackFile(env).network(), env, Handles.logs(), Handles.aws()),
                ComponentResourceOptions.builder().build()));
  }

  @ParameterizedTest(name = "{0}: {1} zones, {2} NAT gateways")
  @CsvSource({"dev, 2, 1", "staging, 3, 1", "prod, 3, 3"})
  void eachEnvironmentHasItsZonesAndNatGateways(String env, int zones, int nats) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.ofType(SUBNET)).as("subnets of %s", env).hasSize(3 * zones);
    assertThat(plan.ofType(NAT)).as("NAT gateways of %s", env).hasSize(nats);
    for (String tier : List.of("public", "private", "database")) {
      List<String> zoneNames =
          plan
              .where(r -> r.type().equals(SUBNET) && r.text("tags.plinth:tier").equals(tier))
              .stream()
              .map(r -> r.text("availabilityZoneId"))
              .toList();
      assertThat(zoneNames)
          .as("%s subnets of %s spread over distinct zones", tier, env)
          .hasSize(zones)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void theDefaultLayoutIsSeed003sCidrPlan() {
    ResourceGraph plan = alone("prod");

    assertThat(cidr(plan, "prod-network-public-a")).isEqualTo("10.0.1.0/24");
    assertThat(cidr(plan, "prod-network-public-c")).isEqualTo("10.0.3.0/24");
    assertThat(cidr(plan, "prod-network-private-b")).isEqualTo("10.0.12.0/24");
    assertThat(cidr(plan, "prod-network-database-c")).isEqualTo("10.0.23.0/24");
    assertThat(plan.get("aws:ec2/vpc:Vpc", "prod-network-vpc").text("cidrBlock"))
        .isEqualTo("10.0.0.0/16");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void databaseSubnetsHaveNoRouteToTheInternet(String env) {
    ResourceGraph plan = alone(env);
    RecordedResource table = plan.get(ROUTE_TABLE, env + "-network-database-rt");

    assertThat(table.input("routes").map(JsonNode::size).orElse(0))
        .as("routes of %s", table)
        .isZero();
    for (RecordedResource subnet : tier(plan, "database")) {
      assertThat(subnet.input("mapPublicIpOnLaunch").map(JsonNode::asBoolean).orElse(false))
          .as("%s maps public IPs", subnet)
          .isFalse();
      RecordedResource association = associationOf(plan, subnet);
      assertThat(association.text("routeTableId"))
          .as("%s uses the database route table", subnet)
          .isEqualTo(routeTableId(plan, table));
    }
  }

  @Test
  void inProdEachZoneLeavesThroughItsOwnNatGateway() {
    ResourceGraph plan = alone("prod");
    List<String> natsUsed = new ArrayList<>();
    for (RecordedResource subnet : tier(plan, "private")) {
      String tableId = associationOf(plan, subnet).text("routeTableId");
      RecordedResource table =
          plan.ofType(ROUTE_TABLE).stream()
              .filter(t -> routeTableId(plan, t).equals(tableId))
              .findFirst()
              .orElseThrow();
      natsUsed.add(table.text("routes.0.natGatewayId"));
      assertThat(table.text("routes.0.cidrBlock")).isEqualTo("0.0.0.0/0");
    }
    assertThat(natsUsed)
        .as("NAT gateway of each private subnet")
        .hasSize(3)
        .doesNotHaveDuplicates();
  }

  @Test
  void publicSubnetsRouteToTheInternetGateway() {
    ResourceGraph plan = alone("dev");
    RecordedResource table = plan.get(ROUTE_TABLE, "dev-network-public-rt");

    assertThat(table.text("routes.0.cidrBlock")).isEqualTo("0.0.0.0/0");
    assertThat(table.text("routes.0.gatewayId")).startsWith("igw-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyPublicSubnetIsAssociatedWithThePublicRouteTable(String env) {
    ResourceGraph plan = alone(env);
    RecordedResource table = plan.get(ROUTE_TABLE, env + "-network-public-rt");

    assertThat(tier(plan, "public")).isNotEmpty();
    for (RecordedResource subnet : tier(plan, "public")) {
      assertThat(associationOf(plan, subnet).text("routeTableId"))
          .as("%s uses the public route table", subnet)
          .isEqualTo(routeTableId(plan, table));
    }
  }

  /**
   * Rule numbers of the database NACL in prod: the three database blocks from 100, then per private
   * block its two data ports and the return traffic, stepping by 10. EC2 evaluates entries in
   * ascending rule number and accepts 1 to 32766 (ec2 2016-11-15 CreateNetworkAclEntry,
   * RuleNumber).
   */
  @Test
  void theDatabaseNaclNumbersItsRulesUpwardFrom100InStepsOf10() {
    RecordedResource nacl = alone("prod").get(NACL, "prod-network-database-nacl");

    assertThat(ruleNumbers(nacl, "ingress"))
        .as("ingress rule numbers of %s", nacl)
        .containsExactly(100, 110, 120, 130, 140, 160, 170, 190, 200);
    assertThat(ruleNumbers(nacl, "egress"))
        .as("egress rule numbers of %s", nacl)
        .containsExactly(100, 110, 120, 150, 180, 210);
  }

  @ParameterizedTest
  @ValueSource(strings = {"public", "private"})
  void theOtherNaclsNumberTheirRulesWithinWhatEc2Accepts(String tier) {
    RecordedResource nacl = alone("prod").get(NACL, "prod-network-" + tier + "-nacl");

    for (String direction : List.of("ingress", "egress")) {
      assertThat(ruleNumbers(nacl, direction))
          .as("%s rule numbers of %s", direction, nacl)
          .isNotEmpty()
          .doesNotHaveDuplicates()
          .isSorted()
          .allSatisfy(n -> assertThat(n).isBetween(100, 32766));
    }
  }

  /**
   * The flow-log role: only the VPC Flow Logs service of this account may assume it (IAM user
   * guide, "Confused deputy prevention", aws:SourceAccount), and it may write to its own log group
   * only (VPC user guide, "IAM role for publishing flow logs to CloudWatch Logs").
   */
  @Test
  void theFlowLogRoleTrustsFlowLogsOfThisAccountAndWritesOnlyToItsLogGroup() throws Exception {
    ResourceGraph plan = alone("prod");
    RecordedResource role = plan.get("aws:iam/role:Role", "prod-network-flow-logs-role");
    RecordedResource policy =
        plan.get("aws:iam/rolePolicy:RolePolicy", "prod-network-flow-logs-policy");
    RecordedResource flowLog = plan.get("aws:ec2/flowLog:FlowLog", "prod-network-flow-log");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();

    JsonNode trust = json.readTree(role.text("assumeRolePolicy")).at("/Statement/0");
    assertThat(trust.path("Effect").asText()).isEqualTo("Allow");
    assertThat(trust.at("/Principal/Service").asText()).isEqualTo("vpc-flow-logs.amazonaws.com");
    assertThat(trust.path("Action").asText()).isEqualTo("sts:AssumeRole");
    assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount").asText())
        .as("source account in the trust policy of %s", role)
        .matches("\\d{12}");

    JsonNode allow = json.readTree(policy.text("policy")).at("/Statement/0");
    String arn = flowLog.text("logDestination");
    assertThat(allow.path("Effect").asText()).isEqualTo("Allow");
    assertThat(allow.path("Action"))
        .extracting(JsonNode::asText)
        .containsExactly("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams");
    assertThat(allow.path("Resource"))
        .extracting(JsonNode::asText)
        .as("resources of %s", policy)
        .containsExactly(arn, arn + ":*");
    assertThat(arn).endsWith(":log-group:/plinth/test/vpc-flow-logs");
    assertThat(flowLog.text("iamRoleArn")).as("role of %s", flowLog).contains(":role/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theDatabaseNaclAdmitsOnlyPostgresAndRedisFromPrivateSubnetsAndItsOwnTier(String env) {
    ResourceGraph plan = alone(env);
    RecordedResource nacl = plan.get(NACL, env + "-network-database-nacl");
    List<String> privateCidrs =
        tier(plan, "private").stream().map(s -> s.text("cidrBlock")).toList();
    List<String> databaseCidrs =
        tier(plan, "database").stream().map(s -> s.text("cidrBlock")).toList();

    for (JsonNode rule : nacl.input("ingress").orElseThrow()) {
      String source = rule.get("cidrBlock").asText();
      assertThat(source).as("source of %s rule %s", nacl, rule).isNotEqualTo("0.0.0.0/0");
      if (privateCidrs.contains(source)) {
        assertThat(rule.get("protocol").asText()).isEqualTo("tcp");
        assertThat(rule.get("fromPort").asInt())
            .as("%s rule %s", nacl, rule)
            .isIn(5432, 6379)
            .isEqualTo(rule.get("toPort").asInt());
      } else {
        assertThat(databaseCidrs).as("%s rule %s source", nacl, rule).contains(source);
      }
    }
    for (JsonNode rule : nacl.input("egress").orElseThrow()) {
      assertThat(rule.get("cidrBlock").asText())
          .as("destination of %s rule %s", nacl, rule)
          .isIn(concat(privateCidrs, databaseCidrs));
    }
  }

  @Test
  void everyNaclIsAttachedToItsTiersSubnets() {
    ResourceGraph plan = alone("staging");
    for (String tier : List.of("public", "private", "database")) {
      RecordedResource nacl = plan.get(NACL, "staging-network-" + tier + "-nacl");
      List<String> attached =
          StreamSupport.stream(nacl.input("subnetIds").orElseThrow().spliterator(), false)
              .map(JsonNode::asText)
              .toList();
      assertThat(attached)
          .as("subnets of %s", nacl)
          .containsExactlyInAnyOrderElementsOf(
              tier(plan, tier).stream().map(s -> id(plan, s)).toList());
    }
  }

  @Test
  void theDefaultSecurityGroupKeepsNoRules() {
    RecordedResource sg =
        alone("prod")
            .get("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "prod-network-default-sg");

    assertThat(sg.input("ingress").map(JsonNode::size).orElse(0)).as("ingress of %s", sg).isZero();
    assertThat(sg.input("egress").map(JsonNode::size).orElse(0)).as("egress of %s", sg).isZero();
  }

  @ParameterizedTest
  @CsvSource({"dev, 7", "staging, 7", "prod, 365"})
  void flowLogsGoToAnEncryptedLogGroupWithRetention(String env, int days) {
    ResourceGraph plan = alone(env);
    RecordedResource group =
        plan.get("aws:cloudwatch/logGroup:LogGroup", env + "-network-flow-logs");
    RecordedResource flowLog = plan.get("aws:ec2/flowLog:FlowLog", env + "-network-flow-log");

    assertThat(group.input("retentionInDays").orElseThrow().asInt()).isEqualTo(days);
    assertThat(group.text("kmsKeyId")).as("key of %s", group).startsWith("arn:aws:kms:");
    assertThat(flowLog.text("trafficType")).isEqualTo("ALL");
    assertThat(flowLog.text("logDestination")).endsWith(":log-group:/plinth/test/vpc-flow-logs");
  }

  @Test
  void aFlowLogRetentionCloudWatchDoesNotAcceptIsRefused() {
    var error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () ->
                Plans.config("prod", Map.of("plinth:network", Map.of("flowLogRetentionDays", 200))),
            dev.plinth.config.ConfigException.class);

    assertThat(error).isNotNull();
    assertThat(error.problems())
        .extracting(dev.plinth.config.ConfigProblem::message)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(
                        "plinth:network.flowLogRetentionDays must be one of the periods CloudWatch"
                            + " Logs accepts")
                    .endsWith("(got 200)"));
  }

  @Test
  void theS3GatewayEndpointServesThePrivateAndDatabaseRouteTables() {
    ResourceGraph plan = alone("prod");
    RecordedResource endpoint =
        plan.get("aws:ec2/vpcEndpoint:VpcEndpoint", "prod-network-s3-endpoint");

    assertThat(endpoint.text("vpcEndpointType")).isEqualTo("Gateway");
    assertThat(endpoint.text("serviceName")).isEqualTo("com.amazonaws.us-east-1.s3");
    assertThat(endpoint.input("routeTableIds").orElseThrow()).hasSize(4);
  }

  @Test
  void subnetGroupsForTheDatabaseAndCacheUseTheDatabaseSubnets() {
    ResourceGraph plan = alone("prod");
    List<String> databaseIds = tier(plan, "database").stream().map(s -> id(plan, s)).toList();
    for (RecordedResource group :
        List.of(
            plan.get("aws:rds/subnetGroup:SubnetGroup", "prod-network-db-subnets"),
            plan.get("aws:elasticache/subnetGroup:SubnetGroup", "prod-network-cache-subnets"))) {
      List<String> ids =
          StreamSupport.stream(group.input("subnetIds").orElseThrow().spliterator(), false)
              .map(JsonNode::asText)
              .toList();
      assertThat(ids).as("subnets of %s", group).containsExactlyInAnyOrderElementsOf(databaseIds);
    }
  }

  @Test
  void configuredZoneIdsReplaceTheChoice() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "dev",
                Map.of(
                    "plinth:network",
                    Map.of("availabilityZoneIds", List.of("use1-az4", "use1-az6")))));

    assertThat(tier(plan, "public").stream().map(s -> s.text("availabilityZoneId")))
        .containsExactlyInAnyOrder("use1-az4", "use1-az6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyChildOfTheNetworkIsParentedAndPrefixed(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource network = plan.get("plinth:network:Network", env + "-network");
    List<RecordedResource> children = plan.children(network.urn());

    assertThat(children).hasSizeGreaterThan(20);
    assertThat(children)
        .allSatisfy(r -> assertThat(r.name()).as("name of %s", r).startsWith(env + "-network-"));
    // EC2 resources outside the network (the load balancer's security group, say) belong to
    // another component, named after it; none floats at the top of the stack.
    assertThat(plan.where(r -> r.type().startsWith("aws:ec2/")))
        .allSatisfy(
            r -> {
              RecordedResource parent =
                  plan.byUrn(r.parent())
                      .orElseThrow(() -> new AssertionError("no parent of " + r + " in the plan"));
              assertThat(parent.type()).as("parent of %s", r).startsWith("plinth:");
              assertThat(r.name()).as("name of %s", r).startsWith(parent.name() + "-");
            });
  }

  private static List<RecordedResource> tier(ResourceGraph plan, String tier) {
    return plan.where(r -> r.type().equals(SUBNET) && r.text("tags.plinth:tier").equals(tier));
  }

  private static String cidr(ResourceGraph plan, String name) {
    return plan.get(SUBNET, name).text("cidrBlock");
  }

  private static String id(ResourceGraph plan, RecordedResource r) {
    return r.id();
  }

  private static String routeTableId(ResourceGraph plan, RecordedResource table) {
    return id(plan, table);
  }

  private static RecordedResource associationOf(ResourceGraph plan, RecordedResource subnet) {
    String subnetId = id(plan, subnet);
    return plan.ofType(ASSOCIATION).stream()
        .filter(a -> a.text("subnetId").equals(subnetId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no route table association for " + subnet));
  }

  private static List<Integer> ruleNumbers(RecordedResource nacl, String direction) {
    return StreamSupport.stream(nacl.input(direction).orElseThrow().spliterator(), false)
        .map(rule -> rule.get("ruleNo").asInt())
        .toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
