package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** EKS: the cluster, its node groups and launch templates; ECR repositories. */
final class ComputeRules {
  private ComputeRules() {}

  static final List<String> CONTROL_PLANE_LOGS =
      List.of("api", "audit", "authenticator", "controllerManager", "scheduler");

  static List<Rule> all() {
    return List.of(
        endpoint(),
        secretsEncryption(),
        controlPlaneLogs(),
        supportedVersion(),
        remoteAccess(),
        launchTemplate(),
        nodeBounds(),
        scanOnPush(),
        immutableTags(),
        repositoryEncryption(),
        repositoryNotPublic(),
        imageLifecycle());
  }

  static Rule endpoint() {
    return Rule.of(
        "EKS-01",
        "public endpoint off, or limited to named CIDRs",
        MANDATORY,
        ALL,
        "AS-EKS1, CKV_AWS_38, CKV_AWS_39, AVD-0040, AVD-0041, SH EKS.1",
        List.of(Types.EKS),
        (c, ctx) -> {
          boolean open = In.bool(c, "vpcConfig.endpointPublicAccess", true);
          List<String> cidrs = In.texts(c, "vpcConfig.publicAccessCidrs");
          return Problems.of(c)
              .require(
                  !open || (!cidrs.isEmpty() && !cidrs.contains("0.0.0.0/0")),
                  "endpoint",
                  "the API endpoint is public to " + (cidrs.isEmpty() ? "0.0.0.0/0" : cidrs),
                  "set vpcConfig.endpointPublicAccess false, or publicAccessCidrs to named CIDRs")
              .list();
        });
  }

  static Rule secretsEncryption() {
    return Rule.of(
        "EKS-02",
        "secrets encrypted with a KMS key",
        MANDATORY,
        ALL,
        "CKV_AWS_58, AVD-0039, SH EKS.3",
        List.of(Types.EKS),
        (c, ctx) -> {
          boolean encrypted =
              In.list(c, "encryptionConfig").stream()
                  .anyMatch(
                      e ->
                          In.texts(e.get("resources")).contains("secrets")
                              && !e.path("provider").path("keyArn").asText().isBlank());
          return Problems.of(c)
              .require(
                  encrypted,
                  "secrets",
                  "Kubernetes secrets are not envelope-encrypted with KMS",
                  "set encryptionConfig { resources: [secrets], provider.keyArn }")
              .list();
        });
  }

  static Rule controlPlaneLogs() {
    return Rule.of(
        "EKS-03",
        "all five control-plane log types",
        MANDATORY,
        ALL,
        "AS-EKS2, CKV_AWS_37, AVD-0038, SH EKS.8",
        List.of(Types.EKS),
        (c, ctx) -> {
          List<String> types = In.texts(c, "enabledClusterLogTypes");
          return Problems.of(c)
              .require(
                  types.containsAll(CONTROL_PLANE_LOGS),
                  "logs",
                  "logs only " + types,
                  "set enabledClusterLogTypes " + CONTROL_PLANE_LOGS)
              .list();
        });
  }

  static Rule supportedVersion() {
    return Rule.of(
        "EKS-04",
        "Kubernetes version in EKS standard support on the day of the plan",
        MANDATORY,
        ALL,
        "CKV_AWS_339, SH EKS.2, Amazon EKS Kubernetes release calendar",
        List.of(Types.EKS),
        (c, ctx) -> {
          String version = In.text(c, "version").orElse("unset");
          java.time.LocalDate today = EksVersions.today();
          String state =
              EksVersions.of(version)
                  .map(
                      r ->
                          today.isBefore(r.released())
                              ? "is not released on EKS before " + r.released()
                              : EksVersions.supported(version, today)
                                  ? "left standard support on "
                                      + r.endOfStandard()
                                      + " (extended support costs $0.60/h instead of $0.10)"
                                  : "left extended support on "
                                      + r.endOfExtended()
                                      + ": EKS refuses new clusters on it")
                  .orElse("is unpinned or not in the calendar");
          return Problems.of(c)
              .require(
                  EksVersions.standard(version, today),
                  "version",
                  "Kubernetes " + version + " " + state + " (" + EksVersions.SOURCE + ")",
                  "pin version to one in standard support on "
                      + today
                      + ": "
                      + EksVersions.standardOn(today))
              .list();
        });
  }

  static Rule remoteAccess() {
    return Rule.of(
        "EKS-05",
        "node groups without open remote access",
        MANDATORY,
        ALL,
        "CKV_AWS_100",
        List.of(Types.NODE_GROUP),
        (n, ctx) ->
            Problems.of(n)
                .require(
                    !In.present(n, "remoteAccess.ec2SshKey")
                        || !In.list(n, "remoteAccess.sourceSecurityGroupIds").isEmpty(),
                    "ssh",
                    "SSH is open to the internet through remoteAccess",
                    "drop remoteAccess (use SSM) or limit sourceSecurityGroupIds")
                .list());
  }

  static Rule launchTemplate() {
    return Rule.of(
        "EKS-06",
        "node launch template: IMDSv2 required, encrypted volumes",
        MANDATORY,
        ALL,
        "CKV_AWS_79, CKV_AWS_341, AVD-0130, SH EC2.170, SH EC2.181",
        List.of(Types.NODE_GROUP, Types.LAUNCH_TEMPLATE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          if (r.type().equals(Types.NODE_GROUP)) {
            p.require(
                In.present(r, "launchTemplate.id") || In.present(r, "launchTemplate.name"),
                "template",
                "has no launch template, so IMDSv2 is not required",
                "give it a launch template with metadataOptions.httpTokens required");
            return p.list();
          }
          p.require(
              In.text(r, "metadataOptions.httpTokens").orElse("optional").equals("required"),
              "imdsv2",
              "instance metadata v1 is allowed",
              "set metadataOptions.httpTokens required");
          p.require(
              In.integer(r, "metadataOptions.httpPutResponseHopLimit").orElse(1) <= 2,
              "hop-limit",
              "metadata hop limit above 2 lets containers reach it",
              "set metadataOptions.httpPutResponseHopLimit 2 or less");
          for (JsonNode mapping : In.list(r, "blockDeviceMappings")) {
            p.require(
                mapping.path("ebs").path("encrypted").asText().equals("true"),
                "ebs",
                "volume " + mapping.path("deviceName").asText() + " is not encrypted",
                "set ebs.encrypted true");
          }
          return p.list();
        });
  }

  static Rule nodeBounds() {
    return Rule.of(
        "PL-16",
        "in prod node groups keep at least 2 nodes (seed 003: min 2, max 10)",
        ADVISORY,
        PROD,
        "seed 003 (autoscaling min 2 max 10)",
        List.of(Types.NODE_GROUP),
        (n, ctx) -> {
          int min = In.integer(n, "scalingConfig.minSize").orElse(0);
          int max = In.integer(n, "scalingConfig.maxSize").orElse(0);
          return Problems.of(n)
              .require(
                  min >= 2,
                  "min",
                  "may scale down to " + min + " node(s)",
                  "set scalingConfig.minSize 2")
              .require(
                  max >= min, "max", "maxSize " + max + " below minSize " + min, "raise maxSize")
              .list();
        });
  }

  static Rule scanOnPush() {
    return Rule.of(
        "ECR-01",
        "scan on push",
        MANDATORY,
        ALL,
        "CKV_AWS_163, AVD-0030, SH ECR.1",
        List.of(Types.ECR),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.isTrue(r, "imageScanningConfiguration.scanOnPush"),
                    "scan",
                    "images are not scanned on push",
                    "set imageScanningConfiguration.scanOnPush true")
                .list());
  }

  static Rule immutableTags() {
    return Rule.of(
        "ECR-02",
        "immutable tags",
        MANDATORY,
        ALL,
        "CKV_AWS_51, AVD-0031, SH ECR.2",
        List.of(Types.ECR),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.text(r, "imageTagMutability").orElse("MUTABLE").startsWith("IMMUTABLE"),
                    "tags",
                    "image tags can be overwritten",
                    "set imageTagMutability IMMUTABLE")
                .list());
  }

  static Rule repositoryEncryption() {
    return Rule.of(
        "ECR-03",
        "KMS encryption and a lifecycle policy",
        MANDATORY,
        ALL,
        "CKV_AWS_136, AVD-0033, SH ECR.3",
        List.of(Types.ECR),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.list(r, "encryptionConfigurations").stream()
                        .anyMatch(
                            e ->
                                e.path("encryptionType").asText().equals("KMS")
                                    && !e.path("kmsKey").asText().isBlank()),
                    "kms",
                    "images are not encrypted with a customer-managed KMS key",
                    "set encryptionConfigurations [{ encryptionType: KMS, kmsKey }]")
                .require(
                    !ctx.referring(r, Types.ECR_LIFECYCLE).isEmpty(),
                    "lifecycle",
                    "has no lifecycle policy",
                    "add an aws.ecr.LifecyclePolicy")
                .list());
  }

  static Rule repositoryNotPublic() {
    return Rule.of(
        "ECR-04",
        "repository policy not public",
        MANDATORY,
        ALL,
        "AS-ECR1, CKV_AWS_32, AVD-0032",
        List.of(Types.ECR_POLICY),
        (r, ctx) ->
            Problems.of(r)
                .require(
                    In.statements(In.document(r, "policy")).stream()
                        .noneMatch(s -> In.allows(s) && In.anyPrincipal(s) && !In.conditioned(s)),
                    "public",
                    "the policy allows principal * without a condition",
                    "name the accounts or roles that may pull")
                .list());
  }

  static Rule imageLifecycle() {
    return Rule.of(
        "PL-17",
        "image lifecycle keeps 10 images and expires untagged ones after 7 days (seed 003)",
        ADVISORY,
        ALL,
        "seed 003 (ECR lifecycle: keep 10, untagged 7 d)",
        List.of(Types.ECR_LIFECYCLE),
        (r, ctx) -> {
          List<JsonNode> rules =
              In.list(In.document(r, "policy").map(d -> d.get("rules")).orElse(null));
          boolean untagged =
              rules.stream()
                  .anyMatch(
                      x ->
                          x.path("selection").path("tagStatus").asText().equals("untagged")
                              && x.path("selection")
                                  .path("countType")
                                  .asText()
                                  .equals("sinceImagePushed")
                              && x.path("selection").path("countNumber").asInt() == 7);
          boolean keep10 =
              rules.stream()
                  .anyMatch(
                      x ->
                          x.path("selection")
                                  .path("countType")
                                  .asText()
                                  .equals("imageCountMoreThan")
                              && x.path("selection").path("countNumber").asInt() == 10);
          return Problems.of(r)
              .require(
                  untagged,
                  "untagged",
                  "untagged images are not expired after 7 days",
                  "add a rule tagStatus untagged, sinceImagePushed 7 days, expire")
              .require(
                  keep10,
                  "keep",
                  "does not keep the last 10 images",
                  "add a rule imageCountMoreThan 10, expire")
              .list();
        });
  }
}
