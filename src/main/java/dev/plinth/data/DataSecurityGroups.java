package dev.plinth.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
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

  /**
   * One more caller of a data store on its port, other than the application: the caller's group may
   * send to the store's ({@code egressName}), and the store's admits the caller's ({@code
   * ingressName}), each naming the other group, no address range.
   *
   * @return the store's ingress rule, which a caller that needs the path open waits for
   */
  static SecurityGroupIngressRule callerOnPort(
      Output<String> storeGroupId,
      Output<String> callerGroupId,
      int port,
      String egressName,
      String egressDescription,
      String ingressName,
      String ingressDescription,
      CustomResourceOptions options) {
    new SecurityGroupEgressRule(
        egressName,
        SecurityGroupEgressRuleArgs.builder()
            .securityGroupId(callerGroupId)
            .referencedSecurityGroupId(storeGroupId)
            .ipProtocol("tcp")
            .fromPort(port)
            .toPort(port)
            .description(egressDescription)
            .build(),
        options);
    return new SecurityGroupIngressRule(
        ingressName,
        SecurityGroupIngressRuleArgs.builder()
            .securityGroupId(storeGroupId)
            .referencedSecurityGroupId(callerGroupId)
            .ipProtocol("tcp")
            .fromPort(port)
            .toPort(port)
            .description(ingressDescription)
            .build(),
        options);
  }
}
