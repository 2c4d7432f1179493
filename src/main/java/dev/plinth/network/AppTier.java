package dev.plinth.network;

import com.pulumi.core.Output;
import java.util.List;

/**
 * The application tier ({@link Network#appTier}): its security group, which the load balancer sends
 * traffic to, the nodes carry, and the data stores admit traffic from; and its subnets (the private
 * tier, one per zone), which reach AWS's regional endpoints through the NAT gateways, where
 * functions that work for the data stores run (the database's password rotation). A type of its
 * own, so that it cannot be passed where a VPC id or a single subnet is expected.
 */
public record AppTier(Output<String> securityGroupId, Output<List<String>> subnetIds) {}
