package dev.plinth.network;

import com.pulumi.core.Output;

/**
 * The application tier's security group ({@link Network#appTier}): the load balancer sends traffic
 * to it, the nodes carry it, and the data stores admit traffic from it. A type of its own, so that
 * it cannot be passed where a VPC id or a subnet is expected.
 */
public record AppTier(Output<String> securityGroupId) {}
