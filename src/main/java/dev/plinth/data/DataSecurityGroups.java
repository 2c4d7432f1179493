package dev.plinth.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/** A data store's security group: one port, from the application's security group only. */
final class DataSecurityGroups {
  private DataSecurityGroups() {}

  static SecurityGroup onlyFromApp(
      String name,
      String what,
      int port,
      Output<String> vpcId,
      Output<String> appSecurityGroupId,
      CustomResourceOptions options) {
    var group =
        new SecurityGroup(
            name,
            SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description(what + ": port " + port + " from the application only")
                .tags(Map.of("Name", name))
                .build(),
            options);
    new SecurityGroupIngressRule(
        name + "-from-app",
        SecurityGroupIngressRuleArgs.builder()
            .securityGroupId(group.id())
            .referencedSecurityGroupId(appSecurityGroupId)
            .ipProtocol("tcp")
            .fromPort(port)
            .toPort(port)
            .description(what + " from the application's pods and nodes")
            .build(),
        options);
    return group;
  }
}
