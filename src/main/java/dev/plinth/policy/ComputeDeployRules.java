package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Deployability: the constraints that make AWS refuse a create or an update, for EKS, node groups,
 * add-ons, Helm charts, controller policies and Kubernetes objects (DEP-20 to DEP-39). Each rule
 * cites the API reference or service model field it encodes. DEP-20 to DEP-29: the cluster, its
 * access entries, node groups and their launch templates (models: botocore 1.43.11, eks 2017-11-01
 * and ec2 2016-11-15, read 2026-12-02).
 */
final class ComputeDeployRules {
  private ComputeDeployRules() {}

  static List<Rule> all() {
    return List.of(
        creatorAndAccessEntries(),
        accessEntryPrincipal(),
        desiredSizeIgnored(),
        waitsForRolePolicies(),
        nodeTags(),
        kubernetesAfterNodes(),
        scalingBounds(),
        nodeGroupWithTemplate(),
        templateForNodeGroup());
  }

  /** An IAM role or user ARN, any partition and path. */
  static final Pattern IAM_PRINCIPAL =
      Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+");

  static Rule creatorAndAccessEntries() {
    return Rule.of(
        "DEP-20",
        "no access entries beside the creator's bootstrapped admin entry",
        MANDATORY,
        ALL,
        "EKS CreateCluster accessConfig.bootstrapClusterCreatorAdminPermissions (default true),"
            + " EKS CreateAccessEntry principalArn (one entry per ARN; ResourceInUseException 409)",
        List.of(Types.EKS),
        (c, ctx) -> {
          boolean bootstrap =
              In.bool(c, "accessConfig.bootstrapClusterCreatorAdminPermissions", true);
          int entries = ctx.referring(c, Types.ACCESS_ENTRY).size();
          return Problems.of(c)
              .require(
                  !bootstrap || entries == 0,
                  "bootstrap",
                  "the creator gets an admin access entry (bootstrapClusterCreatorAdminPermissions"
                      + " true) and "
                      + entries
                      + " access entries are created beside it: one for the deploying role fails"
                      + " with 409",
                  "set accessConfig.bootstrapClusterCreatorAdminPermissions false and list every"
                      + " admin, the deploying role included")
              .list();
        });
  }

  static Rule accessEntryPrincipal() {
    return Rule.of(
        "DEP-21",
        "access entries name a distinct IAM role or user",
        MANDATORY,
        ALL,
        "EKS CreateAccessEntry principalArn (no STS session principals; one entry per ARN)",
        List.of(Types.ACCESS_ENTRY),
        (e, ctx) -> {
          String principal = In.text(e, "principalArn").orElse("");
          long same =
              ctx.ofType(Types.ACCESS_ENTRY).stream()
                  .filter(o -> !o.urn().equals(e.urn()))
                  .filter(o -> In.text(o, "clusterName").equals(In.text(e, "clusterName")))
                  .filter(o -> In.text(o, "principalArn").orElse("").equals(principal))
                  .count();
          return Problems.of(e)
              .require(
                  IAM_PRINCIPAL.matcher(principal).matches(),
                  "principal",
                  "principal " + principal + " is not an IAM role or user ARN",
                  "name the IAM role (arn:aws:iam::ACCOUNT:role/NAME), not an STS session")
              .require(
                  same == 0,
                  "duplicate",
                  "another access entry of the cluster names " + principal,
                  "keep one access entry per principal")
              .list();
        });
  }

  static Rule desiredSizeIgnored() {
    return Rule.of(
        "DEP-22",
        "node groups leave desiredSize to the Cluster Autoscaler after creation",
        MANDATORY,
        ALL,
        "EKS NodegroupScalingConfig.desiredSize (do not change it directly under the Cluster"
            + " Autoscaler)",
        List.of(Types.NODE_GROUP),
        (n, ctx) ->
            Problems.of(n)
                .require(
                    n.ignoreChanges().contains("scalingConfig.desiredSize")
                        || n.ignoreChanges().contains("scalingConfig"),
                    "desired-size",
                    "every update resets scalingConfig.desiredSize under the Cluster Autoscaler",
                    "add ignoreChanges scalingConfig.desiredSize")
                .list());
  }

  static Rule waitsForRolePolicies() {
    return Rule.of(
        "DEP-23",
        "the cluster and node groups depend on their role's policies",
        MANDATORY,
        ALL,
        "EKS User Guide Amazon EKS cluster IAM role and Amazon EKS node IAM role (the policies EKS"
            + " manages instances and network interfaces with), EKS DeleteCluster, EKS DeleteNodegroup",
        List.of(Types.EKS, Types.NODE_GROUP),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          for (RecordedResource role : ctx.referredBy(r, Types.ROLE)) {
            List<RecordedResource> policies = new ArrayList<>();
            policies.addAll(ctx.referring(role, Types.ROLE_POLICY_ATTACHMENT));
            policies.addAll(ctx.referring(role, Types.ROLE_POLICY));
            for (RecordedResource policy : policies) {
              p.require(
                  r.dependencies().contains(policy.urn()),
                  "role-policy",
                  "does not depend on "
                      + policy.name()
                      + ", so pulumi destroy removes that permission first",
                  "add dependsOn " + policy.name());
            }
          }
          return p.list();
        });
  }

  static Rule nodeTags() {
    return Rule.of(
        "DEP-24",
        "node launch templates tag instances and volumes",
        MANDATORY,
        ALL,
        "EC2 CreateLaunchTemplate LaunchTemplateData.TagSpecifications.ResourceType, EKS User Guide"
            + " Customize managed nodes with launch templates (Tagging Amazon EC2 instances)",
        List.of(Types.LAUNCH_TEMPLATE),
        (t, ctx) -> {
          if (ctx.referring(t, Types.NODE_GROUP).isEmpty()) {
            return List.of();
          }
          List<String> tagged =
              In.list(t, "tagSpecifications").stream()
                  .filter(s -> s.path("tags").size() > 0)
                  .map(s -> s.path("resourceType").asText())
                  .toList();
          Problems p = Problems.of(t);
          for (String type : List.of("instance", "volume")) {
            p.require(
                tagged.contains(type),
                type,
                "the node group's " + type + "s carry no tags (default tags stop at the template)",
                "add tagSpecifications { resourceType: " + type + ", tags }");
          }
          return p.list();
        });
  }

  static Rule kubernetesAfterNodes() {
    return Rule.of(
        "DEP-25",
        "the Kubernetes provider depends on a node group and on the cluster's access entries and"
            + " their policy associations",
        MANDATORY,
        ALL,
        "EKS DeleteNodegroup, AWS Load Balancer Controller TargetGroupBinding finalizer, EKS"
            + " CreateAccessConfigRequest bootstrapClusterCreatorAdminPermissions (false: the"
            + " deployer reaches the API only through its access entry)",
        List.of(Types.KUBERNETES_PROVIDER),
        (k, ctx) -> {
          Problems p =
              Problems.of(k)
                  .require(
                      ctx.referredBy(k, Types.NODE_GROUP).stream()
                          .anyMatch(n -> k.dependencies().contains(n.urn())),
                      "nodes",
                      "Kubernetes objects may be created before nodes run and outlive them on"
                          + " destroy (finalizers need running controllers)",
                      "add dependsOn the node group");
          List<RecordedResource> clusters = ctx.referredBy(k, Types.EKS);
          for (String type : List.of(Types.ACCESS_ENTRY, Types.ACCESS_POLICY_ASSOCIATION)) {
            for (RecordedResource a : ctx.ofType(type)) {
              boolean sameCluster = clusters.stream().anyMatch(c -> PolicyContext.refersTo(a, c));
              if (sameCluster && !k.dependencies().contains(a.urn())) {
                p.require(
                    false,
                    "access " + a.name(),
                    a.name()
                        + " may be deleted before the Kubernetes objects, whose deletion goes"
                        + " through it",
                    "add dependsOn " + a.name());
              }
            }
          }
          return p.list();
        });
  }

  static Rule scalingBounds() {
    return Rule.of(
        "DEP-26",
        "node group scaling: minSize >= 0, maxSize >= 1, minSize <= desiredSize <= maxSize",
        MANDATORY,
        ALL,
        "EKS CreateNodegroup scalingConfig (NodegroupScalingConfig: ZeroCapacity min 0, Capacity"
            + " min 1)",
        List.of(Types.NODE_GROUP),
        (n, ctx) -> {
          int min = In.integer(n, "scalingConfig.minSize").orElse(-1);
          int max = In.integer(n, "scalingConfig.maxSize").orElse(0);
          int desired = In.integer(n, "scalingConfig.desiredSize").orElse(-1);
          return Problems.of(n)
              .require(
                  min >= 0 && max >= 1 && min <= desired && desired <= max,
                  "scaling",
                  "scalingConfig min " + min + ", desired " + desired + ", max " + max,
                  "set all three with 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1")
              .list();
        });
  }

  static Rule nodeGroupWithTemplate() {
    return Rule.of(
        "DEP-27",
        "a node group on a launch template sets no remoteAccess or diskSize, and no instanceTypes"
            + " when the template has an instance type",
        MANDATORY,
        ALL,
        "EKS CreateNodegroup remoteAccess, diskSize and instanceTypes (with launchTemplate)",
        List.of(Types.NODE_GROUP),
        (n, ctx) -> {
          List<RecordedResource> templates = ctx.referredBy(n, Types.LAUNCH_TEMPLATE);
          if (templates.isEmpty()) {
            return List.of();
          }
          boolean templateType = templates.stream().anyMatch(t -> In.present(t, "instanceType"));
          return Problems.of(n)
              .require(
                  !In.present(n, "remoteAccess"),
                  "remote-access",
                  "sets remoteAccess with a launch template: the deployment fails",
                  "drop remoteAccess (use SSM, or a key in the launch template)")
              .require(
                  !In.present(n, "diskSize"),
                  "disk-size",
                  "sets diskSize with a launch template: the deployment fails",
                  "size the root volume in the template's blockDeviceMappings")
              .require(
                  !(templateType && !In.list(n, "instanceTypes").isEmpty()),
                  "instance-types",
                  "sets instanceTypes while its launch template sets instanceType",
                  "keep the instance type in one place")
              .list();
        });
  }

  static Rule templateForNodeGroup() {
    return Rule.of(
        "DEP-28",
        "a node group's launch template has no instance profile, subnet, spot request or"
            + " hibernation",
        MANDATORY,
        ALL,
        "EKS LaunchTemplateSpecification (no IamInstanceProfile, SubnetId, RequestSpotInstances,"
            + " HibernationOptions)",
        List.of(Types.LAUNCH_TEMPLATE),
        (t, ctx) -> {
          if (ctx.referring(t, Types.NODE_GROUP).isEmpty()) {
            return List.of();
          }
          boolean subnet =
              In.list(t, "networkInterfaces").stream()
                  .map(i -> i.path("subnetId"))
                  .anyMatch(ComputeDeployRules::set);
          return Problems.of(t)
              .require(
                  !In.present(t, "iamInstanceProfile"),
                  "instance-profile",
                  "sets iamInstanceProfile: EKS refuses it for a managed node group",
                  "drop it; EKS makes the profile from the node group's nodeRoleArn")
              .require(
                  !subnet,
                  "subnet",
                  "sets a network interface's subnetId",
                  "drop it; the node group's subnetIds place the nodes")
              .require(
                  !In.present(t, "instanceMarketOptions"),
                  "spot",
                  "sets instanceMarketOptions (a spot request)",
                  "drop it; set the node group's capacityType SPOT")
              .require(
                  !In.present(t, "hibernationOptions"),
                  "hibernation",
                  "sets hibernationOptions",
                  "drop hibernationOptions")
              .list();
        });
  }

  private static boolean set(JsonNode node) {
    return !node.isMissingNode() && !node.isNull() && !node.asText().isBlank();
  }
}
