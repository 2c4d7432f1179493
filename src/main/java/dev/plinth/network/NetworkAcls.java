package dev.plinth.network;

import com.pulumi.aws.ec2.NetworkAcl;
import com.pulumi.aws.ec2.NetworkAclArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.inputs.NetworkAclEgressArgs;
import com.pulumi.aws.ec2.inputs.NetworkAclIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The network's NACLs, one per tier, children of the network. Stateless, so return traffic is
 * allowed explicitly on the ephemeral ports.
 *
 * <ul>
 *   <li>public: HTTPS and HTTP from anywhere (the load balancer), anything from inside the VPC (NAT
 *       forwarding), replies on ephemeral ports;
 *   <li>private: anything from inside the VPC, replies on ephemeral ports;
 *   <li>database: PostgreSQL and Redis from the private subnets, anything within the database tier
 *       (cache replication), replies to the private subnets only. No internet in or out.
 * </ul>
 *
 * <p>Path-MTU discovery: ICMP "fragmentation needed" (type 3, code 4) from anywhere into the public
 * tier (the load balancer, the NAT gateways) and the private tier (replies to the nodes'
 * connections through NAT): without it a host whose path MTU is smaller than its packets never
 * learns so, and large responses hang. Both tiers already send anything out. The database tier
 * talks only within the VPC, where the MTU is the same everywhere.
 */
final class NetworkAcls {
  private final Network network;
  private final Output<String> vpcId;

  NetworkAcls(Network network, Output<String> vpcId) {
    this.network = network;
    this.vpcId = vpcId;
  }

  void publicTier(String vpcCidr, List<Subnet> subnets) {
    List<NetworkAclIngressArgs> publicIn =
        List.of(
            NaclRules.in(100, "tcp", "0.0.0.0/0", 443, 443),
            NaclRules.in(110, "tcp", "0.0.0.0/0", 80, 80),
            NaclRules.in(120, "-1", vpcCidr, 0, 0),
            NaclRules.in(130, "tcp", "0.0.0.0/0", 1024, 65535),
            NaclRules.in(140, "udp", "0.0.0.0/0", 1024, 65535),
            NaclRules.fragmentationNeededIn(150, "0.0.0.0/0"));
    nacl("public-nacl", subnets, publicIn, List.of(NaclRules.out(100, "-1", "0.0.0.0/0", 0, 0)));
  }

  void privateTier(String vpcCidr, List<Subnet> subnets) {
    List<NetworkAclIngressArgs> privateIn =
        List.of(
            NaclRules.in(100, "-1", vpcCidr, 0, 0),
            NaclRules.in(110, "tcp", "0.0.0.0/0", 1024, 65535),
            NaclRules.in(120, "udp", "0.0.0.0/0", 1024, 65535),
            NaclRules.fragmentationNeededIn(130, "0.0.0.0/0"));
    nacl("private-nacl", subnets, privateIn, List.of(NaclRules.out(100, "-1", "0.0.0.0/0", 0, 0)));
  }

  void databaseTier(List<String> privateCidrs, List<String> databaseCidrs, List<Subnet> subnets) {
    List<NetworkAclIngressArgs> databaseIn = new ArrayList<>();
    List<NetworkAclEgressArgs> databaseOut = new ArrayList<>();
    int rule = 100;
    for (String cidr : databaseCidrs) {
      databaseIn.add(NaclRules.in(rule, "-1", cidr, 0, 0));
      databaseOut.add(NaclRules.out(rule, "-1", cidr, 0, 0));
      rule += 10;
    }
    for (String cidr : privateCidrs) {
      for (int port : Network.DATA_PORTS) {
        databaseIn.add(NaclRules.in(rule, "tcp", cidr, port, port));
        rule += 10;
      }
      databaseOut.add(NaclRules.out(rule, "tcp", cidr, 1024, 65535));
      rule += 10;
    }
    nacl("database-nacl", subnets, databaseIn, databaseOut);
  }

  private void nacl(
      String suffix,
      List<Subnet> subnets,
      List<NetworkAclIngressArgs> ingress,
      List<NetworkAclEgressArgs> egress) {
    String name = network.name() + "-" + suffix;
    new NetworkAcl(
        name,
        NetworkAclArgs.builder()
            .vpcId(vpcId)
            .subnetIds(Output.all(subnets.stream().map(Subnet::id).toList()))
            .ingress(ingress)
            .egress(egress)
            .tags(Map.of("Name", name))
            .build(),
        CustomResourceOptions.builder().parent(network).build());
  }
}
