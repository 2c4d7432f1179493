package dev.plinth.config;

import java.util.List;

/**
 * The VPC and its subnets ({@code plinth:network}).
 *
 * @param vpcCidr the VPC's IPv4 range; default 10.0.0.0/16 (seeds 001 and 003)
 * @param azCount availability zones used; 2 in dev (seed 004's minimum), 3 in staging and prod
 *     (seeds 001 and 003)
 * @param availabilityZoneIds zone ids to use ({@code use1-az1}: the same physical zone in every
 *     account, unlike the names {@code us-east-1a}, which AWS maps per account); empty (the
 *     default) takes the first {@code azCount} available ids of the region in their number's order,
 *     leaving out the ones EKS does not support (us-east-1's use1-az3, listed in the network
 *     package's ZoneIds.EKS_UNSUPPORTED)
 * @param natGateways {@code single}: one NAT gateway shared by all zones (dev, staging: cost);
 *     {@code perAz}: one per zone so losing a zone keeps egress (prod)
 * @param publicSubnets public tier (load balancer, NAT): seed 003's 10.0.1-3.0/24
 * @param privateSubnets private tier (cluster nodes and pods): seed 003's 10.0.11-13.0/24
 * @param databaseSubnets database tier (PostgreSQL, Redis), no route to the internet: seed 003's
 *     10.0.21-23.0/24
 * @param flowLogs VPC flow logs (all traffic) to an encrypted CloudWatch log group; on everywhere
 *     (seed 002: audit logging)
 * @param flowLogRetentionDays how long the flow logs are kept: 7 in dev and staging (seed 000: logs
 *     7 days), 365 in prod (seed 004: audit logs kept one year); one of the periods CloudWatch Logs
 *     accepts
 */
public record NetworkSettings(
    String vpcCidr,
    int azCount,
    List<String> availabilityZoneIds,
    NatGateways natGateways,
    SubnetTier publicSubnets,
    SubnetTier privateSubnets,
    SubnetTier databaseSubnets,
    boolean flowLogs,
    int flowLogRetentionDays) {

  /**
   * One tier's subnets: zone {@code i} gets the {@code (firstIndex + i)}-th block of size {@code
   * /prefixLength} inside the VPC. With a /16 VPC, /24 blocks and firstIndex 11, the zones get
   * 10.0.11.0/24, 10.0.12.0/24, 10.0.13.0/24.
   */
  public record SubnetTier(int prefixLength, int firstIndex) {}

  /** How many NAT gateways serve the private subnets. */
  public enum NatGateways implements Keyed {
    SINGLE("single"),
    PER_AZ("perAz");

    private final String key;

    NatGateways(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** The documented defaults of each environment. */
  public static NetworkSettings preset(Environment env) {
    return new NetworkSettings(
        "10.0.0.0/16",
        env == Environment.DEV ? 2 : 3,
        List.of(),
        env == Environment.PROD ? NatGateways.PER_AZ : NatGateways.SINGLE,
        new SubnetTier(24, 1),
        new SubnetTier(24, 11),
        new SubnetTier(24, 21),
        true,
        env == Environment.PROD ? 365 : 7);
  }
}
