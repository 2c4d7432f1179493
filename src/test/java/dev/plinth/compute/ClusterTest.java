package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.ClusterSettings;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The cluster built alone, from hand-made placement, keys and logs. */
class ClusterTest {
  static final String EKS = "aws:eks/cluster:Cluster";
  static final String NODES = "aws:eks/nodeGroup:NodeGroup";
  static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
  static final String ADDON = "aws:eks/addon:Addon";
  static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
  static final String K8S = "pulumi:providers:kubernetes";

  static Cluster cluster(ClusterSettings settings) {
    return cluster("test-cluster", settings, Environment.STAGING);
  }

  /** A cluster of these settings alone, from hand-made handles; call it inside a program. */
  static Cluster cluster(String name, ClusterSettings settings, Environment environment) {
    return new Cluster(
        name,
        new Cluster.Args(
            settings,
            environment,
            Handles.placement("private"),
            Handles.appTier(),
            Handles.keys(),
            Handles.logs(),
            Map.of("Environment", environment.key()),
            Handles.aws()),
        ComponentResourceOptions.builder().build());
  }

  static ResourceGraph build() {
    return Handles.build(ctx -> cluster(Plans.config("staging").cluster()));
  }

  static final List<String> PRIVATE_SUBNETS =
      List.of("subnet-private-a", "subnet-private-b", "subnet-private-c");

  @Test
  void theControlPlaneAndTheNodeGroupUseThePrivatePlacementsSubnets() {
    ResourceGraph graph = build();

    RecordedResource eks = graph.get(EKS, "test-cluster-eks");
    assertThat(eks.input("vpcConfig.subnetIds").orElseThrow())
        .as("subnets of %s", eks)
        .extracting(n -> n.asText())
        .containsExactlyElementsOf(PRIVATE_SUBNETS);
    RecordedResource nodes = graph.get(NODES, "test-cluster-nodes");
    assertThat(nodes.input("subnetIds").orElseThrow())
        .as("subnets of %s", nodes)
        .extracting(n -> n.asText())
        .containsExactlyElementsOf(PRIVATE_SUBNETS);
  }

  @Test
  void theNodesSitInTheAppTiersSecurityGroupWithRootVolumesUnderTheClusterKey() {
    RecordedResource template = build().get(TEMPLATE, "test-cluster-nodes-lt");

    assertThat(template.text("vpcSecurityGroupIds.0"))
        .as("first security group of %s", template)
        .isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(template.text("blockDeviceMappings.0.ebs.kmsKeyId"))
        .as("root volume key of %s", template)
        .isEqualTo(Handles.keyArn("cluster"));
  }

  @Test
  void secretsAreEncryptedWithTheRingsClusterKeyAndLogsGoToTheLogStorage() {
    ResourceGraph graph = build();

    RecordedResource eks = graph.get(EKS, "test-cluster-eks");
    assertThat(eks.text("encryptionConfig.provider.keyArn"))
        .as("secrets key of %s", eks)
        .isEqualTo(Handles.keyArn("cluster"));
    RecordedResource logs = graph.get(LOG_GROUP, "test-cluster-logs");
    assertThat(logs.text("kmsKeyId")).as("key of %s", logs).isEqualTo(Handles.keyArn("logs"));
    assertThat(logs.input("retentionInDays").orElseThrow().asInt())
        .as("retention of %s", logs)
        .isEqualTo(Handles.logs().retentionDays());
    assertThat(eks.dependencies()).as("dependencies of %s", eks).contains(logs.urn());
  }

  @Test
  void theKubernetesProviderWaitsForTheNodeGroupAndEveryManagedAddOn() {
    ResourceGraph graph = build();

    RecordedResource provider = graph.get(K8S, "test-cluster-k8s");
    assertThat(provider.dependencies())
        .as("dependencies of %s", provider)
        .contains(graph.get(NODES, "test-cluster-nodes").urn());
    for (RecordedResource addon : graph.ofType(ADDON)) {
      assertThat(provider.dependencies())
          .as("%s waits for %s", provider, addon)
          .contains(addon.urn());
    }
  }

  @Test
  void theAccessHandleNamesTheVersionAndWaitsForTheNodeGroup() {
    AtomicReference<ClusterAccess> access = new AtomicReference<>();
    AtomicReference<Cluster> built = new AtomicReference<>();
    ClusterSettings settings = Plans.config("staging").cluster();
    Handles.build(
        ctx -> {
          built.set(cluster(settings));
          access.set(built.get().access());
        });

    assertThat(access.get().version())
        .as("version of test-cluster's access")
        .isEqualTo(settings.version());
    assertThat(access.get().readyAfter())
        .as("what test-cluster's access waits for")
        .containsExactly(built.get().nodeGroup());
    assertThat(access.get().kubernetes())
        .as("provider of test-cluster's access")
        .isSameAs(built.get().kubernetesProvider());
  }

  @Test
  void taintsFromConfigReachTheNodeGroup() {
    ClusterSettings settings =
        Plans.config(
                "dev",
                Map.of(
                    "plinth:cluster",
                    Map.of(
                        "nodes",
                        Map.of(
                            "taints",
                            List.of(
                                Map.of(
                                    "key",
                                    "dedicated",
                                    "value",
                                    "app",
                                    "effect",
                                    "NO_SCHEDULE"))))))
            .cluster();
    ResourceGraph graph = Handles.build(ctx -> cluster(settings));

    RecordedResource nodes = graph.get(NODES, "test-cluster-nodes");
    assertThat(nodes.text("taints.0.key")).as("taint key of %s", nodes).isEqualTo("dedicated");
    assertThat(nodes.text("taints.0.effect"))
        .as("taint effect of %s", nodes)
        .isEqualTo("NO_SCHEDULE");
  }
}
