package dev.plinth.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
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
import java.util.List;
import java.util.Map;

/**
 * Redis (or Valkey) on ElastiCache in cluster mode: shards and replicas per environment, automatic
 * failover always (cluster mode requires it) and Multi-AZ wherever there is a replica, encryption
 * at rest with the cache key and in transit, an AUTH token from the Random provider kept in Secrets
 * Manager, LRU eviction (seed 004), daily snapshots, the slow log in CloudWatch, and a security
 * group admitting 6379 from the application only.
 */
public final class Cache extends Component {
  /** Redis's port. */
  public static final int PORT = 6379;

  public static final String TYPE = "plinth:data:Cache";

  /**
   * What the cache needs; {@code stack} is the stack whose name its log group's name carries
   * ({@code /plinth/<stack>/redis-slow-log}).
   */
  public record Args(
      CacheSettings settings,
      Environment environment,
      DataPlacement placement,
      AppTier appTier,
      KeyRing keys,
      LogStorage logs,
      Secrets secrets,
      String stack) {}

  private final ReplicationGroup group;
  private final SecretRef authToken;
  private final Output<String> securityGroupId;

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
    var parameters = createParameterGroup(args, family);
    var slowLog = createSlowLog(args);
    group = createReplicationGroup(name, args, sg, parameters, slowLog, token);
    registerOutputs(
        Map.of(
            "configurationEndpoint",
            group.configurationEndpointAddress(),
            "authSecretArn",
            authToken.arn()));
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
            .name("/plinth/" + args.stack() + "/redis-slow-log")
            .retentionInDays(args.logs().retentionDays())
            .kmsKeyId(args.logs().keyArn())
            .build(),
        childOptions());
  }

  /**
   * The replication group: cluster mode, encrypted at rest under the cache key and in transit,
   * behind the AUTH token, a final snapshot outside dev, protected in prod.
   */
  private ReplicationGroup createReplicationGroup(
      String name,
      Args args,
      SecurityGroup sg,
      ParameterGroup parameters,
      LogGroup slowLog,
      RandomPassword token) {
    CacheSettings s = args.settings();
    boolean replicated = s.replicasPerShard() > 0;
    var groupArgs =
        ReplicationGroupArgs.builder()
            .description("Plinth " + args.environment().key() + " cache")
            .engine(s.engine().key())
            .engineVersion(s.engineVersion())
            .nodeType(s.nodeType())
            .numNodeGroups(s.shards())
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
            .parameterGroupName(parameters.name())
            .atRestEncryptionEnabled(true)
            .kmsKeyId(args.keys().arn(KeyDomain.CACHE))
            .transitEncryptionEnabled(true)
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
    return new ReplicationGroup(
        child("redis"), groupArgs.build(), statefulOptions(args.environment().isProduction()));
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
   * The cache's security group, for a component that admits one more caller on {@link #PORT} under
   * its own name (the operator access does).
   */
  public Output<String> securityGroupId() {
    return securityGroupId;
  }
}
