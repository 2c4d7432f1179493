package dev.plinth.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.elasticache.GlobalReplicationGroup;
import com.pulumi.aws.elasticache.GlobalReplicationGroupArgs;
import com.pulumi.aws.elasticache.ParameterGroup;
import com.pulumi.aws.elasticache.ParameterGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.elasticache.inputs.ReplicationGroupLogDeliveryConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Component;
import dev.plinth.config.CacheSettings;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import dev.plinth.keys.LogStorage;
import dev.plinth.network.AppTier;
import dev.plinth.network.DataPlacement;
import dev.plinth.random.RandomPassword;
import dev.plinth.random.RandomPasswordArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redis (or Valkey) on ElastiCache in cluster mode: shards and replicas per environment, automatic
 * failover always (cluster mode requires it) and Multi-AZ wherever there is a replica, encryption
 * at rest with the cache key and in transit, an AUTH token from the Random provider kept in Secrets
 * Manager, LRU eviction (seed 004), daily snapshots, the slow log in CloudWatch, and a security
 * group admitting 6379 from the application only.
 *
 * <p>In a disaster-recovery pair with {@code plinth:dr.cache: globalDatastore} (docs/dr.md), the
 * primary's cache is the primary member of an ElastiCache global datastore ({@link GlobalPrimary}:
 * this component creates it), and the standby's joins it as a secondary ({@link GlobalSecondary}),
 * which takes its engine, version, node type, shards, parameters and encryption from the primary.
 */
public final class Cache extends Component {
  /** Redis's port. */
  public static final int PORT = 6379;

  public static final String TYPE = "plinth:data:Cache";

  /** What the cache needs. */
  public record Args(
      CacheSettings settings,
      Environment environment,
      DataPlacement placement,
      AppTier appTier,
      KeyRing keys,
      LogStorage logs,
      Secrets secrets,
      Scope scope) {}

  /**
   * Where the cache stands: {@code stack} is the stack whose name its log group's name carries
   * ({@code /plinth/<stack>/redis-slow-log}), {@code global} its part in a global datastore.
   */
  public record Scope(String stack, GlobalRole global) {
    /**
     * A cache of its own, in no global datastore (every stack with {@code plinth:dr.cache cold}).
     */
    public static Scope regional(String stack) {
      return new Scope(stack, new Regional());
    }
  }

  /** The cache's part in an ElastiCache global datastore, if any. */
  public sealed interface GlobalRole {}

  /** In no global datastore. */
  public record Regional() implements GlobalRole {}

  /**
   * The primary member of a global datastore this component creates: {@code suffix} is the name
   * ElastiCache prefixes with its region's letters to make the datastore's id (elasticache
   * 2015-02-02 CreateGlobalReplicationGroup, GlobalReplicationGroupIdSuffix: "Amazon ElastiCache
   * automatically applies a prefix to the Global datastore ID when it is created. Each Amazon
   * Region has its own prefix").
   */
  public record GlobalPrimary(String suffix) implements GlobalRole {}

  /**
   * A secondary member of the global datastore {@code globalReplicationGroupId}, another region's
   * (elasticache 2015-02-02 CreateReplicationGroup: "This API can be used to create a standalone
   * regional replication group or a secondary replication group associated with a Global
   * datastore"; GlobalReplicationGroupId: "The name of the Global datastore").
   */
  public record GlobalSecondary(Output<String> globalReplicationGroupId) implements GlobalRole {}

  private final ReplicationGroup group;
  private final SecretRef authToken;
  private final Output<String> securityGroupId;
  private final Optional<Output<String>> globalReplicationGroupId;

  public Cache(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    CacheSettings s = args.settings();
    String family = s.engine().key() + s.engineVersion().split("\\.")[0];

    var sg =
        DataSecurityGroups.onlyFromApp(
            child("sg"),
            "Redis",
            PORT,
            args.placement().vpcId(),
            args.appTier().securityGroupId(),
            childOptions());
    securityGroupId = sg.id();
    var token =
        new RandomPassword(child("auth-token"), new RandomPasswordArgs(64, null), childOptions());
    authToken = args.secrets().store("cache-auth-token", token.result());
    GlobalRole role = args.scope().global();
    // A secondary takes its parameter group from the primary: ElastiCache makes one for it
    // (terraform-provider-aws replication_group.go: global_replication_group_id ConflictsWith
    // parameter_group_name; its acceptance test finds the secondary's named global-datastore-*).
    Optional<ParameterGroup> parameters =
        role instanceof GlobalSecondary
            ? Optional.empty()
            : Optional.of(createParameterGroup(args, family));
    var slowLog = createSlowLog(args);
    var groupArgs = groupArgs(name, args, sg, slowLog, token);
    if (role instanceof GlobalSecondary secondary) {
      secondaryShape(groupArgs, secondary);
    } else {
      ownShape(groupArgs, s, parameters.orElseThrow());
    }
    group =
        new ReplicationGroup(
            child("redis"), groupArgs.build(), statefulOptions(args.environment().isProduction()));
    if (role instanceof GlobalPrimary primary) {
      globalReplicationGroupId = Optional.of(createGlobalDatastore(args, primary));
    } else if (role instanceof GlobalSecondary secondary) {
      globalReplicationGroupId = Optional.of(secondary.globalReplicationGroupId());
    } else {
      globalReplicationGroupId = Optional.empty();
    }
    Map<String, Output<?>> outputs = new LinkedHashMap<>();
    outputs.put("configurationEndpoint", group.configurationEndpointAddress());
    outputs.put("authSecretArn", authToken.arn());
    globalReplicationGroupId.ifPresent(id -> outputs.put("globalReplicationGroupId", id));
    registerOutputs(Map.copyOf(outputs));
  }

  /** The parameter group: cluster mode, least-recently-used keys evicted first (seed 004). */
  private ParameterGroup createParameterGroup(Args args, String family) {
    return new ParameterGroup(
        child("params"),
        ParameterGroupArgs.builder()
            .family(family)
            .description("Plinth " + args.environment().key() + ": cluster mode, LRU eviction")
            .parameters(
                List.of(
                    ParameterGroupParameterArgs.builder()
                        .name("cluster-enabled")
                        .value("yes")
                        .build(),
                    ParameterGroupParameterArgs.builder()
                        .name("maxmemory-policy")
                        .value("allkeys-lru")
                        .build()))
            .build(),
        childOptions());
  }

  /** The log group the slow log goes to, under the logs key, with the logs' retention. */
  private LogGroup createSlowLog(Args args) {
    return new LogGroup(
        child("slow-log"),
        LogGroupArgs.builder()
            .name("/plinth/" + args.scope().stack() + "/redis-slow-log")
            .retentionInDays(args.logs().retentionDays())
            .kmsKeyId(args.logs().keyArn())
            .build(),
        childOptions());
  }

  /**
   * The replication group's settings that every cache has, a global datastore's secondary too:
   * replicas, failover across zones, placement, the cache key of this stack's region, the AUTH
   * token, snapshots, windows, the slow log, a final snapshot outside dev.
   */
  private ReplicationGroupArgs.Builder groupArgs(
      String name, Args args, SecurityGroup sg, LogGroup slowLog, RandomPassword token) {
    CacheSettings s = args.settings();
    boolean replicated = s.replicasPerShard() > 0;
    var groupArgs =
        ReplicationGroupArgs.builder()
            .description("Plinth " + args.environment().key() + " cache")
            // Each cluster of a global datastore may have its own number of read replicas
            // (ElastiCache User Guide, global datastores, "Prerequisites and limitations"; the
            // provider's acceptance test TestAccElastiCacheReplicationGroup_
            // GlobalReplicationGroupIDClusterMode_basic gives a secondary 1 beside a primary's 2).
            .replicasPerNodeGroup(s.replicasPerShard())
            // Cluster mode (the parameter group's cluster-enabled yes) requires automatic failover,
            // with or without replicas: elasticache 2015-02-02 CreateReplicationGroup,
            // AutomaticFailoverEnabled ("must be enabled for Valkey or Redis OSS (cluster mode
            // enabled) replication groups"). Multi-AZ needs automatic failover (Pulumi AWS
            // ReplicationGroupArgs.multiAzEnabled) and a replica to fail over to: elasticache
            // DecreaseReplicaCount, NewReplicaCount, minimum 1 with Multi-AZ for cluster mode
            // disabled; 0 for cluster mode enabled "though you will not be able to failover to a
            // replica if your primary node fails". So Multi-AZ only where there is a replica.
            .automaticFailoverEnabled(true)
            .multiAzEnabled(replicated)
            .port(PORT)
            .subnetGroupName(args.placement().subnetGroupName())
            .securityGroupIds(sg.id().applyValue(List::of))
            // The cache key is this stack's region's: a standby's secondary is encrypted under
            // its own region's key (KMS keys are regional; kms_key_id is not among the inputs a
            // secondary may not set, terraform-provider-aws replication_group.go).
            .kmsKeyId(args.keys().arn(KeyDomain.CACHE))
            .authToken(token.result())
            .autoMinorVersionUpgrade(true)
            .snapshotRetentionLimit(s.snapshotRetentionDays())
            .snapshotWindow("05:00-06:00")
            .maintenanceWindow("sun:06:00-sun:07:00")
            .logDeliveryConfigurations(
                ReplicationGroupLogDeliveryConfigurationArgs.builder()
                    .destination(slowLog.name())
                    .destinationType("cloudwatch-logs")
                    .logFormat("json")
                    .logType("slow-log")
                    .build());
    if (args.environment() != Environment.DEV) {
      groupArgs.finalSnapshotIdentifier(name + "-final");
    }
    return groupArgs;
  }

  /**
   * A cache of its own (alone, or a global datastore's primary): its engine, version, node type,
   * shards and parameter group, encrypted at rest and in transit (the AUTH token needs in-transit
   * encryption: elasticache 2015-02-02 CreateReplicationGroup, AuthToken "can be specified only on
   * replication groups where TransitEncryptionEnabled is true").
   */
  private static void ownShape(
      ReplicationGroupArgs.Builder groupArgs, CacheSettings s, ParameterGroup parameters) {
    groupArgs
        .engine(s.engine().key())
        .engineVersion(s.engineVersion())
        .nodeType(s.nodeType())
        .numNodeGroups(s.shards())
        .parameterGroupName(parameters.name())
        .atRestEncryptionEnabled(true)
        .transitEncryptionEnabled(true);
  }

  /**
   * A global datastore's secondary: it names the datastore and leaves out what it inherits from the
   * primary. The AWS provider refuses a secondary that sets num_node_groups, parameter_group_name,
   * engine, engine_version, node_type, security_group_names, transit_encryption_enabled,
   * transit_encryption_mode, at_rest_encryption_enabled, snapshot_arns or snapshot_name
   * (terraform-provider-aws 001b6364c1a3b3045e152f655440a6d47eb44a70
   * internal/service/elasticache/replication_group.go, global_replication_group_id ConflictsWith;
   * its docs: node_type "Cannot be set if global_replication_group_id is set"). Plinth sets none of
   * them; the pair's check holds the standby's node type, shards, engine and version equal to the
   * primary's (DrPair). The AUTH token and the KMS key stay: the provider sends both for a
   * secondary, and the AUTH token's in-transit encryption comes from the primary's (the global
   * datastore's TransitEncryptionEnabled).
   */
  private static void secondaryShape(
      ReplicationGroupArgs.Builder groupArgs, GlobalSecondary secondary) {
    groupArgs.globalReplicationGroupId(secondary.globalReplicationGroupId());
  }

  /**
   * The global datastore whose primary member is this cache: ElastiCache replicates its writes to
   * the secondary in the standby's region (elasticache 2015-02-02 CreateGlobalReplicationGroup:
   * PrimaryReplicationGroupId, "the primary cluster that accepts writes and will replicate updates
   * to the secondary cluster"). Protected in prod like the cache.
   */
  private Output<String> createGlobalDatastore(Args args, GlobalPrimary primary) {
    var datastore =
        new GlobalReplicationGroup(
            child("global"),
            GlobalReplicationGroupArgs.builder()
                .globalReplicationGroupIdSuffix(primary.suffix())
                .primaryReplicationGroupId(group.id())
                .globalReplicationGroupDescription(
                    "Plinth " + args.environment().key() + " cache across regions")
                .build(),
            statefulOptions(args.environment().isProduction()));
    return datastore.globalReplicationGroupId();
  }

  public Output<String> configurationEndpoint() {
    return group.configurationEndpointAddress();
  }

  public Output<String> authSecretArn() {
    return authToken.arn();
  }

  /** The handle a workload connects with: the configuration endpoint, the port, the AUTH token. */
  public CacheConnection connection() {
    return new CacheConnection(configurationEndpoint(), PORT, authToken);
  }

  public Output<String> replicationGroupId() {
    return group.id();
  }

  /**
   * The full id of the global datastore this cache is a member of (ElastiCache's region prefix and
   * the suffix), for the primary and its standby; empty for a cache in none.
   */
  public Optional<Output<String>> globalReplicationGroupId() {
    return globalReplicationGroupId;
  }

  /**
   * The cache's security group, for a component that admits one more caller on {@link #PORT} under
   * its own name (the operator access does).
   */
  public Output<String> securityGroupId() {
    return securityGroupId;
  }
}
