package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Helm add-ons and their controllers' IAM policies, as the stacks plan them. */
class ClusterAddonsTest {
  static final String RELEASE = "kubernetes:helm.sh/v3:Release";
  static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Upstream's docs/install/iam_policy.json at kubernetes-sigs/aws-load-balancer-controller v2.13.2
   * (commit ac0e1ffc), stored unchanged: its SHA-256 as computed on 2026-12-02 from {@code git show
   * v2.13.2:docs/install/iam_policy.json | sha256sum}.
   */
  static final Path UPSTREAM_POLICY =
      Path.of(
          "src/main/resources/dev/plinth/compute/aws-load-balancer-controller-iam-policy-v2.13.2.json");

  static final String UPSTREAM_SHA256 =
      "16f232c9d9f79366fe949c4550ad517a202380058a9e48d45a4e215044a20a6a";

  static JsonNode statements(RecordedResource policy) throws Exception {
    return JSON.readTree(policy.text("policy")).get("Statement");
  }

  static List<String> actions(JsonNode statement) {
    JsonNode a = statement.get("Action");
    List<String> out = new ArrayList<>();
    if (a.isArray()) {
      a.forEach(x -> out.add(x.asText()));
    } else {
      out.add(a.asText());
    }
    return out;
  }

  @Test
  void theStoredControllerPolicyIsUpstreamsFileAtV2132ByteForByte() throws Exception {
    byte[] bytes = Files.readAllBytes(UPSTREAM_POLICY);

    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .as("%s is upstream's iam_policy.json at v2.13.2", UPSTREAM_POLICY)
        .isEqualTo(UPSTREAM_SHA256);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theLoadBalancerControllerGetsExactlyUpstreamsStatementsForThePinnedRelease(String env)
      throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource release =
        plan.get(RELEASE, env + "-cluster-addons-aws-load-balancer-controller");
    RecordedResource policy =
        plan.get(ROLE_POLICY, env + "-cluster-addons-lb-controller-role-policy");
    Set<JsonNode> ours = new HashSet<>();
    statements(policy).forEach(ours::add);
    Set<JsonNode> upstream = new HashSet<>();
    JSON.readTree(UPSTREAM_POLICY.toFile()).get("Statement").forEach(upstream::add);
    Set<String> ourActions = new HashSet<>();
    ours.forEach(s -> ourActions.addAll(actions(s)));

    assertThat(release.text("version")).as("chart of %s", release).isEqualTo("1.13.2");
    assertThat(ours).as("statements of %s", policy).isEqualTo(upstream);
    // Among the 21 actions the review found missing before.
    assertThat(ourActions)
        .contains(
            "ec2:DeleteTags",
            "ec2:GetSecurityGroupsForVpc",
            "elasticloadbalancing:SetWebAcl",
            "elasticloadbalancing:AddListenerCertificates",
            "elasticloadbalancing:ModifyListenerAttributes",
            "wafv2:AssociateWebACL",
            "wafv2:DisassociateWebACL",
            "shield:CreateProtection",
            "shield:DeleteProtection");
  }

  @Test
  void theControllerCannotTagASecurityGroupOrLoadBalancerItDidNotCreate() throws Exception {
    RecordedResource policy =
        Plans.ofStack("prod").get(ROLE_POLICY, "prod-cluster-addons-lb-controller-role-policy");

    for (JsonNode s : statements(policy)) {
      boolean tags =
          actions(s).stream()
              .anyMatch(
                  a ->
                      a.equals("ec2:CreateTags")
                          || a.equals("ec2:DeleteTags")
                          || a.equals("elasticloadbalancing:AddTags")
                          || a.equals("elasticloadbalancing:RemoveTags"));
      List<String> resources = new ArrayList<>();
      JsonNode r = s.get("Resource");
      if (r.isArray()) {
        r.forEach(x -> resources.add(x.asText()));
      } else {
        resources.add(r.asText());
      }
      boolean ownedKinds =
          resources.stream()
              .anyMatch(
                  x ->
                      x.equals("*")
                          || x.contains(":security-group/")
                          || x.contains(":loadbalancer/")
                          || x.contains(":targetgroup/"));
      if (tags && ownedKinds) {
        assertThat(s.has("Condition"))
            .as("tagging statement %s of %s carries a condition", s, policy)
            .isTrue();
        assertThat(s.get("Condition").toString())
            .as("condition of %s", s)
            .contains("elbv2.k8s.aws/cluster");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theClusterAutoscalersChartDeploysTheClustersKubernetesMinor(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource release = plan.get(RELEASE, env + "-cluster-addons-cluster-autoscaler");
    String clusterVersion =
        plan.get("aws:eks/cluster:Cluster", env + "-cluster-eks").text("version");

    // kubernetes/autoscaler cluster-autoscaler/charts/cluster-autoscaler/values.yaml image.tag at
    // tag cluster-autoscaler-chart-9.55.1: v1.35.0 (9.46.6 deployed v1.32.0).
    assertThat(clusterVersion).isEqualTo("1.35");
    assertThat(release.text("version")).as("chart of %s", release).isEqualTo("9.55.1");
    assertThat(release.input("values.image.tag"))
        .as("image override of %s: the chart's own image and RBAC go together", release)
        .isEmpty();
  }

  @Test
  void theAutoscalersPolicyIsUpstreamsWithoutDescribeTags() throws Exception {
    RecordedResource policy =
        Plans.ofStack("prod").get(ROLE_POLICY, "prod-cluster-addons-autoscaler-role-policy");
    List<String> granted = new ArrayList<>();
    statements(policy).forEach(s -> granted.addAll(actions(s)));

    // cluster-autoscaler/cloudprovider/aws/README.md, Full Cluster Autoscaler Features Policy, at
    // cluster-autoscaler-chart-9.55.1.
    assertThat(granted)
        .containsExactlyInAnyOrder(
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeLaunchConfigurations",
            "autoscaling:DescribeScalingActivities",
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:GetInstanceTypesFromInstanceRequirements",
            "eks:DescribeNodegroup",
            "autoscaling:SetDesiredCapacity",
            "autoscaling:TerminateInstanceInAutoScalingGroup");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theServiceMutatorWebhookIsOffSoNoServiceCreateRacesTheController(String env) {
    RecordedResource release =
        Plans.ofStack(env).get(RELEASE, env + "-cluster-addons-aws-load-balancer-controller");

    assertThat(release.input("values.enableServiceMutatorWebhook").map(JsonNode::asBoolean))
        .as("enableServiceMutatorWebhook of %s (chart default true)", release)
        .contains(false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyHelmReleaseWaitsForTheNodeGroup(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    String nodes = plan.get("aws:eks/nodeGroup:NodeGroup", env + "-cluster-nodes").urn();
    List<RecordedResource> releases = plan.ofType(RELEASE);

    assertThat(releases).hasSize(3);
    assertThat(releases)
        .allSatisfy(r -> assertThat(r.dependencies()).as("dependencies of %s", r).contains(nodes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theCloudWatchAddOnsRoleHasTheXRayPolicyTheEksGuideLists(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource xray =
        plan.get(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            env + "-cluster-cloudwatch-agent-role-AWSXrayWriteOnlyAccess");

    assertThat(xray.text("policyArn")).isEqualTo("arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess");
  }

  @Test
  void chartVersionsPlinthCannotVouchForAreRefusedWithTheirKeys() {
    ConfigException e =
        catchThrowableOfType(
            () ->
                Plans.config(
                    "prod",
                    Map.of(
                        "plinth:cluster",
                        Map.of(
                            "chartVersions",
                            Map.of(
                                "metrics-server", "3.12.2",
                                "cluster-autoscaler", "9.46.6",
                                "aws-load-balancer-controller", "1.14.0")))),
            ConfigException.class);

    assertThat(e).as("configuration exception").isNotNull();
    assertThat(e.problems().stream().map(ConfigProblem::message))
        .containsExactlyInAnyOrder(
            "plinth:cluster.chartVersions.cluster-autoscaler deploys cluster-autoscaler v1.32.0,"
                + " which does not support Kubernetes 1.35; use 9.55.1 (got 9.46.6)",
            "plinth:cluster.chartVersions.aws-load-balancer-controller must be a chart version"
                + " Plinth knows: 1.13.2 (got 1.14.0)");
  }
}
