package dev.plinth.compute;

import com.pulumi.core.Output;

/**
 * What a schedule needs to scale the cluster's managed node group from outside Kubernetes: the
 * names EKS UpdateNodegroupConfig takes, the node group's ARN (for an IAM policy on exactly it),
 * its Auto Scaling group's name, the Cluster Autoscaler's ownership tag on that group (whose
 * absence denies the autoscaler any scaling, see {@link Cluster#autoscalerOwnedTagKey}), and the
 * configured sizes to come back to.
 */
public record NodeGroupScaling(
    Output<String> clusterName,
    Output<String> nodeGroupName,
    Output<String> nodeGroupArn,
    Output<String> autoScalingGroupName,
    String autoscalerOwnedTagKey,
    int minSize,
    int maxSize,
    int desiredSize) {}
