package dev.plinth.workloads;

import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.compute.ClusterAccess;
import dev.plinth.config.WorkloadSettings;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.List;

/**
 * Stand-ins for what the application waits for when it is built alone: a node group named {@code
 * test-nodes} and a second one, {@code test-addons}, standing for the cluster's add-ons (what a
 * {@link ClusterAccess}'s {@code readyAfter} lists); and the application built on them.
 */
final class StandIns {
  static final String NODES = "test-nodes";
  static final String ADDONS = "test-addons";
  static final String REPOSITORY_URL =
      Handles.ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/plinth/test/app-api";

  private StandIns() {}

  /** A node group of one node; call it inside the program given to build. */
  static NodeGroup nodeGroup(String name) {
    return new NodeGroup(
        name,
        NodeGroupArgs.builder()
            .clusterName("plinth-test")
            .nodeRoleArn("arn:aws:iam::" + Handles.ACCOUNT + ":role/" + name)
            .subnetIds(List.of("subnet-private-a"))
            .scalingConfig(
                NodeGroupScalingConfigArgs.builder().minSize(1).maxSize(1).desiredSize(1).build())
            .build());
  }

  /** The staging preset's workload settings. */
  static WorkloadSettings settings() {
    return Plans.config("staging").workloads();
  }

  /** The application {@code test-app}, on a cluster whose objects wait for both stand-ins. */
  static Application application(WorkloadSettings settings) {
    List<Resource> ready = List.of(nodeGroup(NODES), nodeGroup(ADDONS));
    return new Application(
        "test-app",
        new Application.Args(
            settings,
            "staging",
            Handles.REGION,
            Handles.cluster("1.35", ready),
            Output.of(REPOSITORY_URL),
            Handles.targetGroup(),
            Handles.database(),
            Handles.cache()),
        ComponentResourceOptions.builder().build());
  }
}
