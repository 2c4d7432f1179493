package dev.plinth.network;

import com.pulumi.core.Output;
import java.util.List;

/**
 * Where a data store (RDS, ElastiCache) lives: the VPC, the subnet group the network made for it
 * over the database tier's subnets, and the zones those subnets are in ({@link
 * Network#databasePlacement}, {@link Network#cachePlacement}).
 */
public record DataPlacement(
    Output<String> vpcId, Output<String> subnetGroupName, Output<List<String>> zones) {}
