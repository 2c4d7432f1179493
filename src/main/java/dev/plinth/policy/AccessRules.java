package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.List;
import java.util.Optional;

/**
 * Operator access (issue 21): EC2 instances reached through Session Manager, never over SSH, and
 * the account's Session Manager preferences. The catalogue's EC2 rows cover launch templates only
 * (EKS-06); these carry the scanners' instance checks: IMDSv2 (checkov CKV_AWS_79, AWS Config
 * ec2-imdsv2-check, Control Tower CT.EC2.PR.2 for the hop limit), no public IP (CKV_AWS_88,
 * CT.EC2.PR.8), encrypted volumes (CT.EC2.PR.7), and Session Manager logs encrypted (CKV_AWS_112,
 * CKV_AWS_113).
 */
final class AccessRules {
  private AccessRules() {}

  static List<Rule> all() {
    return List.of(
        imdsV2(), noPublicAddress(), noKeyPair(), noInbound(), encryptedRoot(), sessionLogs());
  }

  static Rule imdsV2() {
    return Rule.of(
        "PL-40",
        "EC2 instances require IMDSv2 with a hop limit of 1",
        MANDATORY,
        ALL,
        "CKV_AWS_79, AWS Config ec2-imdsv2-check, CT.EC2.PR.2",
        List.of(Types.INSTANCE),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.text(r, "metadataOptions.httpTokens").orElse("").equals("required"),
                    "imdsv2",
                    "does not require IMDSv2 (metadataOptions.httpTokens is "
                        + In.text(r, "metadataOptions.httpTokens").orElse("unset")
                        + "): IMDSv1 hands the role's credentials to any request forged to"
                        + " 169.254.169.254",
                    "set metadataOptions.httpTokens: required")
                .require(
                    In.integer(r, "metadataOptions.httpPutResponseHopLimit").orElse(0) == 1,
                    "hop-limit",
                    "the IMDSv2 token hop limit is not 1 (it lets the token travel beyond the"
                        + " instance, to containers or a proxied request)",
                    "set metadataOptions.httpPutResponseHopLimit: 1")
                .list());
  }

  static Rule noPublicAddress() {
    return Rule.of(
        "PL-41",
        "EC2 instances have no public IP address and sit in a subnet that maps none",
        MANDATORY,
        ALL,
        "CKV_AWS_88, CT.EC2.PR.8, seed 002 (bastion replaced by Session Manager)",
        List.of(Types.INSTANCE),
        (r, ctx) -> {
          Problems p =
              Problems.of(r)
                  .require(
                      r.input("associatePublicIpAddress").map(n -> !n.asBoolean()).orElse(false),
                      "public-ip",
                      "associatePublicIpAddress is "
                          + r.input("associatePublicIpAddress")
                              .map(JsonNode::asText)
                              .orElse("unset")
                          + ", so the subnet's default may give it a public address",
                      "set associatePublicIpAddress: false");
          for (RecordedResource subnet : ctx.referredBy(r, Types.SUBNET)) {
            if (subnet.id() != null && subnet.id().equals(In.text(r, "subnetId").orElse(""))) {
              p.require(
                  !In.isTrue(subnet, "mapPublicIpOnLaunch"),
                  "subnet",
                  "is launched in " + subnet.name() + ", a subnet that maps public IPs",
                  "place it in a private subnet");
            }
          }
          return p.list();
        });
  }

  static Rule noKeyPair() {
    return Rule.of(
        "PL-42",
        "EC2 instances have no key pair (Session Manager, not SSH)",
        MANDATORY,
        ALL,
        "seed 002 (SSH keys, bastion), issue 21",
        List.of(Types.INSTANCE),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.text(r, "keyName").isEmpty(),
                    "key-pair",
                    "has the key pair "
                        + In.text(r, "keyName").orElse("")
                        + ": a key to guard,"
                        + " rotate and revoke, and sessions no one logs",
                    "remove keyName; operators connect with aws ssm start-session")
                .list());
  }

  static Rule noInbound() {
    return Rule.of(
        "PL-43",
        "EC2 instances' security groups admit nothing inbound",
        MANDATORY,
        ALL,
        "seed 002 (bastion replaced by Session Manager: no open port), issue 21",
        List.of(Types.INSTANCE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          List<String> groups = In.texts(r, "vpcSecurityGroupIds");
          p.require(
              !groups.isEmpty(),
              "groups",
              "names no security group, so it gets the VPC's default group",
              "give it a security group of its own with no ingress");
          for (RecordedResource sg : ctx.ofType(Types.SG)) {
            if (!groups.contains(sg.id())) {
              continue;
            }
            p.require(
                In.list(sg, "ingress").isEmpty(),
                "inline-ingress",
                "its security group " + sg.name() + " has inline ingress rules",
                "remove them: Session Manager needs no inbound port");
            for (RecordedResource rule : ingressRulesOf(sg, ctx)) {
              p.add(
                  "ingress " + rule.name(),
                  "its security group " + sg.name() + " admits traffic (" + rule.name() + ")",
                  "remove the ingress rule: Session Manager needs no inbound port");
            }
          }
          return p.list();
        });
  }

  /** Ingress rules (and ingress-type group rules) attached to this security group. */
  static List<RecordedResource> ingressRulesOf(RecordedResource sg, PolicyContext ctx) {
    return java.util.stream.Stream.concat(
            ctx.ofType(Types.SG_INGRESS).stream(),
            ctx.ofType(Types.SG_RULE).stream()
                .filter(x -> In.text(x, "type").orElse("").equals("ingress")))
        .filter(x -> In.text(x, "securityGroupId").orElse("").equals(sg.id()))
        .toList();
  }

  static Rule encryptedRoot() {
    return Rule.of(
        "PL-44",
        "EC2 instances' root volumes encrypted with a customer-managed key",
        MANDATORY,
        ALL,
        "CT.EC2.PR.7, seed 002 (encryption at rest)",
        List.of(Types.INSTANCE),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.isTrue(r, "rootBlockDevice.encrypted"),
                    "encrypted",
                    "its root volume is not encrypted",
                    "set rootBlockDevice.encrypted: true")
                .require(
                    In.text(r, "rootBlockDevice.kmsKeyId").isPresent(),
                    "key",
                    "its root volume has no customer-managed key",
                    "set rootBlockDevice.kmsKeyId to a key of the ring")
                .list());
  }

  /** The preferences document's inputs that must be set for every session to be logged. */
  static final List<String> LOG_DESTINATIONS = List.of("s3BucketName", "cloudWatchLogGroupName");

  static final List<String> ENCRYPTION_FLAGS =
      List.of("s3EncryptionEnabled", "cloudWatchEncryptionEnabled");

  static Rule sessionLogs() {
    return Rule.of(
        "PL-45",
        "Session Manager preferences log every session to S3 and CloudWatch, encrypted",
        MANDATORY,
        ALL,
        "CKV_AWS_112, CKV_AWS_113, seed 002 (audit logging)",
        List.of(Types.SSM_DOCUMENT),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          if (!In.text(r, "documentType").orElse("").equals("Session")
              || !In.text(r, "name").orElse("").equals("SSM-SessionManagerRunShell")) {
            return p.list();
          }
          JsonNode inputs = In.document(r, "content").map(d -> d.path("inputs")).orElse(null);
          for (String key : LOG_DESTINATIONS) {
            p.require(
                text(inputs, key).isPresent(),
                key,
                "sessions are not logged: inputs." + key + " is empty",
                "name the session log " + (key.startsWith("s3") ? "bucket" : "group"));
          }
          for (String key : ENCRYPTION_FLAGS) {
            p.require(
                inputs != null && inputs.path(key).asBoolean(false),
                key,
                "inputs." + key + " is not true, so the agent may write session logs unencrypted",
                "set inputs." + key + ": true");
          }
          p.require(
              text(inputs, "kmsKeyId").isPresent(),
              "kmsKeyId",
              "session data is not encrypted with a KMS key (inputs.kmsKeyId is empty)",
              "set inputs.kmsKeyId to the session key");
          return p.list();
        });
  }

  private static Optional<String> text(JsonNode inputs, String key) {
    return inputs == null
        ? Optional.empty()
        : Optional.of(inputs.path(key).asText("")).filter(s -> !s.isBlank());
  }
}
