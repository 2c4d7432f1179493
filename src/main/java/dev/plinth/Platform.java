package dev.plinth;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.access.ClientVpn;
import dev.plinth.access.OperatorAccess;
import dev.plinth.access.Reach;
import dev.plinth.access.SessionLogging;
import dev.plinth.access.SessionRetention;
import dev.plinth.backup.Backups;
import dev.plinth.compute.Cluster;
import dev.plinth.compute.ClusterAccess;
import dev.plinth.compute.ClusterAddons;
import dev.plinth.compute.Registry;
import dev.plinth.config.DrSettings;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.ObservabilitySettings.CostAllocationTag;
import dev.plinth.config.PlatformConfig;
import dev.plinth.data.Cache;
import dev.plinth.data.Database;
import dev.plinth.data.SecretReplication;
import dev.plinth.data.Secrets;
import dev.plinth.edge.Cdn;
import dev.plinth.edge.CdnFront;
import dev.plinth.edge.CdnValidation;
import dev.plinth.edge.Certificate;
import dev.plinth.edge.DnsRouting;
import dev.plinth.edge.EdgeLogKey;
import dev.plinth.edge.Firewall;
import dev.plinth.edge.LoadBalancer;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import dev.plinth.keys.Keys;
import dev.plinth.keys.LogStorage;
import dev.plinth.network.Cidrs;
import dev.plinth.network.Network;
import dev.plinth.observability.AuditTrail;
import dev.plinth.observability.Budget;
import dev.plinth.observability.Monitoring;
import dev.plinth.schedule.OfficeHours;
import dev.plinth.search.SearchDomain;
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

  /**
   * The whole platform, layer by layer in the order traffic flows (the architecture diagram, top to
   * bottom). Each layer is a plain method returning the handles the next ones take, not a
   * component: a new parent would change every child's URN, and {@code pulumi up} would replace
   * them, protected databases included. Each layer exports the stack outputs it owns.
   */
  public static void deploy(Context ctx, PlatformConfig config) {
    Foundation base = foundation(ctx, config);
    Network network = network(ctx, config, base);
    Edge edge = edge(ctx, config, base, network);
    Data data = data(ctx, config, base, network, edge);
    search(ctx, config, base, network);
    Backups backups = backups(ctx, config, base, data.database());
    access(ctx, config, base, network, data, backups);
    clientVpn(ctx, config, base, network, data);
    Compute compute = compute(ctx, config, base, network);
    officeHours(ctx, config, base, data, compute);
    workloads(ctx, config, compute, edge, data);
    observability(ctx, config, base, edge, data, backups, compute);
  }

  /**
   * What every layer builds on: the platform's AWS provider and account, the disaster-recovery
   * region, and the KMS keys by domain with the log groups' storage.
   */
  record Foundation(
      AwsContext aws, DrRegion dr, KeyRing ring, LogStorage logs, Optional<PrimaryStack> primary) {}

  static Foundation foundation(Context ctx, PlatformConfig config) {
    var provider = provider(config, "platform");
    AwsContext aws = AwsContext.of(provider, config.region(), config.stack());
    var keys =
        new Keys(
            config.prefix() + "-keys",
            config.environment(),
            config.keys().layout(),
            aws,
            ComponentResourceOptions.builder().providers(provider).build());
    var observability = config.observability();
    LogStorage logs =
        keys.logs(observability.logRetentionDays(), observability.applicationLogRetentionDays());
    DrRegion dr = drRegion(config);
    if (config.backups().crossRegion()) {
      // Secrets Manager's replicas there are encrypted with a key of that region (issue 17).
      keys.addDrKey(KeyDomain.SECRETS, dr.region(), dr.provider());
    }
    ctx.export("region", Output.of(config.region()));
    ctx.export("logsKeyArn", logs.keyArn());
    Optional<PrimaryStack> primary =
        config.dr().standby() ? Optional.of(PrimaryStack.read(ctx, config)) : Optional.empty();
    primary.ifPresent(
        p -> {
          // What the policy pack reads to judge a standby (DR-01: nothing in the primary's region).
          ctx.export("drRole", Output.of(config.dr().role().key()));
          ctx.export("primaryStack", Output.of(config.dr().primaryStack()));
          ctx.export("primaryRegion", p.region());
        });
    return new Foundation(aws, dr, keys.ring(), logs, primary);
  }

  /**
   * The disaster-recovery region's provider: the backups' replicas and copies, and the database's
   * replicated automated backups; registered only when one of them is made.
   */
  private static DrRegion drRegion(PlatformConfig config) {
    String region = config.backups().drRegion();
    DrRegion dr =
        DrRegion.onFirstUse(
            region,
            () ->
                new Provider(
                    config.prefix() + "-aws-dr",
                    ProviderArgs.builder()
                        .region(region)
                        .defaultTags(
                            ProviderDefaultTagsArgs.builder()
                                .tags(defaultTags(config, "backups"))
                                .build())
                        .build()));
    if (!config.dr().standby()) {
      // A primary has always registered it (dev and staging replicate nothing, yet their plans
      // keep the provider they have); a standby registers it only if something replicates.
      dr.provider();
    }
    return dr;
  }

  static Network network(Context ctx, PlatformConfig config, Foundation base) {
    var network =
        new Network(
            config.prefix() + "-network",
            new Network.Args(config.network(), config.environment().key(), base.logs(), base.aws()),
            in(config, "network"));
    ctx.export("vpcId", network.vpcId());
    ctx.export("availabilityZones", network.availabilityZones());
    ctx.export("availabilityZoneIds", network.availabilityZoneIds());
    ctx.export("publicSubnetIds", network.publicSubnetIds());
    ctx.export("privateSubnetIds", network.privateSubnetIds());
    ctx.export("databaseSubnetIds", network.databaseSubnetIds());
    ctx.export("dbSubnetGroupName", network.dbSubnetGroupName());
    ctx.export("cacheSubnetGroupName", network.cacheSubnetGroupName());
    ctx.export("appSecurityGroupId", network.appSecurityGroupId());
    return network;
  }

  /** The edge's handles: the load balancer (its target group, its metrics' names). */
  record Edge(LoadBalancer loadBalancer) {}

  static Edge edge(Context ctx, PlatformConfig config, Foundation base, Network network) {
    String prefix = config.prefix();
    var inEdge = in(config, "edge");
    EdgeSettings edge = config.edge();
    boolean cdn = edge.cdn().enabled();
    Optional<Certificate> certificate =
        edge.httpOnly()
            ? Optional.empty()
            : Optional.of(
                new Certificate(prefix + "-edge-certificate", certificateArgs(config), inEdge));
    Optional<Output<String>> certificateArn = certificate.map(Certificate::arn);
    var loadBalancer =
        new LoadBalancer(
            prefix + "-edge-lb",
            new LoadBalancer.Args(
                edge,
                config.environment(),
                base.aws(),
                network.placement(Network.Tier.PUBLIC),
                network.appTier(),
                certificateArn,
                dnsRouting(config),
                CdnFront.of(config, base.primary().flatMap(PrimaryStack::cdnOriginSecret))),
            inEdge);
    ctx.export("albDnsName", loadBalancer.dnsName());
    ctx.export("albZoneId", loadBalancer.zoneId());
    ctx.export("albSecurityGroupId", loadBalancer.securityGroupId());
    ctx.export("url", loadBalancer.url());
    ctx.export("targetGroupArn", loadBalancer.targetGroupArn());
    ctx.export("healthCheckId", loadBalancer.healthCheckId());
    if (!cdn || edge.cdn().keepRegionalFirewall()) {
      var firewall =
          new Firewall(
              prefix + "-edge-waf",
              new Firewall.Args(
                  edge.firewall(),
                  config.environment().key(),
                  base.aws(),
                  Optional.of(loadBalancer.arn()),
                  base.logs()),
              inEdge);
      ctx.export(cdn ? "regionalWebAclArn" : "webAclArn", firewall.webAclArn());
    }
    if (cdn && !config.dr().standby()) {
      cdn(ctx, config, base, loadBalancer, certificate.orElseThrow());
    }
    if (cdn && config.dr().inPair()) {
      String origin = CdnFront.originName(edge.domain());
      ctx.export("cdnOrigin", Output.of(origin));
      if (!config.dr().standby()) {
        // The standby's load balancer requires the same origin header (PrimaryStack reads it).
        ctx.export(
            PrimaryStack.CDN_ORIGIN_SECRET_OUTPUT, loadBalancer.originSecret().orElseThrow());
      }
    }
    return new Edge(loadBalancer);
  }

  /**
   * The CDN in front of the load balancer ({@code plinth:edge.cdn.enabled}), with its web ACL, both
   * through a provider of us-east-1: a CloudFront web ACL is created there ("To work with
   * CloudFront, you must also specify the Region US East (N. Virginia)": the wafv2 model's {@code
   * Scope}), and the distribution takes its certificate there (the cloudfront model's {@code
   * ViewerCertificate.ACMCertificateArn}: "CloudFront only supports ACM certificates in the US East
   * (N. Virginia) Region"). In us-east-1 the load balancer's certificate serves CloudFront too;
   * elsewhere a second certificate for the same names is requested there, validated by the records
   * the first one's validation writes (ACM gives both the same record: {@link Certificate.Args}),
   * and the edge web ACL's log group there takes a logs key of that region ({@link EdgeLogKey}).
   */
  private static void cdn(
      Context ctx,
      PlatformConfig config,
      Foundation base,
      LoadBalancer loadBalancer,
      Certificate certificate) {
    String prefix = config.prefix();
    String region = CdnValidation.CLOUDFRONT_REGION;
    var global =
        new Provider(
            prefix + "-aws-edge-global",
            ProviderArgs.builder()
                .region(region)
                .defaultTags(
                    ProviderDefaultTagsArgs.builder().tags(defaultTags(config, "edge")).build())
                .build());
    var inGlobal = ComponentResourceOptions.builder().providers(global).build();
    AwsContext aws =
        new AwsContext(
            global, region, config.stack(), base.aws().accountId(), base.aws().partition());
    EdgeSettings edge = config.edge();
    boolean elsewhere = !region.equals(config.region());
    LogStorage logs =
        elsewhere
            ? new EdgeLogKey(
                    prefix + "-edge-global-logs",
                    config.environment(),
                    aws,
                    global,
                    base.logs(),
                    inGlobal)
                .logs()
            : base.logs();
    Output<String> cdnCertificate =
        elsewhere ? cloudFrontCertificate(config, global, certificate) : certificate.arn();
    var firewall =
        new Firewall(
            prefix + "-edge-cdn-waf",
            new Firewall.Args(
                edge.firewall(), config.environment().key(), aws, Optional.empty(), logs),
            inGlobal);
    var cdn =
        new Cdn(
            prefix + "-edge-cdn",
            new Cdn.Args(
                edge,
                config.environment(),
                config.dr().inPair()
                    ? Output.of(CdnFront.originName(edge.domain()))
                    : loadBalancer.dnsName(),
                loadBalancer.originSecret().orElseThrow(),
                cdnCertificate,
                firewall.webAclArn()),
            inGlobal);
    ctx.export("webAclArn", firewall.webAclArn());
    ctx.export("cdnDomainName", cdn.domainName());
    ctx.export("cdnDistributionId", cdn.distributionId());
  }

  /**
   * CloudFront's certificate for a stack outside us-east-1: the same names requested there, issued
   * by the validation records the stack's own certificate writes (ACM gives both the same record).
   */
  private static Output<String> cloudFrontCertificate(
      PlatformConfig config, Provider global, Certificate certificate) {
    EdgeSettings edge = config.edge();
    return new Certificate(
            config.prefix() + "-edge-cdn-certificate",
            Certificate.Args.validatedByRecordsElsewhere(edge.domain(), edge.alternativeNames()),
            ComponentResourceOptions.builder().providers(global).dependsOn(certificate).build())
        .arn();
  }

  /**
   * The certificate: an existing one, or one requested for the domain; a standby's is validated
   * through its primary's records (ACM gives both the same record), so that one stack owns them.
   */
  private static Certificate.Args certificateArgs(PlatformConfig config) {
    EdgeSettings edge = config.edge();
    if (edge.certificateArn() != null) {
      return Certificate.Args.existing(edge.certificateArn());
    }
    return config.dr().standby()
        ? Certificate.Args.validatedByRecordsElsewhere(edge.domain(), edge.alternativeNames())
        : Certificate.Args.requested(edge.domain(), edge.alternativeNames(), edge.hostedZoneId());
  }

  /** The domain record's routing: one half of a failover pair when the stack is in one. */
  static DnsRouting dnsRouting(PlatformConfig config) {
    return DnsRouting.of(config.stack(), config.dr().standby(), config.dr().standbyStack() != null);
  }

  /** The data layer's handles: the database and the cache. */
  record Data(Database database, Cache cache) {}

  static Data data(
      Context ctx, PlatformConfig config, Foundation base, Network network, Edge edge) {
    String prefix = config.prefix();
    var inData = in(config, "data");
    var secrets =
        new Secrets(
            prefix + "-secrets",
            config.environment(),
            config.stack(),
            config.secrets().app(),
            base.ring().arn(KeyDomain.SECRETS),
            SecretReplication.of(base.ring(), base.dr()),
            inData);
    // Behind a CDN: the origin header's value, kept where operators find the stack's secrets.
    edge.loadBalancer().originSecret().ifPresent(v -> secrets.store("cdn-origin-header", v));
    var database =
        new Database(
            prefix + "-db",
            new Database.Args(
                config.database(),
                config.environment(),
                network.databasePlacement(),
                network.appTier(),
                base.ring(),
                base.logs(),
                base.aws(),
                databaseSource(config, base)),
            inData);
    var cache = cache(config, base, network, secrets, inData);
    ctx.export("dbEndpoint", database.endpoint());
    ctx.export("dbIdentifier", database.identifier());
    ctx.export("dbArn", database.arn());
    ctx.export("dbSecurityGroupId", database.securityGroupId());
    ctx.export("dbReplicaIdentifiers", Output.all(database.replicaIdentifiers()));
    ctx.export("dbReplicaAddresses", database.replicaAddresses());
    ctx.export("dbMasterSecretArn", database.masterSecretArn());
    database.proxyEndpoint().ifPresent(e -> ctx.export("dbProxyEndpoint", e));
    // the key of the secrets' replicas in the DR region: what a standby there decrypts them with
    base.ring().drArn(KeyDomain.SECRETS).ifPresent(k -> ctx.export("secretsDrKeyArn", k));
    ctx.export("dbReplicatedBackupsArn", database.replicatedBackupsArn());
    exportCache(ctx, cache);
    ctx.export("appSecretArns", secrets.arns());
    return new Data(database, cache);
  }

  /**
   * The cache, alone or, with {@code plinth:dr.cache: globalDatastore}, a member of the pair's
   * global datastore: a primary creates it around its cache, a standby's cache joins it as the
   * secondary, by the id its primary exports ({@link PrimaryStack#cacheGlobalDatastoreId}).
   */
  private static Cache cache(
      PlatformConfig config,
      Foundation base,
      Network network,
      Secrets secrets,
      ComponentResourceOptions inData) {
    Cache.GlobalRole role = new Cache.Regional();
    if (config.dr().globalDatastore()) {
      role =
          base.primary()
              .<Cache.GlobalRole>map(
                  p -> new Cache.GlobalSecondary(p.cacheGlobalDatastoreId().orElseThrow()))
              .orElseGet(() -> new Cache.GlobalPrimary(config.prefix() + "-cache"));
    }
    return new Cache(
        config.prefix() + "-cache",
        new Cache.Args(
            config.cache(),
            config.environment(),
            network.cachePlacement(),
            network.appTier(),
            base.ring(),
            base.logs(),
            secrets,
            new Cache.Scope(config.stack(), role)),
        inData);
  }

  /**
   * The cache's outputs; a member of a global datastore exports its id, the standby too, so that a
   * failover can name it when the primary's region is lost (docs/runbooks.md).
   */
  private static void exportCache(Context ctx, Cache cache) {
    ctx.export("cacheConfigurationEndpoint", cache.configurationEndpoint());
    ctx.export("cacheAuthSecretArn", cache.authSecretArn());
    ctx.export("cacheReplicationGroupId", cache.replicationGroupId());
    cache
        .globalReplicationGroupId()
        .ifPresent(id -> ctx.export(PrimaryStack.CACHE_GLOBAL_DATASTORE_OUTPUT, id));
  }

  /**
   * The OpenSearch domain of the large tier, when {@code plinth:search.enabled}, in the private
   * subnets, reached from the application tier.
   */
  static Optional<SearchDomain> search(
      Context ctx, PlatformConfig config, Foundation base, Network network) {
    if (!config.search().enabled()) {
      return Optional.empty();
    }
    var search =
        new SearchDomain(
            config.prefix() + "-search",
            new SearchDomain.Args(
                config.search(),
                config.environment(),
                base.aws(),
                network.placement(Network.Tier.PRIVATE),
                network.appTier(),
                base.logs(),
                config.observability().auditRetentionDays()),
            in(config, "search"));
    ctx.export("searchEndpoint", search.endpoint());
    ctx.export("searchDomainArn", search.arn());
    ctx.export("searchAdminRoleArn", search.adminRoleArn());
    return Optional.of(search);
  }

  /**
   * A primary's database is the writer; a standby's is a cross-region read replica of its
   * primary's, reading the credentials from the secret's replica in this region.
   */
  private static Database.Source databaseSource(PlatformConfig config, Foundation base) {
    return base.primary()
        .<Database.Source>map(
            p ->
                new Database.ReplicaOf(
                    p.databaseArn(),
                    p.databaseSecretArnIn(config.region()),
                    p.databaseSecretKeyArn()))
        .orElseGet(() -> new Database.Writer(base.dr()));
  }

  /** The backup bucket and vault, their copies in the disaster-recovery region, the plan. */
  static Backups backups(Context ctx, PlatformConfig config, Foundation base, Database database) {
    var backups =
        new Backups(
            config.prefix() + "-backups",
            new Backups.Args(
                config.backups(),
                config.environment(),
                base.aws(),
                base.ring(),
                database.arn(),
                base.dr()),
            in(config, "backups"));
    ctx.export("backupsBucketName", backups.bucketName());
    ctx.export("drBucketName", backups.drBucketName());
    ctx.export("backupVaultName", backups.vaultName());
    ctx.export("backupPlanId", backups.planId());
    ctx.export("backupRoleArn", backups.roleArn());
    return backups;
  }

  /**
   * Operator access through Session Manager, when {@code plinth:access.enabled}: the operator
   * instance, which may reach the database and the cache on their ports, and (in the stack that
   * owns them) the account-and-region's session preferences. Exports what the port-forwarding
   * commands of docs/runbooks.md need.
   */
  static Optional<OperatorAccess> access(
      Context ctx, PlatformConfig config, Foundation base, Network network, Data data, Backups b) {
    var settings = config.access();
    if (!settings.enabled()) {
      return Optional.empty();
    }
    var net = config.network();
    List<String> privateCidrs =
        Cidrs.tier(Cidrs.parse(net.vpcCidr()).orElseThrow(), net.privateSubnets(), net.azCount());
    var access =
        new OperatorAccess(
            config.prefix() + "-access",
            new OperatorAccess.Args(
                settings,
                config.environment(),
                base.aws(),
                network.placement(Network.Tier.PRIVATE),
                privateCidrs,
                List.of(
                    new Reach("db", data.database().securityGroupId(), Database.PORT),
                    new Reach("cache", data.cache().securityGroupId(), Cache.PORT)),
                base.ring(),
                new SessionRetention(
                    config.observability().auditRetentionDays(), b.accessLogsBucket())),
            in(config, "access"));
    ctx.export("operatorInstanceId", access.instanceId());
    ctx.export(
        "operatorTargets",
        Output.tuple(data.database().address(), data.cache().configurationEndpoint())
            .applyValue(
                t ->
                    Map.of(
                        "postgres", Map.of("host", t.t1, "port", Database.PORT),
                        "redis", Map.of("host", t.t2, "port", Cache.PORT))));
    ctx.export("sessionLogGroup", Output.of(SessionLogging.LOG_GROUP));
    ctx.export("sessionBucket", access.sessionBucket());
    return Optional.of(access);
  }

  /**
   * AWS Client VPN, when {@code plinth:access.clientVpn.enabled}: an endpoint in the private
   * subnets whose clients are authorized for the database subnets only and may reach the database
   * and the cache on their ports; its connections are logged like the sessions (logs key, audit
   * retention). Exports the endpoint's id and DNS name for docs/runbooks.md.
   */
  static Optional<ClientVpn> clientVpn(
      Context ctx, PlatformConfig config, Foundation base, Network network, Data data) {
    var settings = config.access().clientVpn();
    if (!settings.enabled()) {
      return Optional.empty();
    }
    var net = config.network();
    List<String> dataCidrs =
        Cidrs.tier(Cidrs.parse(net.vpcCidr()).orElseThrow(), net.databaseSubnets(), net.azCount());
    var vpn =
        new ClientVpn(
            config.prefix() + "-vpn",
            new ClientVpn.Args(
                settings,
                base.aws(),
                network.placement(Network.Tier.PRIVATE),
                dataCidrs,
                List.of(
                    new Reach("db", data.database().securityGroupId(), Database.PORT),
                    new Reach("cache", data.cache().securityGroupId(), Cache.PORT)),
                base.logs().keyArn(),
                config.observability().auditRetentionDays()),
            in(config, "access"));
    ctx.export("clientVpnEndpointId", vpn.endpointId());
    ctx.export("clientVpnDnsName", vpn.dnsName());
    return Optional.of(vpn);
  }

  /**
   * The compute layer's handles: the image registry, the cluster, and access to the cluster for
   * what must wait for its add-ons (the Load Balancer Controller's webhook, metrics-server).
   */
  record Compute(Registry registry, Cluster cluster, ClusterAccess afterAddons) {}

  static Compute compute(Context ctx, PlatformConfig config, Foundation base, Network network) {
    String prefix = config.prefix();
    var inCompute = in(config, "compute");
    var registry =
        new Registry(
            prefix + "-registry",
            config.stack(),
            config.cluster().repositories(),
            base.ring().arn(KeyDomain.CLUSTER),
            config.environment().isProduction(),
            inCompute);
    var cluster =
        new Cluster(
            prefix + "-cluster",
            new Cluster.Args(
                pilotLight(config) ? config.cluster().withNodesAtZero() : config.cluster(),
                config.environment(),
                network.placement(Network.Tier.PRIVATE),
                network.appTier(),
                base.ring(),
                base.logs(),
                defaultTags(config, "compute"),
                base.aws()),
            inCompute);
    var addons =
        new ClusterAddons(
            prefix + "-cluster-addons",
            new ClusterAddons.Args(
                config.cluster(), config.region(), cluster.access(), network.vpcId()),
            inCompute);
    ctx.export("clusterName", cluster.clusterName());
    ctx.export("clusterEndpoint", cluster.endpoint());
    ctx.export("nodeGroupName", cluster.nodeGroup().nodeGroupName());
    ctx.export("oidcProviderArn", cluster.oidcProviderArn());
    ctx.export("kubeconfig", cluster.kubeconfig());
    ctx.export("repositoryUrls", registry.repositoryUrls());
    return new Compute(registry, cluster, cluster.access().after(List.of(addons)));
  }

  /**
   * The node group scaled to zero and the database stopped outside office hours, when {@code
   * plinth:officeHours.enabled} (on in dev and staging, off in prod).
   */
  static Optional<OfficeHours> officeHours(
      Context ctx, PlatformConfig config, Foundation base, Data data, Compute compute) {
    if (!config.officeHours().enabled()) {
      return Optional.empty();
    }
    var officeHours =
        new OfficeHours(
            config.prefix() + "-office-hours",
            new OfficeHours.Args(
                config.officeHours(),
                config.environment().key(),
                base.aws(),
                compute.cluster().scaling(),
                data.database().identifier(),
                data.database().arn()),
            in(config, "schedule"));
    ctx.export("officeHoursScheduleGroup", officeHours.groupName());
    return Optional.of(officeHours);
  }

  /**
   * A pilot-light standby: nodes and pods at zero until failover (a warm standby runs the
   * application at its minimum replicas, like a primary).
   */
  static boolean pilotLight(PlatformConfig config) {
    return config.dr().standby() && config.dr().mode() == DrSettings.Mode.PILOT_LIGHT;
  }

  /** The application's Kubernetes objects, when {@code plinth:workloads.enabled}. */
  static Optional<Application> workloads(
      Context ctx, PlatformConfig config, Compute compute, Edge edge, Data data) {
    var workloads = pilotLight(config) ? config.workloads().scaledToZero() : config.workloads();
    if (!workloads.enabled()) {
      return Optional.empty();
    }
    var application =
        new Application(
            config.prefix() + "-app",
            new Application.Args(
                workloads,
                config.environment().key(),
                config.region(),
                compute.afterAddons(),
                compute.registry().repository(workloads.repository()),
                edge.loadBalancer().targetGroup(),
                data.database().connection(),
                data.cache().connection()),
            in(config, "workloads"));
    ctx.export("appNamespace", application.namespace());
    ctx.export("appImage", application.image());
    ctx.export("appRoleArn", application.roleArn());
    return Optional.of(application);
  }

  /** Alarms and the dashboard over every layer, the budget, and the account's audit trail. */
  static void observability(
      Context ctx,
      PlatformConfig config,
      Foundation base,
      Edge edge,
      Data data,
      Backups backups,
      Compute compute) {
    String prefix = config.prefix();
    var observability = config.observability();
    var inObservability = in(config, "observability");
    var monitoring =
        new Monitoring(
            prefix + "-monitoring",
            new Monitoring.Args(
                config.environment().key(),
                base.aws(),
                observability,
                base.ring().arn(KeyDomain.ALERTS),
                Optional.of(albTargets(edge.loadBalancer())),
                Optional.of(databaseTargets(config, data.database())),
                Optional.of(
                    new Monitoring.CacheTargets(
                        data.cache().replicationGroupId(),
                        config.cache().shards(),
                        config.cache().replicasPerShard())),
                Optional.of(new Monitoring.ClusterTargets(compute.cluster().clusterName()))),
            inObservability);
    var budget =
        new Budget(
            prefix + "-budget",
            new Budget.Args(
                config.environment().key(),
                config.stack(),
                config.cost().budgetMonthlyUsd(),
                observability.alertEmails(),
                monitoring.alertTopicArn(),
                observability.costAllocationTag() == CostAllocationTag.ACTIVATE),
            inObservability);
    if (observability.auditTrail()) {
      audit(ctx, config, base, backups, inObservability);
    }
    exportRecovery(ctx, config);
    ctx.export("alertTopicArn", monitoring.alertTopicArn());
    ctx.export("dashboardName", monitoring.dashboardName());
    ctx.export("budgetName", budget.budgetName());
    // What this stack owns for its whole account and region (plan --all and DEP-41/DEP-43 read
    // it): who creates the GuardDuty detector and who activates the cost allocation tag.
    ctx.export(
        "accountSingletons",
        Output.of(
            Map.of(
                "guardDuty", observability.guardDuty().key(),
                "costAllocationTag", observability.costAllocationTag().key())));
  }

  /**
   * What the stack is in a disaster-recovery pair and the targets it reports against ({@code
   * plinth:dr}); the policy pack (PL-30) and the runbooks read it. An absent stack name is empty.
   */
  private static void exportRecovery(Context ctx, PlatformConfig config) {
    var dr = config.dr();
    ctx.export(
        "disasterRecovery",
        Output.of(
            new TreeMap<>(
                Map.of(
                    "role", dr.role().key(),
                    "primaryStack", dr.primaryStack() == null ? "" : dr.primaryStack(),
                    "standbyStack", dr.standbyStack() == null ? "" : dr.standbyStack(),
                    "mode", dr.mode().key(),
                    "cache", dr.cache().key(),
                    "rpoMinutes", dr.rpoMinutes(),
                    "apiRtoMinutes", dr.apiRtoMinutes(),
                    "databaseRtoMinutes", dr.databaseRtoMinutes()))));
  }

  private static Monitoring.AlbTargets albTargets(LoadBalancer loadBalancer) {
    return new Monitoring.AlbTargets(
        loadBalancer.arnSuffix(), loadBalancer.targetGroup().arnSuffix());
  }

  private static Monitoring.DatabaseTargets databaseTargets(
      PlatformConfig config, Database database) {
    return new Monitoring.DatabaseTargets(
        database.identifier(),
        database.replicaIdentifiers(),
        config.database().allocatedStorageGb(),
        Database.maxConnections(config.database().instanceClass()),
        database
            .proxyName()
            .map(
                name ->
                    new Monitoring.ProxyTargets(
                        name, config.workloads().maxReplicas() * Database.POOL_PER_CONTAINER)));
  }

  private static void audit(
      Context ctx,
      PlatformConfig config,
      Foundation base,
      Backups backups,
      ComponentResourceOptions inObservability) {
    var observability = config.observability();
    var audit =
        new AuditTrail(
            config.prefix() + "-audit",
            new AuditTrail.Args(
                config.environment().key(),
                observability.auditRetentionDays(),
                observability.guardDuty(),
                config.environment().isProduction(),
                base.ring().arn(KeyDomain.AUDIT),
                base.logs().keyArn(),
                backups.accessLogsBucket(),
                base.aws()),
            inObservability);
    ctx.export("trailArn", audit.trailArn());
    ctx.export("auditBucketName", audit.bucketName());
  }
}
