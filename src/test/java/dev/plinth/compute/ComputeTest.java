package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComputeTest {
  static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";

  @ParameterizedTest
  @CsvSource({
    "dev, 1, 4, SPOT, t4g.medium",
    "staging, 2, 10, ON_DEMAND, t4g.medium",
    "prod, 3, 10, ON_DEMAND, m6i.xlarge"
  })
  void theNodeGroupScalesWithinTheSeedsBounds(
      String env, int min, int max, String capacity, String type) {
    RecordedResource nodes = Plans.ofStack(env).get(NODE_GROUP, env + "-cluster-nodes");

    assertThat(nodes.input("scalingConfig.minSize").orElseThrow().asInt())
        .as("min of %s", nodes)
        .isEqualTo(min);
    assertThat(nodes.input("scalingConfig.maxSize").orElseThrow().asInt())
        .as("max of %s", nodes)
        .isEqualTo(max);
    assertThat(nodes.text("capacityType")).isEqualTo(capacity);
    assertThat(nodes.text("instanceTypes.0")).isEqualTo(type);
    assertThat(nodes.input("remoteAccess")).as("SSH access of %s", nodes).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void nodesRequireImdsV2AndAnEncryptedRootVolume(String env) {
    RecordedResource lt =
        Plans.ofStack(env).get("aws:ec2/launchTemplate:LaunchTemplate", env + "-cluster-nodes-lt");

    assertThat(lt.text("metadataOptions.httpTokens")).as("IMDS of %s", lt).isEqualTo("required");
    assertThat(lt.text("blockDeviceMappings.0.ebs.encrypted")).isEqualTo("true");
    assertThat(lt.text("blockDeviceMappings.0.ebs.volumeType")).isEqualTo("gp3");
    assertThat(lt.text("blockDeviceMappings.0.ebs.kmsKeyId")).startsWith("arn:aws:kms:");
    assertThat(lt.input("keyName")).as("SSH key of %s", lt).isEmpty();
    assertThat(lt.input("vpcSecurityGroupIds").orElseThrow()).hasSize(2);
  }

  @Test
  void theAutoscalerDiscoveryTagsReachTheNodeGroupsAutoScalingGroup() {
    ResourceGraph plan = Plans.ofStack("prod");
    List<RecordedResource> tags = plan.ofType("aws:autoscaling/tag:Tag");

    assertThat(tags).hasSize(2);
    assertThat(tags)
        .allSatisfy(
            t -> assertThat(t.text("autoscalingGroupName")).startsWith("eks-prod-cluster-nodes"));
    assertThat(tags.stream().map(t -> t.text("tag.key")))
        .containsExactlyInAnyOrder(
            "k8s.io/cluster-autoscaler/enabled", "k8s.io/cluster-autoscaler/plinth-prod");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theEndpointIsPrivateAndSecretsAndLogsAreCovered(String env) {
    RecordedResource eks = Plans.ofStack(env).get("aws:eks/cluster:Cluster", env + "-cluster-eks");

    assertThat(eks.input("vpcConfig.endpointPrivateAccess").orElseThrow().asBoolean()).isTrue();
    assertThat(eks.input("vpcConfig.endpointPublicAccess").orElseThrow().asBoolean())
        .as("public endpoint of %s", eks)
        .isFalse();
    assertThat(eks.text("encryptionConfig.resources.0")).isEqualTo("secrets");
    assertThat(eks.text("encryptionConfig.provider.keyArn")).startsWith("arn:aws:kms:");
    assertThat(eks.input("enabledClusterLogTypes").orElseThrow()).hasSize(5);
    assertThat(eks.text("accessConfig.authenticationMode")).isEqualTo("API");
    assertThat(eks.protect()).isEqualTo(env.equals("prod"));
  }

  @Test
  void aPublicEndpointIsLimitedToNamedCidrs() {
    var plan =
        Plans.of(
            Plans.config(
                "dev",
                Map.of(
                    "plinth:cluster",
                    Map.of(
                        "endpointPublicAccess",
                        true,
                        "publicAccessCidrs",
                        List.of("203.0.113.0/24")))));
    RecordedResource eks = plan.get("aws:eks/cluster:Cluster", "dev-cluster-eks");

    assertThat(eks.text("vpcConfig.publicAccessCidrs.0")).isEqualTo("203.0.113.0/24");
  }

  @Test
  void badClusterSettingsAreRefusedWithTheirKeys() {
    try {
      Plans.config(
          "dev",
          Map.of(
              "plinth:cluster",
              Map.of(
                  "endpointPublicAccess", true,
                  "publicAccessCidrs", List.of("0.0.0.0/0"),
                  "nodes", Map.of("minSize", 3, "maxSize", 2, "desiredSize", 3))));
      throw new AssertionError("expected configuration problems");
    } catch (ConfigException e) {
      assertThat(e.problems().stream().map(ConfigProblem::message))
          .containsExactlyInAnyOrder(
              "plinth:cluster.nodes.desiredSize must be between minSize (3) and maxSize (2) (got 3)",
              "plinth:cluster.nodes.maxSize must be at least minSize (3) (got 2)",
              "plinth:cluster.publicAccessCidrs[0] must not open the API endpoint to the whole internet;"
                  + " name your offices' or VPN's CIDRs (got 0.0.0.0/0)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyIrsaTrustPolicyNamesExactlyOneServiceAccount(String env) throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    List<RecordedResource> irsa =
        plan.where(
            r ->
                r.type().equals("aws:iam/role:Role")
                    && r.text("assumeRolePolicy").contains("AssumeRoleWithWebIdentity"));

    assertThat(irsa).isNotEmpty();
    for (RecordedResource role : irsa) {
      JsonNode statement =
          new ObjectMapper().readTree(role.text("assumeRolePolicy")).at("/Statement/0");
      JsonNode equals = statement.at("/Condition/StringEquals");
      List<String> subjects = new java.util.ArrayList<>();
      equals
          .fields()
          .forEachRemaining(
              f -> {
                if (f.getKey().endsWith(":sub")) subjects.add(f.getValue().asText());
              });
      assertThat(subjects).as("service accounts trusted by %s", role).hasSize(1);
      assertThat(subjects.get(0)).startsWith("system:serviceaccount:");
      assertThat(statement.at("/Condition/StringLike").isMissingNode())
          .as("wildcards in %s", role)
          .isTrue();
    }
  }

  @Test
  void theKubeconfigIsASecretOutputAndCarriesNoCredential() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource k8s = plan.get("pulumi:providers:kubernetes", "prod-cluster-k8s");

    assertThat(plan.outputs().get("kubeconfig").asText()).isEqualTo("[secret]");
    assertThat(k8s.text("kubeconfig")).isEqualTo("[secret]");
    String kubeconfig = Cluster.kubeconfig("c", "us-east-1", "https://x", "Y2E=");
    assertThat(kubeconfig)
        .contains("\"get-token\"")
        .doesNotContain("token\":")
        .doesNotContain("password");
  }

  @Test
  void repositoriesScanOnPushKeepTagsImmutableAndExpireOldImages() throws Exception {
    ResourceGraph plan = Plans.ofStack("prod");
    for (String repo : List.of("app-api", "app-worker")) {
      RecordedResource r = plan.get("aws:ecr/repository:Repository", "prod-registry-" + repo);
      assertThat(r.text("imageTagMutability")).isEqualTo("IMMUTABLE");
      assertThat(r.input("imageScanningConfiguration.scanOnPush").orElseThrow().asBoolean())
          .isTrue();
      assertThat(r.text("encryptionConfigurations.0.encryptionType")).isEqualTo("KMS");
      assertThat(r.protect()).isTrue();
      JsonNode rules =
          new ObjectMapper()
              .readTree(
                  plan.get(
                          "aws:ecr/lifecyclePolicy:LifecyclePolicy",
                          "prod-registry-" + repo + "-lifecycle")
                      .text("policy"))
              .get("rules");
      assertThat(rules.get(0).at("/selection/countNumber").asInt()).isEqualTo(7);
      assertThat(rules.get(1).at("/selection/countNumber").asInt()).isEqualTo(10);
    }
  }

  @Test
  void helmAddOnsArePinnedRunThroughTheClustersProviderAndTheAutoscalerScalesDownAfter10Minutes() {
    ResourceGraph plan = Plans.ofStack("prod");
    String k8s = plan.get("pulumi:providers:kubernetes", "prod-cluster-k8s").urn();
    List<RecordedResource> releases = plan.ofType("kubernetes:helm.sh/v3:Release");

    assertThat(releases.stream().map(RecordedResource::name))
        .containsExactlyInAnyOrder(
            "prod-cluster-addons-metrics-server",
            "prod-cluster-addons-cluster-autoscaler",
            "prod-cluster-addons-aws-load-balancer-controller");
    assertThat(releases)
        .allSatisfy(
            r -> {
              assertThat(r.text("version"))
                  .as("chart version of %s", r)
                  .matches("\\d+\\.\\d+\\.\\d+");
              assertThat(r.provider()).as("provider of %s", r).startsWith(k8s);
            });
    RecordedResource autoscaler =
        plan.get("kubernetes:helm.sh/v3:Release", "prod-cluster-addons-cluster-autoscaler");
    assertThat(autoscaler.text("values.extraArgs.scale-down-unneeded-time")).isEqualTo("10m");
    assertThat(autoscaler.text("values.autoDiscovery.clusterName")).isEqualTo("plinth-prod");
  }
}
