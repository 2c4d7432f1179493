package dev.plinth;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.backup.Backups;
import dev.plinth.compute.Cluster;
import dev.plinth.compute.ClusterAddons;
import dev.plinth.compute.Registry;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.PlatformConfig;
import dev.plinth.data.Cache;
import dev.plinth.data.Database;
import dev.plinth.data.KeyDomain;
import dev.plinth.data.Keys;
import dev.plinth.data.Secrets;
import dev.plinth.edge.Certificate;
import dev.plinth.edge.Firewall;
import dev.plinth.edge.LoadBalancer;
import dev.plinth.network.Network;
import dev.plinth.observability.AuditTrail;
import dev.plinth.observability.Budget;
import dev.plinth.observability.Monitoring;
import dev.plinth.workloads.Application;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The composition root: the whole platform of one stack, from a validated configuration. Both
 * {@code pulumi up} ({@link Main}) and the offline plan run exactly this.
 */
public final class Platform {
  private Platform() {}

  /**
   * Tags every AWS resource carries, through its provider's default tags (seed 004: cost allocation
   * by environment, service and team). {@code Service} names the component that owns the resource.
   */
  static Map<String, String> defaultTags(PlatformConfig config, String service) {
    Map<String, String> tags = new TreeMap<>();
    tags.put("Environment", config.environment().key());
    tags.put("Project", PlatformConfig.PROJECT);
    tags.put("Service", service);
    tags.put("ManagedBy", "pulumi");
    tags.put("Stack", config.stack());
    tags.put("Owner", config.observability().owner());
    tags.put("CostCenter", config.observability().costCenter());
    return tags;
  }

  /**
   * One explicit AWS provider per service, all in the stack's region, differing only in their
   * {@code Service} default tag; the provider named {@code <env>-aws} (service {@code platform})
   * also answers the account invokes.
   */
  static Provider provider(PlatformConfig config, String service) {
    String name = config.prefix() + "-aws" + (service.equals("platform") ? "" : "-" + service);
    return new Provider(
        name,
        ProviderArgs.builder()
            .region(config.region())
            .defaultTags(
                ProviderDefaultTagsArgs.builder().tags(defaultTags(config, service)).build())
            .build());
  }

  /** Component options that put a component's AWS resources under its service's provider. */
  static ComponentResourceOptions in(PlatformConfig config, String service) {
    return ComponentResourceOptions.builder().providers(provider(config, service)).build();
  }

  public static void deploy(Context ctx, PlatformConfig config) {
    String prefix = config.prefix();
    var provider = provider(config, "platform");
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
            in(config, "network"));

    var inEdge = in(config, "edge");
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
                inEdge);
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
            inEdge);
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
            inEdge);

    // The disaster-recovery region's provider: the backups' replicas and copies, and the
    // database's replicated automated backups.
    var backupSettings = config.backups();
    var drProvider =
        new Provider(
            prefix + "-aws-dr",
            ProviderArgs.builder()
                .region(backupSettings.drRegion())
                .defaultTags(
                    ProviderDefaultTagsArgs.builder().tags(defaultTags(config, "backups")).build())
                .build());

    var inData = in(config, "data");
    var secrets =
        new Secrets(
            prefix + "-secrets",
            config.environment(),
            config.secrets().app(),
            keys.arn(KeyDomain.SECRETS),
            inData);
    var database =
        new Database(
            prefix + "-db",
            new Database.Args(
                config.database(),
                config.environment(),
                network.vpcId(),
                network.dbSubnetGroupName(),
                network.appSecurityGroupId(),
                network.availabilityZones(),
                keys.arn(KeyDomain.DATABASE),
                keys.arn(KeyDomain.SECRETS),
                keys.logsKeyArn(),
                config.observability().logRetentionDays(),
                aws,
                backupSettings.drRegion(),
                drProvider),
            inData);
    var cache =
        new Cache(
            prefix + "-cache",
            new Cache.Args(
                config.cache(),
                config.environment(),
                network.vpcId(),
                network.cacheSubnetGroupName(),
                network.appSecurityGroupId(),
                keys.arn(KeyDomain.CACHE),
                keys.logsKeyArn(),
                config.observability().logRetentionDays(),
                secrets),
            inData);
    var backups =
        new Backups(
            prefix + "-backups",
            new Backups.Args(
                backupSettings,
                config.environment(),
                aws,
                keys.arn(KeyDomain.BACKUP),
                database.arn(),
                drProvider),
            in(config, "backups"));
    ctx.export("backupsBucketName", backups.bucketName());
    ctx.export("drBucketName", backups.drBucketName());
    ctx.export("backupVaultName", backups.vaultName());
    ctx.export("backupPlanId", backups.planId());
    ctx.export("dbEndpoint", database.endpoint());
    ctx.export("dbReplicaAddresses", database.replicaAddresses());
    ctx.export("dbMasterSecretArn", database.masterSecretArn());
    ctx.export("dbReplicatedBackupsArn", database.replicatedBackupsArn());
    ctx.export("cacheConfigurationEndpoint", cache.configurationEndpoint());
    ctx.export("cacheAuthSecretArn", cache.authSecretArn());
    ctx.export("appSecretArns", secrets.arns());

    var inCompute = in(config, "compute");
    var registry =
        new Registry(
            prefix + "-registry",
            config.environment().key(),
            config.cluster().repositories(),
            keys.arn(KeyDomain.CLUSTER),
            config.environment().isProduction(),
            inCompute);
    var cluster =
        new Cluster(
            prefix + "-cluster",
            new Cluster.Args(
                config.cluster(),
                config.environment().key(),
                config.environment().isProduction(),
                config.observability().logRetentionDays(),
                config.observability().applicationLogRetentionDays(),
                network.privateSubnetIds(),
                network.appSecurityGroupId(),
                keys.arn(KeyDomain.CLUSTER),
                keys.logsKeyArn(),
                defaultTags(config, "compute"),
                aws),
            inCompute);
    var addons =
        new ClusterAddons(
            prefix + "-cluster-addons",
            new ClusterAddons.Args(
                config.cluster(),
                config.region(),
                cluster.clusterName(),
                cluster.oidcProviderArn(),
                cluster.oidcIssuer(),
                network.vpcId(),
                cluster.kubernetesProvider(),
                List.of(cluster.nodeGroup())),
            inCompute);
    var workloads = config.workloads();
    if (workloads.enabled()) {
      var application =
          new Application(
              prefix + "-app",
              new Application.Args(
                  workloads,
                  config.environment().key(),
                  config.region(),
                  config.cluster().version(),
                  registry.repositoryUrls().applyValue(urls -> urls.get(workloads.repository())),
                  loadBalancer.targetGroupArn(),
                  cluster.oidcProviderArn(),
                  cluster.oidcIssuer(),
                  database.address(),
                  Database.PORT,
                  Database.DATABASE_NAME,
                  database.masterSecretArn(),
                  cache.configurationEndpoint(),
                  Cache.PORT,
                  cache.authSecretArn(),
                  keys.arn(KeyDomain.SECRETS),
                  cluster.kubernetesProvider(),
                  List.of(addons),
                  config.edge().targetGroup().deregistrationDelaySeconds()),
              in(config, "workloads"));
      ctx.export("appNamespace", application.namespace());
      ctx.export("appImage", application.image());
      ctx.export("appRoleArn", application.roleArn());
    }
    ctx.export("clusterName", cluster.clusterName());
    ctx.export("clusterEndpoint", cluster.endpoint());
    ctx.export("oidcProviderArn", cluster.oidcProviderArn());
    ctx.export("kubeconfig", cluster.kubeconfig());
    ctx.export("repositoryUrls", registry.repositoryUrls());

    var observability = config.observability();
    var inObservability = in(config, "observability");
    var monitoring =
        new Monitoring(
            prefix + "-monitoring",
            new Monitoring.Args(
                config.environment().key(),
                config.region(),
                observability,
                keys.arn(KeyDomain.ALERTS),
                aws.accountId(),
                Optional.of(
                    new Monitoring.AlbTargets(
                        loadBalancer.arnSuffix(), loadBalancer.targetGroupArnSuffix())),
                Optional.of(
                    new Monitoring.DatabaseTargets(
                        database.identifier(),
                        database.replicaIdentifiers(),
                        config.database().allocatedStorageGb(),
                        Database.maxConnections(config.database().instanceClass()))),
                Optional.of(
                    new Monitoring.CacheTargets(
                        cache.replicationGroupId(),
                        config.cache().shards(),
                        config.cache().replicasPerShard())),
                Optional.of(new Monitoring.ClusterTargets(cluster.clusterName()))),
            inObservability);
    var budget =
        new Budget(
            prefix + "-budget",
            new Budget.Args(
                config.environment().key(),
                config.cost().budgetMonthlyUsd(),
                observability.alertEmails(),
                monitoring.alertTopicArn(),
                observability.costAllocationTag()
                    == dev.plinth.config.ObservabilitySettings.CostAllocationTag.ACTIVATE),
            inObservability);
    if (observability.auditTrail()) {
      var audit =
          new AuditTrail(
              prefix + "-audit",
              new AuditTrail.Args(
                  config.environment().key(),
                  observability.auditRetentionDays(),
                  observability.guardDuty(),
                  config.environment().isProduction(),
                  keys.arn(KeyDomain.AUDIT),
                  keys.logsKeyArn(),
                  backups.accessLogsBucket(),
                  aws),
              inObservability);
      ctx.export("trailArn", audit.trailArn());
      ctx.export("auditBucketName", audit.bucketName());
    }
    ctx.export("alertTopicArn", monitoring.alertTopicArn());
    ctx.export("dashboardName", monitoring.dashboardName());
    ctx.export("budgetName", budget.budgetName());
    // What this stack owns for its whole account and region (plan --all and DEP-41/DEP-43 read
    // it): who creates the GuardDuty detector and who activates the cost allocation tag.
    ctx.export(
        "accountSingletons",
        com.pulumi.core.Output.of(
            Map.of(
                "guardDuty", observability.guardDuty().key(),
                "costAllocationTag", observability.costAllocationTag().key())));

    ctx.export("region", com.pulumi.core.Output.of(config.region()));
    ctx.export("vpcId", network.vpcId());
    ctx.export("availabilityZones", network.availabilityZones());
    ctx.export("availabilityZoneIds", network.availabilityZoneIds());
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
