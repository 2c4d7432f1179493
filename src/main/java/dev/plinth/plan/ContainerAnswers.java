package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The container services' answers: an EKS cluster's endpoint, certificate data, OIDC issuer and
 * cluster security group; a node group's Auto Scaling group; the IAM OIDC provider's ARN for the
 * cluster's issuer; an ECR repository's URL.
 */
final class ContainerAnswers {
  private ContainerAnswers() {}

  static void cluster(String region, String id, Map<String, Object> state) {
    String hex = hash(id).substring(0, 32).toUpperCase(Locale.ROOT);
    state.put("endpoint", "https://" + hex + ".gr7." + region + ".eks.amazonaws.com");
    state.put(
        "certificateAuthority",
        Map.of(
            "data",
            Base64.getEncoder()
                .encodeToString(("offline-ca-" + hex).getBytes(StandardCharsets.UTF_8))));
    state.put(
        "identities",
        List.of(
            Map.of(
                "oidcs",
                List.of(
                    Map.of("issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + hex)))));
    Map<String, Object> vpc = new LinkedHashMap<>();
    if (state.get("vpcConfig") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> vpc.put(String.valueOf(k), v));
    }
    vpc.put("clusterSecurityGroupId", "sg-" + hash(id + "cluster").substring(0, 17));
    state.put("vpcConfig", vpc);
  }

  /**
   * A node group: its name (Pulumi's auto-name stands in for the one EKS keeps), its ARN as EKS
   * writes it ({@code arn:aws:eks:<region>:<account>:nodegroup/<cluster>/<name>/<uuid>}, Service
   * Authorization Reference, Amazon EKS resource types) and its Auto Scaling group.
   */
  static void nodeGroup(String region, String id, Map<String, Object> state) {
    // Pulumi auto-names nodeGroupName (the resource's name and a random suffix) when it is not set.
    state.putIfAbsent("nodeGroupName", state.get("name"));
    state.put(
        "arn",
        "arn:aws:eks:"
            + region
            + ":"
            + MockCloud.ACCOUNT_ID
            + ":nodegroup/"
            + state.get("clusterName")
            + "/"
            + state.get("nodeGroupName")
            + "/"
            + MockValues.uuid(id));
    state.put(
        "resources",
        List.of(
            Map.of(
                "autoscalingGroups",
                List.of(
                    Map.of("name", "eks-" + state.get("name") + "-" + hash(id).substring(0, 8))))));
  }

  /** A schedule group's ARN as Scheduler writes it: {@code ...:schedule-group/<name>}. */
  static void scheduleGroup(String region, String id, Map<String, Object> state) {
    state.put(
        "arn",
        "arn:aws:scheduler:"
            + region
            + ":"
            + MockCloud.ACCOUNT_ID
            + ":schedule-group/"
            + state.get("name"));
  }

  static void openIdConnectProvider(String region, String id, Map<String, Object> state) {
    state.put(
        "arn",
        "arn:aws:iam::"
            + MockCloud.ACCOUNT_ID
            + ":oidc-provider/"
            + String.valueOf(state.get("url")).replaceFirst("^https://", ""));
  }

  static void repository(String region, String id, Map<String, Object> state) {
    state.put(
        "repositoryUrl",
        MockCloud.ACCOUNT_ID + ".dkr.ecr." + region + ".amazonaws.com/" + state.get("name"));
  }
}
