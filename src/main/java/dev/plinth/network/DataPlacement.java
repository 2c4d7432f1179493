package dev.plinth.network;

import com.pulumi.core.Output;
import java.util.List;

/**
 * Where a data store (RDS, ElastiCache) lives: the VPC, the subnet group the network made for it
 * over the database tier's subnets, the zones those subnets are in, and the subnets themselves
 * (what takes subnet ids rather than a group, such as RDS Proxy) ({@link
 * Network#databasePlacement}, {@link Network#cachePlacement}).
 */
public record DataPlacement(
    Output<String> vpcId,
    Output<String> subnetGroupName,
    Output<List<String>> zones,
    Output<List<String>> subnetIds) {}
