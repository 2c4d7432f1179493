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

  /**
   * ICMP type 3 code 4, "fragmentation needed and DF set" (RFC 1191): the message path-MTU
   * discovery depends on. EC2 CreateNetworkAclEntry, IcmpTypeCode: "Required if specifying protocol
   * 1 (ICMP)"; the ports are unused for ICMP.
   */
  static final int ICMP_UNREACHABLE = 3;

  static final int ICMP_FRAGMENTATION_NEEDED = 4;

  static NetworkAclIngressArgs fragmentationNeededIn(int rule, String cidr) {
    return NetworkAclIngressArgs.builder()
        .ruleNo(rule)
        .action("allow")
        .protocol("icmp")
        .cidrBlock(cidr)
        .icmpType(ICMP_UNREACHABLE)
        .icmpCode(ICMP_FRAGMENTATION_NEEDED)
        .fromPort(0)
        .toPort(0)
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
