package dev.plinth.compute;

import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import dev.plinth.testing.Handles;
import java.util.List;

/**
 * Stand-ins for what the compute components wait for, when one is built alone: a node group named
 * {@code test-nodes}, for a {@link ClusterAccess}'s {@code readyAfter}.
 */
final class StandIns {
  static final String NODES = "test-nodes";

  private StandIns() {}

  /** A node group of one node in a private subnet; call it inside the program given to build. */
  static NodeGroup nodes() {
    return new NodeGroup(
        NODES,
        NodeGroupArgs.builder()
            .clusterName("plinth-test")
            .nodeRoleArn("arn:aws:iam::" + Handles.ACCOUNT + ":role/test-nodes")
            .subnetIds(List.of("subnet-private-a"))
            .scalingConfig(
                NodeGroupScalingConfigArgs.builder().minSize(1).maxSize(1).desiredSize(1).build())
            .build());
  }

  /** Access to the test cluster at version 1.35 whose objects wait for a stand-in node group. */
  static ClusterAccess clusterAfterNodes() {
    return Handles.cluster("1.35", List.of(nodes()));
  }
}
