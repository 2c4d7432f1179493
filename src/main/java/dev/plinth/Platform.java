package dev.plinth;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.PlatformConfig;
import dev.plinth.data.Keys;
import dev.plinth.edge.Certificate;
import dev.plinth.edge.Firewall;
import dev.plinth.edge.LoadBalancer;
import dev.plinth.network.Network;
import java.util.Map;
import java.util.TreeMap;

/**
 * The composition root: the whole platform of one stack, from a validated configuration. Both
 * {@code pulumi up} ({@link Main}) and the offline plan run exactly this.
 */
public final class Platform {
  private Platform() {}

  /** Tags every AWS resource carries, through the provider's default tags. */
  static Map<String, String> defaultTags(PlatformConfig config) {
    Map<String, String> tags = new TreeMap<>();
    tags.put("Environment", config.environment().key());
    tags.put("Project", PlatformConfig.PROJECT);
    tags.put("ManagedBy", "pulumi");
    tags.put("Stack", config.stack());
    return tags;
  }

  public static void deploy(Context ctx, PlatformConfig config) {
    String prefix = config.prefix();
    var provider =
        new Provider(
            prefix + "-aws",
            ProviderArgs.builder()
                .region(config.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(defaultTags(config)).build())
                .build());
    AwsContext aws = AwsContext.of(provider, config.region());
    var inAws = ComponentResourceOptions.builder().providers(provider).build();

    var keys = new Keys(prefix + "-keys", config.environment(), aws, inAws);
    var network =
        new Network(
            prefix + "-network",
            new Network.Args(
                config.network(),
                config.environment().key(),
                config.observability().logRetentionDays(),
                keys.logsKeyArn(),
                aws),
            inAws);

    EdgeSettings edge = config.edge();
    Certificate certificate =
        edge.httpOnly()
            ? null
            : new Certificate(
                prefix + "-edge-certificate",
                edge.certificateArn() != null
                    ? Certificate.Args.existing(edge.certificateArn())
                    : Certificate.Args.requested(
                        edge.domain(), edge.alternativeNames(), edge.hostedZoneId()),
                inAws);
    var loadBalancer =
        new LoadBalancer(
            prefix + "-edge-lb",
            new LoadBalancer.Args(
                edge,
                config.environment(),
                aws,
                network.vpcId(),
                network.publicSubnetIds(),
                network.appSecurityGroupId(),
                certificate == null ? null : certificate.arn()),
            inAws);
    var firewall =
        new Firewall(
            prefix + "-edge-waf",
            new Firewall.Args(
                edge.firewall(),
                config.environment().key(),
                aws,
                loadBalancer.arn(),
                config.observability().logRetentionDays(),
                keys.logsKeyArn()),
            inAws);

    ctx.export("region", com.pulumi.core.Output.of(config.region()));
    ctx.export("vpcId", network.vpcId());
    ctx.export("availabilityZones", network.availabilityZones());
    ctx.export("publicSubnetIds", network.publicSubnetIds());
    ctx.export("privateSubnetIds", network.privateSubnetIds());
    ctx.export("databaseSubnetIds", network.databaseSubnetIds());
    ctx.export("dbSubnetGroupName", network.dbSubnetGroupName());
    ctx.export("cacheSubnetGroupName", network.cacheSubnetGroupName());
    ctx.export("appSecurityGroupId", network.appSecurityGroupId());
    ctx.export("logsKeyArn", keys.logsKeyArn());
    ctx.export("albDnsName", loadBalancer.dnsName());
    ctx.export("albZoneId", loadBalancer.zoneId());
    ctx.export("albSecurityGroupId", loadBalancer.securityGroupId());
    ctx.export("url", loadBalancer.url());
    ctx.export("targetGroupArn", loadBalancer.targetGroupArn());
    ctx.export("webAclArn", firewall.webAclArn());
  }
}
