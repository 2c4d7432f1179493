package dev.plinth.access;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import java.util.List;
import java.util.Map;

/**
 * Interface endpoints for the three services the SSM agent talks to (Systems Manager User Guide,
 * "Reference: ec2messages, ssmmessages, and other API operations"): ssm, ssmmessages and
 * ec2messages, one network interface per private subnet, with private DNS so that the agent's usual
 * host names resolve to them (ec2 2016-11-15 CreateVpcEndpoint PrivateDnsEnabled, which needs the
 * VPC's DNS hostnames and support: the network turns both on). Their security group admits HTTPS
 * from the private subnets only. Built only when {@code plinth:access.interfaceEndpoints}: where a
 * NAT gateway exists the agent reaches the same services through it.
 */
final class SsmEndpoints {
  private SsmEndpoints() {}

  /** The services, as the suffix of {@code com.amazonaws.<region>.<service>}. */
  static final List<String> SERVICES = List.of("ssm", "ssmmessages", "ec2messages");

  static void create(OperatorAccess access, OperatorAccess.Args args) {
    var children = access.children();
    var group =
        new SecurityGroup(
            access.childName("endpoints-sg"),
            SecurityGroupArgs.builder()
                .vpcId(args.placement().vpcId())
                .description("Systems Manager interface endpoints: HTTPS from the private subnets")
                .tags(Map.of("Name", access.childName("endpoints-sg")))
                .build(),
            children);
    for (int i = 0; i < args.privateCidrs().size(); i++) {
      String cidr = args.privateCidrs().get(i);
      new SecurityGroupIngressRule(
          access.childName("endpoints-https-" + i),
          SecurityGroupIngressRuleArgs.builder()
              .securityGroupId(group.id())
              .cidrIpv4(cidr)
              .ipProtocol("tcp")
              .fromPort(443)
              .toPort(443)
              .description("HTTPS from private subnet " + cidr)
              .build(),
          children);
    }
    for (String service : SERVICES) {
      new VpcEndpoint(
          access.childName("endpoint-" + service),
          VpcEndpointArgs.builder()
              .vpcId(args.placement().vpcId())
              .serviceName("com.amazonaws." + args.aws().region() + "." + service)
              .vpcEndpointType("Interface")
              .privateDnsEnabled(true)
              .subnetIds(args.placement().subnetIds())
              .securityGroupIds(group.id().applyValue(List::of))
              .build(),
          children);
    }
  }
}
