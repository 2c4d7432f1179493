package dev.plinth.access;

import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A data store the operator instance or the Client VPN may reach: its name in resource names
 * ({@code db}, {@code cache}), its security group and its port. Each opens exactly that port, from
 * its own security group to the store's, and nothing else on the store.
 */
public record Reach(String name, Output<String> securityGroupId, int port) {

  /**
   * Opens each store's port to a caller's group, by group reference and no address range: the
   * caller may send to the store ({@code <prefix>-egress-<store>}) and the store admits the caller
   * ({@code <prefix>-to-<store>}), both children of the caller's component.
   *
   * @param prefix the caller component's name
   * @param callerGroupId the caller's security group
   * @param caller who is admitted, in the store's rule description ("the operator instance")
   */
  static void open(
      String prefix,
      Output<String> callerGroupId,
      List<Reach> reaches,
      String caller,
      CustomResourceOptions options) {
    for (Reach reach : reaches) {
      new SecurityGroupEgressRule(
          prefix + "-egress-" + reach.name(),
          SecurityGroupEgressRuleArgs.builder()
              .securityGroupId(callerGroupId)
              .referencedSecurityGroupId(reach.securityGroupId())
              .ipProtocol("tcp")
              .fromPort(reach.port())
              .toPort(reach.port())
              .description("to " + reach.name() + " on " + reach.port())
              .build(),
          options);
      new SecurityGroupIngressRule(
          prefix + "-to-" + reach.name(),
          SecurityGroupIngressRuleArgs.builder()
              .securityGroupId(reach.securityGroupId())
              .referencedSecurityGroupId(callerGroupId)
              .ipProtocol("tcp")
              .fromPort(reach.port())
              .toPort(reach.port())
              .description(reach.name() + " from " + caller)
              .build(),
          options);
    }
  }
}
