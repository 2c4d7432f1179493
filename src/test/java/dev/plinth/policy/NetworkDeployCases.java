package dev.plinth.policy;

import static dev.plinth.policy.PolicyRulesTest.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the deployability rules in this area, in the form of {@link PolicyRulesTest#c}.
 */
final class NetworkDeployCases {
  private NetworkDeployCases() {}

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "DEP-40",
            "prod-registry-app",
            "the repository has a fixed name, the same in every stack",
            g -> g.set("prod-registry-app", "name", "'app-api'")),
        c(
            "DEP-40",
            "staging",
            "staging-registry-app",
            "staging's repository carries prod's name",
            g -> g.set("staging-registry-app", "name", "'plinth/prod/app'")),
        c(
            "DEP-41",
            "prod-audit-guardduty",
            "the stack creates a detector it declares another stack owns",
            g -> g.output("accountSingletons", "{guardDuty: 'existing'}")),
        c(
            "DEP-41",
            "prod-audit-guardduty",
            "a second detector in the same stack",
            g ->
                g.component("plinth:observability:AuditTrail", "prod-audit")
                    .add(Types.GUARDDUTY, "prod-audit-guardduty-2", "{enable: true}")),
        c(
            "DEP-42",
            "prod-network-private-a",
            "the subnet lies in use1-az3, which EKS refuses",
            g -> g.set("prod-network-private-a", "availabilityZoneId", "'use1-az3'")),
        c(
            "DEP-42",
            "prod-network-private-b",
            "the subnet is placed by zone name",
            g ->
                g.remove("prod-network-private-b", "availabilityZoneId")
                    .set("prod-network-private-b", "availabilityZone", "'us-east-1b'")),
        c(
            "DEP-43",
            "prod-budget-monthly",
            "nothing activates the Environment cost allocation tag",
            g -> g.drop("prod-budget-environment-tag")),
        c(
            "DEP-43",
            "prod-budget-monthly",
            "the activation is inactive",
            g -> g.set("prod-budget-environment-tag", "status", "'Inactive'")),
        c(
            "DEP-44",
            "prod-monitoring-alerts",
            "the alert topic has no subscription",
            g -> g.drop("prod-monitoring-alerts-email-0")),
        c(
            "DEP-44",
            "staging",
            "staging-monitoring-alerts",
            "staging's alert topic has no subscription",
            g -> g.drop("staging-monitoring-alerts-email-0")),
        c(
            "DEP-45",
            "prod-network-nat-eip-a",
            "five Elastic IPs in one stack (a NAT gateway in each of five zones)",
            g -> {
              g.component("plinth:network:Network", "prod-network");
              for (String z : new String[] {"c", "d", "e"}) {
                g.add(Types.EIP, "prod-network-nat-eip-" + z, "{domain: 'vpc'}");
              }
            }));
  }
}
