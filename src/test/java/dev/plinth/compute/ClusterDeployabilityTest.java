package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyReport;
import dev.plinth.policy.Types;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a real {@code pulumi up} and {@code pulumi destroy} of the cluster need that the mock engine
 * does not enforce (issue 14: items 6, 7, 10, 11, 19).
 */
class ClusterDeployabilityTest {
  static final String DEPLOY = "arn:aws:iam::111122223333:role/plinth-deploy";
  static final String PREVIEW = "arn:aws:iam::111122223333:role/plinth-preview";
  static final String ACCESS_ENTRY = "aws:eks/accessEntry:AccessEntry";

  static ResourceGraph prodWith(Map<String, ?> cluster) {
    // A prod stack ready for pulumi up subscribes someone to its alerts (DEP-44) and names its
    // standby (PL-30), as Pulumi.prod.yaml does.
    return Plans.of(
        Plans.config(
            "prod",
            Map.of(
                "plinth:cluster",
                cluster,
                "plinth:observability",
                Map.of("alertEmails", List.of("oncall@plinth.dev")),
                "plinth:dr",
                Map.of("standbyStack", "prod-dr"))));
  }

  /**
   * prod's cluster alone with these cluster settings, named as in the stack ({@code prod-cluster}),
   * from hand-made handles: what these tests check is the cluster's own resources.
   */
  static ResourceGraph prodClusterAlone(Map<String, ?> cluster) {
    var config = Plans.config("prod", Map.of("plinth:cluster", cluster));
    return dev.plinth.testing.Handles.build(
        ctx -> ClusterTest.cluster("prod-cluster", config.cluster(), config.environment()));
  }

  static List<String> problems(Map<String, ?> cluster) {
    try {
      Plans.config("dev", Map.of("plinth:cluster", cluster));
      throw new AssertionError("expected configuration problems for " + cluster);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::message).toList();
    }
  }

  @Test
  void theCreatorIsNotBootstrappedSoEachListedAdminHasExactlyOneAccessEntry() {
    ResourceGraph plan = prodClusterAlone(Map.of("adminPrincipalArns", List.of(DEPLOY, PREVIEW)));
    RecordedResource eks = plan.get(Types.EKS, "prod-cluster-eks");

    // EKS CreateCluster accessConfig.bootstrapClusterCreatorAdminPermissions defaults to true: the
    // deploy role, listed and the creator, would get a second entry and a 409.
    assertThat(eks.input("accessConfig.bootstrapClusterCreatorAdminPermissions"))
        .as("bootstrapClusterCreatorAdminPermissions of %s", eks)
        .hasValueSatisfying(v -> assertThat(v.asBoolean()).isFalse());
    assertThat(plan.ofType(ACCESS_ENTRY))
        .extracting(e -> e.text("principalArn"))
        .containsExactlyInAnyOrder(DEPLOY, PREVIEW);
  }

  @Test
  void aStackReadyForPulumiUpPassesEveryMandatoryRuleWithItsAdminsAndRunnerAccess() {
    ResourceGraph plan =
        prodWith(
            Map.of(
                "adminPrincipalArns",
                List.of(DEPLOY, PREVIEW),
                "privateAccessSecurityGroupIds",
                List.of("sg-0123456789abcdef0"),
                "privateAccessCidrs",
                List.of("10.20.0.0/16")));
    PolicyReport report = Policy.evaluate(plan, Environment.PROD);

    assertThat(report.mandatoryFailures())
        .extracting(f -> f.ruleId() + " " + f.messages())
        .isEmpty();
    assertThat(report.verdict("DEP-21", "prod-cluster-admin-" + Cluster.shortHash(PREVIEW)))
        .as("DEP-21 checks the access entries")
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void adminPrincipalsMustBeDistinctIamRolesOrUsers() {
    assertThat(
            problems(
                Map.of(
                    "adminPrincipalArns",
                    List.of(
                        DEPLOY,
                        DEPLOY,
                        "arn:aws:sts::111122223333:assumed-role/plinth-deploy/gh-123"))))
        .containsExactlyInAnyOrder(
            "plinth:cluster.adminPrincipalArns[1] must not repeat an earlier entry: EKS allows one"
                + " access entry per principal (got "
                + DEPLOY
                + ")",
            "plinth:cluster.adminPrincipalArns[2] must be the ARN of an IAM role or user like"
                + " arn:aws:iam::123456789012:role/plinth-deploy (EKS refuses STS session ARNs)"
                + " (got arn:aws:sts::111122223333:assumed-role/plinth-deploy/gh-123)");
  }

  @Test
  void pulumiUpNeedsAnAdminPrincipalAndAWayToThePrivateEndpoint() {
    var config = Plans.config("dev");

    assertThat(ClusterValidation.forDeployment(config.cluster()))
        .extracting(ConfigProblem::message)
        .satisfiesExactlyInAnyOrder(
            m ->
                assertThat(m)
                    .startsWith(
                        "plinth:cluster.adminPrincipalArns must name the roles that run pulumi up"),
            m ->
                assertThat(m)
                    .startsWith(
                        "plinth:cluster.privateAccessSecurityGroupIds must name the security group"
                            + " of the runner"));
    var ready =
        Plans.config(
            "dev",
            Map.of(
                "plinth:cluster",
                Map.of(
                    "adminPrincipalArns",
                    List.of(DEPLOY),
                    "privateAccessSecurityGroupIds",
                    List.of("sg-0123456789abcdef0"))));
    assertThat(ClusterValidation.forDeployment(ready.cluster())).isEmpty();
    var publicFirstRun =
        Plans.config(
            "dev",
            Map.of(
                "plinth:cluster",
                Map.of(
                    "adminPrincipalArns",
                    List.of(DEPLOY),
                    "endpointPublicAccess",
                    true,
                    "publicAccessCidrs",
                    List.of("203.0.113.7/32"))));
    assertThat(ClusterValidation.forDeployment(publicFirstRun.cluster())).isEmpty();
  }

  @Test
  void privateAccessOpensHttpsOnTheClusterSecurityGroupToTheRunner() {
    ResourceGraph plan =
        prodClusterAlone(
            Map.of(
                "privateAccessSecurityGroupIds",
                List.of("sg-0123456789abcdef0"),
                "privateAccessCidrs",
                List.of("10.20.0.0/16")));
    RecordedResource eks = plan.get(Types.EKS, "prod-cluster-eks");
    List<RecordedResource> rules =
        plan.where(
            r ->
                r.type().equals(Types.SG_INGRESS) && r.name().startsWith("prod-cluster-api-from-"));

    assertThat(rules).as("ingress rules to the cluster's API").hasSize(2);
    String clusterSg = eks.urn();
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.input("fromPort").orElseThrow().asInt()).as("%s", r).isEqualTo(443);
              assertThat(r.input("toPort").orElseThrow().asInt()).as("%s", r).isEqualTo(443);
              assertThat(r.text("ipProtocol")).isEqualTo("tcp");
              assertThat(r.text("securityGroupId")).startsWith("sg-");
              assertThat(r.dependencies()).as("%s waits for the cluster", r).contains(clusterSg);
            });
    assertThat(rules.stream().flatMap(r -> r.input("referencedSecurityGroupId").stream()))
        .extracting(JsonNode::asText)
        .containsExactly("sg-0123456789abcdef0");
    assertThat(rules.stream().flatMap(r -> r.input("cidrIpv4").stream()))
        .extracting(JsonNode::asText)
        .containsExactly("10.20.0.0/16");
  }

  @Test
  void badPrivateAccessSettingsAreRefusedWithTheirKeys() {
    assertThat(
            problems(
                Map.of(
                    "privateAccessSecurityGroupIds",
                    List.of("runner"),
                    "privateAccessCidrs",
                    List.of("10.0.0.0/33", "0.0.0.0/0"))))
        .containsExactlyInAnyOrder(
            "plinth:cluster.privateAccessSecurityGroupIds[0] must be a security group id like"
                + " sg-0123456789abcdef0 (got runner)",
            "plinth:cluster.privateAccessCidrs[0] must be an IPv4 CIDR block like 10.0.0.0/16 (got"
                + " 10.0.0.0/33)",
            "plinth:cluster.privateAccessCidrs[1] must not open the API endpoint to every address;"
                + " name the runner's subnet or your VPN's CIDRs (got 0.0.0.0/0)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void nodeInstancesVolumesAndInterfacesCarryTheStacksTags(String env) {
    RecordedResource lt = Plans.ofStack(env).get(Types.LAUNCH_TEMPLATE, env + "-cluster-nodes-lt");
    List<JsonNode> specs = new ArrayList<>();
    lt.input("tagSpecifications").ifPresent(n -> n.forEach(specs::add));

    assertThat(specs)
        .as("tag specifications of %s", lt)
        .extracting(s -> s.path("resourceType").asText())
        .containsExactlyInAnyOrder("instance", "volume", "network-interface");
    assertThat(specs)
        .allSatisfy(
            s -> {
              assertThat(s.path("tags").path("Environment").asText()).isEqualTo(env);
              assertThat(s.path("tags").path("Service").asText()).isEqualTo("compute");
              assertThat(s.path("tags").path("CostCenter").asText()).isNotBlank();
            });
  }

  @Test
  void theAutoscalerOwnsTheNodeCountAfterCreation() {
    RecordedResource nodes = Plans.ofStack("prod").get(Types.NODE_GROUP, "prod-cluster-nodes");

    assertThat(nodes.ignoreChanges())
        .as("ignoreChanges of %s", nodes)
        .contains("scalingConfig.desiredSize");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theClusterAndTheNodeGroupDependOnTheirRolesPolicyAttachments(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource eks = plan.get(Types.EKS, env + "-cluster-eks");
    RecordedResource nodes = plan.get(Types.NODE_GROUP, env + "-cluster-nodes");

    assertThat(eks.dependencies())
        .as("dependencies of %s", eks)
        .contains(
            plan.get(Types.ROLE_POLICY_ATTACHMENT, env + "-cluster-role-AmazonEKSClusterPolicy")
                .urn());
    for (String policy :
        List.of(
            "AmazonEKSWorkerNodePolicy",
            "AmazonEC2ContainerRegistryReadOnly",
            "AmazonEKS_CNI_Policy")) {
      assertThat(nodes.dependencies())
          .as("dependencies of %s", nodes)
          .contains(
              plan.get(Types.ROLE_POLICY_ATTACHMENT, env + "-cluster-node-role-" + policy).urn());
    }
  }

  @Test
  void theKubernetesProviderWaitsForTheNodes() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource provider = plan.get("pulumi:providers:kubernetes", "prod-cluster-k8s");
    RecordedResource nodes = plan.get(Types.NODE_GROUP, "prod-cluster-nodes");

    assertThat(provider.dependencies()).as("dependencies of %s", provider).contains(nodes.urn());
  }

  @Test
  void theKubernetesProviderWaitsForTheAccessItsDeletionsGoThrough() {
    ResourceGraph plan =
        prodClusterAlone(
            Map.of(
                "adminPrincipalArns",
                List.of(DEPLOY, PREVIEW),
                "privateAccessSecurityGroupIds",
                List.of("sg-0123456789abcdef0"),
                "privateAccessCidrs",
                List.of("10.20.0.0/16")));
    RecordedResource provider = plan.get("pulumi:providers:kubernetes", "prod-cluster-k8s");
    List<RecordedResource> access =
        plan.where(
            r ->
                r.type().equals(ACCESS_ENTRY)
                    || r.type().equals("aws:eks/accessPolicyAssociation:AccessPolicyAssociation")
                    || (r.type().equals(Types.SG_INGRESS)
                        && r.name().startsWith("prod-cluster-api-from-")));

    // 2 entries, 2 associations, 2 ingress rules: a destroy removes them only after every
    // Kubernetes object and Helm release, which are deleted through them.
    assertThat(access).hasSize(6);
    assertThat(access)
        .allSatisfy(
            r ->
                assertThat(provider.dependencies())
                    .as("%s waits for %s", provider.name(), r.name())
                    .contains(r.urn()));
  }

  @Test
  void reorderingTheAdminsOrTheRunnersRenamesNothing() {
    ResourceGraph one =
        prodClusterAlone(
            Map.of(
                "adminPrincipalArns",
                List.of(DEPLOY, PREVIEW),
                "privateAccessCidrs",
                List.of("10.20.0.0/16", "10.30.0.0/16")));
    ResourceGraph other =
        prodClusterAlone(
            Map.of(
                "adminPrincipalArns",
                List.of(PREVIEW, DEPLOY),
                "privateAccessCidrs",
                List.of("10.30.0.0/16", "10.20.0.0/16")));
    java.util.function.Function<ResourceGraph, java.util.Map<String, String>> byName =
        g ->
            g
                .where(
                    r ->
                        r.type().equals(ACCESS_ENTRY)
                            || r.name().startsWith("prod-cluster-api-from-"))
                .stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        RecordedResource::name,
                        r -> r.text(r.type().equals(ACCESS_ENTRY) ? "principalArn" : "cidrIpv4")));

    // An access entry's principalArn cannot change in place (eks CreateAccessEntry), so a name
    // that moved to another principal would be a replacement.
    assertThat(byName.apply(one)).hasSize(4).isEqualTo(byName.apply(other));
  }
}
