package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.data.Cache;
import dev.plinth.data.Database;
import dev.plinth.network.Cidrs;
import dev.plinth.plan.RecordedResource;
import java.util.List;
import java.util.Set;

/**
 * AWS Client VPN (issue 21, {@code plinth:access.clientVpn}): operators reach PostgreSQL and Redis
 * and nothing else, and every connection is logged. Of these, scanners have connection logging
 * (Security Hub EC2.51, AWS Config ec2-client-vpn-connection-log-enabled, prowler
 * ec2_client_vpn_endpoint_connection_logging_enabled); the others hold the property (the
 * data tier only) where the API's defaults do not: SplitTunnel is off and SelfServicePortal on by
 * default, and an endpoint given no security group gets the VPC's default one (ec2 2016-11-15
 * CreateClientVpnEndpoint).
 */
final class ClientVpnRules {
  private ClientVpnRules() {}

  /** The ports a Client VPN client may reach: PostgreSQL's and Redis's. */
  static final Set<Integer> DATA_PORTS = Set.of(Database.PORT, Cache.PORT);

  static List<Rule> all() {
    return List.of(connectionLogs(), authorization(), endpointOptions(), dataPortsOnly());
  }

  static Rule connectionLogs() {
    return Rule.of(
        "PL-48",
        "Client VPN endpoints log every connection to an encrypted log group",
        MANDATORY,
        ALL,
        "Security Hub EC2.51, AWS Config ec2-client-vpn-connection-log-enabled,"
            + " prowler ec2_client_vpn_endpoint_connection_logging_enabled",
        List.of(Types.CLIENT_VPN),
        (r, ctx) -> {
          String group = In.text(r, "connectionLogOptions.cloudwatchLogGroup").orElse("");
          Problems p =
              Problems.of(r)
                  .require(
                      In.isTrue(r, "connectionLogOptions.enabled") && !group.isEmpty(),
                      "logging",
                      "does not log client connections (connectionLogOptions.enabled is not true"
                          + " or names no log group): who connected, from where and when is lost",
                      "set connectionLogOptions.enabled: true and cloudwatchLogGroup");
          for (RecordedResource logs : ctx.ofType(Types.LOG_GROUP)) {
            if (!group.isEmpty() && group.equals(In.text(logs, "name").orElse(""))) {
              p.require(
                  In.text(logs, "kmsKeyId").isPresent(),
                  "log-key",
                  "its connection log group " + logs.name() + " is not encrypted with a KMS key",
                  "set kmsKeyId on " + logs.name() + " to the logs key");
            }
          }
          return p.list();
        });
  }

  static Rule authorization() {
    return Rule.of(
        "PL-49",
        "Client VPN authorization rules name the database subnets, not everything, the whole VPC"
            + " or another tier",
        MANDATORY,
        ALL,
        "issue 21 (operators reach the data tier only), seed 002 (access control)",
        List.of(Types.CLIENT_VPN_AUTHORIZATION),
        (r, ctx) -> {
          String target = In.text(r, "targetNetworkCidr").orElse("");
          Problems p = Problems.of(r);
          var block = Cidrs.parse(target);
          if (block.isEmpty() || block.get().getNetworkPrefixLength() == 0) {
            return p.add(
                    "target",
                    "authorizes clients for " + (target.isEmpty() ? "no stated range" : target),
                    "name one database subnet's range")
                .list();
          }
          List<String> database =
              ctx.ofType(Types.SUBNET).stream()
                  .filter(x -> In.text(x, "tags.plinth:tier").orElse("").equals("database"))
                  .map(x -> In.text(x, "cidrBlock").orElse(""))
                  .filter(c -> Cidrs.parse(c).isPresent())
                  .toList();
          for (RecordedResource vpc : ctx.ofType(Types.VPC)) {
            String vpcCidr = In.text(vpc, "cidrBlock").orElse("");
            if (Cidrs.parse(vpcCidr).isEmpty() || !Cidrs.overlaps(target, vpcCidr)) {
              continue;
            }
            if (Cidrs.contains(target, vpcCidr)) {
              p.add(
                  "vpc",
                  "authorizes clients for "
                      + target
                      + ", all of "
                      + vpc.name()
                      + " ("
                      + vpcCidr
                      + "): the nodes, pods and load balancer too",
                  "name the database subnets' ranges only");
            } else {
              p.require(
                  database.stream().anyMatch(d -> Cidrs.contains(d, target)),
                  "tier",
                  "authorizes clients for "
                      + target
                      + ", a range of "
                      + vpc.name()
                      + " outside its database subnets "
                      + database,
                  "name the database subnets' ranges only");
            }
          }
          return p.list();
        });
  }

  static Rule endpointOptions() {
    return Rule.of(
        "PL-50",
        "Client VPN endpoints split-tunnel, keep the self-service portal off and have a security"
            + " group of their own",
        MANDATORY,
        ALL,
        "issue 21, ec2 2016-11-15 CreateClientVpnEndpoint (SplitTunnel off, SelfServicePortal"
            + " enabled and the VPC's default group by default)",
        List.of(Types.CLIENT_VPN),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.isTrue(r, "splitTunnel"),
                    "split-tunnel",
                    "is a full tunnel: every client's internet traffic goes through the VPC",
                    "set splitTunnel: true")
                .require(
                    In.text(r, "selfServicePortal").orElse("enabled").equals("disabled"),
                    "portal",
                    "offers the self-service portal (selfServicePortal is "
                        + In.text(r, "selfServicePortal").orElse("unset, the API's enabled")
                        + "), where anyone who logs in downloads the configuration",
                    "set selfServicePortal: disabled")
                .require(
                    !In.texts(r, "securityGroupIds").isEmpty(),
                    "groups",
                    "names no security group, so AWS applies the VPC's default group",
                    "give it a security group of its own")
                .list());
  }

  static Rule dataPortsOnly() {
    return Rule.of(
        "PL-51",
        "Client VPN endpoints' security groups admit nothing and send only to the data stores'"
            + " ports",
        MANDATORY,
        ALL,
        "issue 21 (PostgreSQL and Redis only), seed 004 (security groups 5432 / 6379)",
        List.of(Types.CLIENT_VPN),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          List<String> groups = In.texts(r, "securityGroupIds");
          for (RecordedResource sg : ctx.ofType(Types.SG)) {
            if (!groups.contains(sg.id())) {
              continue;
            }
            p.require(
                In.list(sg, "ingress").isEmpty() && In.list(sg, "egress").isEmpty(),
                "inline " + sg.name(),
                "its security group " + sg.name() + " has inline rules",
                "remove them: the group's rules are the data stores' egress rules only");
            for (RecordedResource rule : AccessRules.ingressRulesOf(sg, ctx)) {
              p.add(
                  "ingress " + rule.name(),
                  "its security group " + sg.name() + " admits traffic (" + rule.name() + ")",
                  "remove the ingress rule: clients arrive through the endpoint, not the group");
            }
            for (RecordedResource rule : egressRulesOf(sg, ctx)) {
              p.require(
                  dataPortOnly(rule),
                  "egress " + rule.name(),
                  "its security group "
                      + sg.name()
                      + " sends beyond the data stores' ports ("
                      + rule.name()
                      + ": "
                      + In.text(rule, "ipProtocol").orElse("?")
                      + " "
                      + In.integer(rule, "fromPort").orElse(-1)
                      + "-"
                      + In.integer(rule, "toPort").orElse(-1)
                      + ")",
                  "keep only egress to a data store's group on 5432 or 6379");
            }
          }
          return p.list();
        });
  }

  /** One data port over TCP, to a security group (no address range). */
  static boolean dataPortOnly(RecordedResource rule) {
    int from = In.integer(rule, "fromPort").orElse(-1);
    return In.text(rule, "ipProtocol").orElse("").equals("tcp")
        && from == In.integer(rule, "toPort").orElse(-2)
        && DATA_PORTS.contains(from)
        && In.text(rule, "referencedSecurityGroupId").isPresent()
        && In.text(rule, "cidrIpv4").isEmpty()
        && In.text(rule, "cidrIpv6").isEmpty()
        && In.text(rule, "prefixListId").isEmpty();
  }

  /** Egress rules (and egress-type group rules) attached to this security group. */
  private static List<RecordedResource> egressRulesOf(RecordedResource sg, PolicyContext ctx) {
    return java.util.stream.Stream.concat(
            ctx.ofType(Types.SG_EGRESS).stream(),
            ctx.ofType(Types.SG_RULE).stream()
                .filter(x -> In.text(x, "type").orElse("").equals("egress")))
        .filter(x -> In.text(x, "securityGroupId").orElse("").equals(sg.id()))
        .toList();
  }
}
