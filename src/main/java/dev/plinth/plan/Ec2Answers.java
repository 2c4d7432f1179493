package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.Map;
import java.util.Optional;

/**
 * EC2's answers: ids with the prefix EC2 gives each kind, a VPC's default security group and main
 * route table, an Elastic IP's address (from the documentation range), a launch template's version,
 * a Client VPN endpoint's DNS name.
 */
final class Ec2Answers {
  private Ec2Answers() {}

  static final String CLIENT_VPN_ENDPOINT = "aws:ec2clientvpn/endpoint:Endpoint";

  private static final Map<String, String> ID_PREFIXES =
      Map.ofEntries(
          Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
          Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
          Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
          Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
          Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
          Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
          Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
          Map.entry("aws:ec2/networkAcl:NetworkAcl", "acl-"),
          Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
          Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"),
          Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"),
          Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
          Map.entry("aws:ec2/launchTemplate:LaunchTemplate", "lt-"),
          Map.entry(CLIENT_VPN_ENDPOINT, "cvpn-endpoint-"),
          Map.entry("aws:ec2clientvpn/networkAssociation:NetworkAssociation", "cvpn-assoc-"));

  /** The id of an EC2 resource of this type and name ({@code vpc-...}); empty for other types. */
  static Optional<String> id(String type, String name) {
    String prefix = ID_PREFIXES.get(type);
    return prefix == null
        ? Optional.empty()
        : Optional.of(prefix + hash(type + "/" + name).substring(0, 17));
  }

  static void vpc(String region, String id, Map<String, Object> state) {
    state.put("defaultSecurityGroupId", "sg-" + hash(id).substring(0, 17));
    state.put("mainRouteTableId", "rtb-" + hash(id + "main").substring(0, 17));
  }

  static void eip(String region, String id, Map<String, Object> state) {
    state.put("publicIp", "203.0.113." + (Math.abs(id.hashCode()) % 250 + 1));
  }

  static void launchTemplate(String region, String id, Map<String, Object> state) {
    state.put("latestVersion", 1);
  }

  /**
   * A Client VPN endpoint's DNS name: a wildcard under the endpoint's id in the region's Client VPN
   * domain, the form DescribeClientVpnEndpoints returns (ec2 2016-11-15 ClientVpnEndpoint.DnsName,
   * "The DNS name to be used by clients when connecting to the Client VPN endpoint").
   */
  static void clientVpnEndpoint(String region, String id, Map<String, Object> state) {
    state.put("dnsName", "*." + id + ".prod.clientvpn." + region + ".amazonaws.com");
    state.put("selfServicePortalUrl", "");
  }
}
