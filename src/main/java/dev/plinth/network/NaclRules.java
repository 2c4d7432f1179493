package dev.plinth.network;

import com.pulumi.aws.ec2.inputs.NetworkAclEgressArgs;
import com.pulumi.aws.ec2.inputs.NetworkAclIngressArgs;

/** Allow entries of a network ACL; protocol {@code -1} means all (ports then are 0). */
final class NaclRules {
  private NaclRules() {}

  static NetworkAclIngressArgs in(int rule, String protocol, String cidr, int from, int to) {
    return NetworkAclIngressArgs.builder()
        .ruleNo(rule)
        .action("allow")
        .protocol(protocol)
        .cidrBlock(cidr)
        .fromPort(from)
        .toPort(to)
        .build();
  }

  static NetworkAclEgressArgs out(int rule, String protocol, String cidr, int from, int to) {
    return NetworkAclEgressArgs.builder()
        .ruleNo(rule)
        .action("allow")
        .protocol(protocol)
        .cidrBlock(cidr)
        .fromPort(from)
        .toPort(to)
        .build();
  }
}
