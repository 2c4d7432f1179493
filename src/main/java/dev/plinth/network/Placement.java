package dev.plinth.network;

import com.pulumi.core.Output;
import java.util.List;

/**
 * Where a component places its network interfaces: the VPC and the subnets of one tier ({@link
 * Network#placement}), one per availability zone, in the order of {@code zones}.
 */
public record Placement(
    Output<String> vpcId, Output<List<String>> subnetIds, Output<List<String>> zones) {}
