package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;

/** VPC, subnets, security groups and NACLs. */
final class NetworkRules {
  private NetworkRules() {}

  static final List<String> OPEN = List.of("0.0.0.0/0", "::/0");

  static List<Rule> all() {
    return List.of(
        flowLogs(),
        defaultSecurityGroupClosed(),
        noOpenIngress(),
        descriptions(),
        naclsClosed(),
        noPublicIpsOnLaunch(),
        natPerZoneInProd());
  }

  static Rule flowLogs() {
    return Rule.of(
        "NET-01",
        "flow log on every VPC",
        MANDATORY,
        ALL,
        "AS-VPC7, CKV2_AWS_11, AVD-0178, SH EC2.6",
        List.of(Types.VPC),
        (vpc, ctx) ->
            Problems.of(vpc)
                .require(
                    !ctx.referring(vpc, Types.FLOW_LOG).isEmpty(),
                    "flow-log",
                    "no flow log captures this VPC's traffic",
                    "add an aws.ec2.FlowLog with vpcId of this VPC (plinth:network.flowLogs: true)")
                .list());
  }

  static Rule defaultSecurityGroupClosed() {
    return Rule.of(
        "NET-02",
        "default security group has no rules",
        MANDATORY,
        ALL,
        "N5-VPCDefaultSecurityGroupClosed, CKV2_AWS_12, AVD-0173, SH EC2.2",
        List.of(Types.DEFAULT_SG),
        (sg, ctx) ->
            Problems.of(sg)
                .require(
                    In.list(sg, "ingress").isEmpty() && In.list(sg, "egress").isEmpty(),
                    "rules",
                    "the default security group has ingress or egress rules",
                    "declare it with no ingress and no egress")
                .list());
  }

  /** Ingress from anywhere, per port range: the aspect is {@code port N} (or {@code all}). */
  static Rule noOpenIngress() {
    return Rule.of(
        "NET-03",
        "no 0.0.0.0/0 or ::/0 ingress, except 443 (and 80 for the redirect) on the ALB group",
        MANDATORY,
        ALL,
        "AS-EC23, CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_AWS_277, AVD-0107, SH EC2.18, SH EC2.19",
        List.of(Types.SG, Types.SG_INGRESS, Types.SG_RULE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          for (JsonNode rule : ingressRules(r)) {
            List<String> sources = new ArrayList<>();
            sources.addAll(In.texts(rule.get("cidrBlocks")));
            sources.addAll(In.texts(rule.get("ipv6CidrBlocks")));
            sources.addAll(In.texts(rule.get("cidrIpv4")));
            sources.addAll(In.texts(rule.get("cidrIpv6")));
            for (String source : sources) {
              if (OPEN.contains(source)) {
                String ports = ports(rule);
                p.add(
                    ports.equals("all") ? "all" : icmp(rule) ? "icmp " + ports : "port " + ports,
                    "admits " + source + " on " + ports,
                    "admit only the callers' CIDRs or security groups");
              }
            }
          }
          return p.list();
        });
  }

  /** The ingress entries of a group (inline), an ingress rule, or an ingress-type group rule. */
  private static List<JsonNode> ingressRules(RecordedResource r) {
    return switch (r.type()) {
      case Types.SG -> In.list(r, "ingress");
      case Types.SG_INGRESS -> List.of(r.inputs());
      default -> In.text(r, "type").orElse("").equals("ingress") ? List.of(r.inputs()) : List.of();
    };
  }

  /** Whether a security group rule is ICMP; then its ports are an ICMP type and code. */
  static boolean icmp(JsonNode rule) {
    String protocol =
        rule.has("ipProtocol") ? rule.path("ipProtocol").asText() : rule.path("protocol").asText();
    return protocol.equals("icmp") || protocol.equals("1");
  }

  static String ports(JsonNode rule) {
    String protocol =
        rule.has("ipProtocol") ? rule.path("ipProtocol").asText() : rule.path("protocol").asText();
    if (protocol.equals("-1") || protocol.equals("all")) {
      return "all";
    }
    int from = rule.path("fromPort").asInt();
    int to = rule.path("toPort").asInt(from);
    if (icmp(rule)) {
      return from + "/" + to;
    }
    return from == to ? String.valueOf(from) : from + "-" + to;
  }

  static Rule descriptions() {
    return Rule.of(
        "NET-04",
        "description on every security group and rule",
        MANDATORY,
        ALL,
        "AS-EC27, CKV_AWS_23, AVD-0099, AVD-0124",
        List.of(Types.SG, Types.SG_INGRESS, Types.SG_EGRESS, Types.SG_RULE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          p.require(
              In.text(r, "description").isPresent(),
              "description",
              "has no description",
              "say what it admits and why in description");
          for (String list : List.of("ingress", "egress")) {
            for (JsonNode rule : In.list(r, list)) {
              p.require(
                  !rule.path("description").asText().isBlank(),
                  "description",
                  "an inline " + list + " rule (" + ports(rule) + ") has no description",
                  "give every rule a description");
            }
          }
          return p.list();
        });
  }

  static Rule naclsClosed() {
    return Rule.of(
        "NET-05",
        "NACLs never allow 0.0.0.0/0 to 22/3389 or all protocols",
        MANDATORY,
        ALL,
        "CKV_AWS_229, CKV_AWS_230, CKV_AWS_231, CKV_AWS_232, CKV_AWS_352, AVD-0102, AVD-0105, SH EC2.21",
        List.of(Types.NACL, Types.NACL_RULE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          List<JsonNode> rules =
              r.type().equals(Types.NACL)
                  ? In.list(r, "ingress")
                  : In.bool(r, "egress", false) ? List.of() : List.of(r.inputs());
          for (JsonNode rule : rules) {
            String cidr =
                rule.has("cidrBlock")
                    ? rule.path("cidrBlock").asText()
                    : rule.path("ipv6CidrBlock").asText();
            String action =
                rule.has("action")
                    ? rule.path("action").asText()
                    : rule.path("ruleAction").asText();
            if (!OPEN.contains(cidr) || !action.equalsIgnoreCase("allow")) {
              continue;
            }
            String protocol = rule.path("protocol").asText();
            if (protocol.equals("-1") || protocol.equals("all")) {
              p.add(
                  "all",
                  "allows all protocols from " + cidr,
                  "allow only the ports the tier serves");
              continue;
            }
            int from = rule.path("fromPort").asInt();
            int to = rule.path("toPort").asInt();
            for (int port : List.of(22, 3389)) {
              if (from <= port && port <= to) {
                // The stateless return path (1024-65535 from anywhere) is its own aspect, so an
                // exception for it does not cover a rule that opens the port itself.
                p.add(
                    from >= 1024 && to == 65535 ? "ephemeral range" : "port " + port,
                    "allows " + cidr + " to port " + port + " (range " + from + "-" + to + ")",
                    "narrow the range so it leaves out " + port);
              }
            }
          }
          return p.list();
        });
  }

  static Rule noPublicIpsOnLaunch() {
    return Rule.of(
        "NET-06",
        "subnets don't map public IPs on launch (except where required)",
        MANDATORY,
        ALL,
        "N5-VPCSubnetAutoAssignPublicIpDisabled, CKV_AWS_130, SH EC2.15",
        List.of(Types.SUBNET),
        (subnet, ctx) ->
            Problems.of(subnet)
                .require(
                    !In.isTrue(subnet, "mapPublicIpOnLaunch"),
                    "public-ip",
                    "maps public IPs on launch",
                    "set mapPublicIpOnLaunch false")
                .list());
  }

  static Rule natPerZoneInProd() {
    return Rule.of(
        "PL-01",
        "in prod each zone leaves through its own NAT gateway",
        ADVISORY,
        PROD,
        "seed 001 (3 AZs, HA), plinth:network.natGateways perAz",
        List.of(Types.VPC),
        (vpc, ctx) -> {
          long zones =
              ctx.referring(vpc, Types.SUBNET).stream()
                  .map(
                      s ->
                          In.text(s, "availabilityZoneId")
                              .or(() -> In.text(s, "availabilityZone"))
                              .orElse(s.name()))
                  .distinct()
                  .count();
          long nats = ctx.ofType(Types.NAT).size();
          return Problems.of(vpc)
              .require(
                  nats == 0 || nats >= zones,
                  "nat",
                  nats + " NAT gateway(s) for " + zones + " zones: losing that zone cuts egress",
                  "set plinth:network.natGateways: perAz")
              .list();
        });
  }
}
