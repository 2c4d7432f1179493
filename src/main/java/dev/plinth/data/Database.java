package dev.plinth.data;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.InstanceAutomatedBackupsReplication;
import com.pulumi.aws.rds.InstanceAutomatedBackupsReplicationArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.DrRegion;
import dev.plinth.Json;
import dev.plinth.config.DatabaseSettings;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import dev.plinth.keys.Keys;
import dev.plinth.keys.LogStorage;
import dev.plinth.network.AppTier;
import dev.plinth.network.DataPlacement;
import dev.plinth.random.RandomPassword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL on RDS: the primary (Multi-AZ where configured), read replicas in other zones, a
 * parameter group that forces TLS and logs slow queries, enhanced monitoring, and a security group
 * that admits 5432 from the application only. The master credentials are Plinth's own ({@link
 * MasterCredentials}): a generated password in a Secrets Manager secret under the secrets key,
 * replicated to the disaster-recovery region where secrets are, rotated every {@code
 * masterPasswordRotationDays} by AWS's single-user PostgreSQL rotation function. RDS-managed
 * passwords ({@code manageMasterUserPassword}) are not used: RDS creates no read replica of an
 * instance whose password it manages (DEP-17), and issue 17 needs replicas. Where {@code
 * crossRegionBackupReplication} is on, the primary's automated backups are replicated to the
 * disaster-recovery region, encrypted with a key created there.
 */
public final class Database extends Component {
  /** PostgreSQL's port. */
  public static final int PORT = 5432;

  /** The database RDS creates with the instance. */
  public static final String DATABASE_NAME = "plinth";

  public static final String TYPE = "plinth:data:Database";

  /** Seed 004: an application container's pool holds at most 50 connections. */
  public static final int POOL_PER_CONTAINER = 50;

  /** Seed 004: slow queries above 500 ms are logged. */
  static final int SLOW_QUERY_MS = 500;

  /**
   * The logs each instance exports to CloudWatch Logs (RDS for PostgreSQL: postgresql | upgrade |
   * iam-db-auth-error, rds 2014-10-31 CreateDBInstance, EnableCloudwatchLogsExports).
   */
  static final List<String> LOG_EXPORTS = List.of("postgresql", "upgrade");

  /**
   * The log group RDS writes an exported log to: {@code /aws/rds/instance/<identifier>/<log>} (RDS
   * User Guide, "Publishing PostgreSQL logs to Amazon CloudWatch Logs"). RDS creates it on first
   * export with no key and no expiry unless it exists already, so Plinth creates it first.
   */
  public static String logGroupName(String identifier, String log) {
    return "/aws/rds/instance/" + identifier + "/" + log;
  }

  /**
   * What the database needs: its subnet group, the application tier it admits, the keys (its
   * storage under {@link KeyDomain#DATABASE}, its master secret under {@link KeyDomain#SECRETS}),
   * its log groups' storage, and its {@link Source}: a writer (whose automated backups replicate to
   * the disaster-recovery region) or a standby's replica of its primary.
   */
  public record Args(
      DatabaseSettings settings,
      Environment environment,
      DataPlacement placement,
      AppTier appTier,
      KeyRing keys,
      LogStorage logs,
      AwsContext aws,
      Source source) {}

  /** Where the database's data comes from: it is the writer, or a replica of another region's. */
  public sealed interface Source {}

  /**
   * The writer: a new PostgreSQL instance, whose automated backups replicate to {@code dr} where
   * {@code crossRegionBackupReplication} is on.
   */
  public record Writer(DrRegion dr) implements Source {}

  /**
   * A standby's database: a cross-region read replica of the primary's instance {@code sourceArn}
   * (rds 2014-10-31 CreateDBInstanceReadReplica SourceDBInstanceIdentifier: "must be the ARN" for a
   * source in another region), promoted to a writer on failover. {@code credentialsSecretArn} is
   * the secret the application reads the credentials from in this region, {@code credentialsKeyArn}
   * the key that secret's replica is encrypted with (the primary's secrets key in this region).
   */
  public record ReplicaOf(
      Output<String> sourceArn,
      Output<String> credentialsSecretArn,
      Output<String> credentialsKeyArn)
      implements Source {}

  private final Instance primary;
  private final SecretRef masterSecret;
  private final List<Instance> replicas = new ArrayList<>();
  private final Output<String> securityGroupId;
  private InstanceAutomatedBackupsReplication backupReplication;
  private Optional<DatabaseProxy.Built> proxyAccess = Optional.empty();
  private final String masterUsername;

  public Database(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    DatabaseSettings s = args.settings();
    String major = s.engineVersion().split("\\.")[0];
    masterUsername = s.masterUsername();

    var group =
        DataSecurityGroups.onlyFromApp(
            child("sg"),
            "PostgreSQL",
            PORT,
            args.placement().vpcId(),
            args.appTier().securityGroupId(),
            childOptions());
    securityGroupId = group.id();
    var parameters = createParameterGroup(args, major);
    var monitoringRole = createMonitoringRole(name);
    Shared shared = new Shared(group, parameters, monitoringRole);
    if (args.source() instanceof ReplicaOf replicaOf) {
      primary = createStandbyReplica(name, args, replicaOf, shared);
      masterSecret = new SecretRef(replicaOf.credentialsSecretArn(), replicaOf.credentialsKeyArn());
      if (s.proxy().enabled()) {
        // Only once a failover has promoted the replica to a writer (plinth:dr.promoted):
        // RDS Proxy fronts no read replica (DatabaseValidation.STANDBY_PROXY).
        proxyAccess = Optional.of(DatabaseProxy.create(this, args, primary, masterSecret, group));
      }
    } else {
      DrRegion dr = ((Writer) args.source()).dr();
      var password = MasterCredentials.password(this);
      primary = createPrimary(name, args, major, shared, password);
      for (int i = 0; i < s.readReplicas(); i++) {
        replicas.add(createReplica(i, args, shared));
      }
      masterSecret = MasterCredentials.storeAndRotate(this, args, dr, primary, password, group);
      if (s.proxy().enabled()) {
        proxyAccess = Optional.of(DatabaseProxy.create(this, args, primary, masterSecret, group));
      }
      if (s.crossRegionBackupReplication()) {
        replicateBackups(args, dr);
      }
    }
    registerOutputs(
        Map.of(
            "endpoint", primary.endpoint(),
            "masterSecretArn", masterSecretArn(),
            "replicatedBackupsArn", replicatedBackupsArn()));
  }

  /** What the primary and its replicas share: the security group, parameters, monitoring role. */
  private record Shared(SecurityGroup group, ParameterGroup parameters, Role monitoringRole) {}

  /** The parameter group: TLS only, queries slower than {@value #SLOW_QUERY_MS} ms logged. */
  private ParameterGroup createParameterGroup(Args args, String major) {
    return new ParameterGroup(
        child("params"),
        ParameterGroupArgs.builder()
            .family("postgres" + major)
            .description("Plinth " + args.environment().key() + ": TLS only, slow-query log")
            .parameters(
                List.of(
                    parameter("rds.force_ssl", "1", "immediate"),
                    parameter(
                        "log_min_duration_statement", String.valueOf(SLOW_QUERY_MS), "immediate"),
                    parameter("shared_preload_libraries", "pg_stat_statements", "pending-reboot")))
            .build(),
        childOptions());
  }

  /** The role RDS enhanced monitoring assumes, with AWS's policy for it. */
  private Role createMonitoringRole(String name) {
    var monitoringRole =
        new Role(
            child("monitoring-role"),
            RoleArgs.builder()
                .description("Enhanced monitoring of " + name)
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect", "Allow",
                            "Principal", obj("Service", "monitoring.rds.amazonaws.com"),
                            "Action", "sts:AssumeRole")))
                .build(),
            childOptions());
    new RolePolicyAttachment(
        child("monitoring-policy"),
        RolePolicyAttachmentArgs.builder()
            .role(monitoringRole.name())
            .policyArn("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")
            .build(),
        childOptions());
    return monitoringRole;
  }

  /**
   * The primary, after its log groups: encrypted, the generated master password (a secret output:
   * the plan shows it as [secret]), deletion protection and a final snapshot outside dev, protected
   * in prod.
   */
  private Instance createPrimary(
      String name, Args args, String major, Shared shared, RandomPassword password) {
    DatabaseSettings s = args.settings();
    boolean dev = args.environment() == Environment.DEV;
    // A fixed identifier (not an auto-name) so that the log groups' names are known before the
    // instance exists; unique per account and region like every stack's prefix.
    String primaryId = child("primary");
    var primaryArgs =
        InstanceArgs.builder()
            .identifier(primaryId)
            .engine("postgres")
            .engineVersion(major)
            .autoMinorVersionUpgrade(true)
            .instanceClass(s.instanceClass())
            .multiAz(s.multiAz())
            .dbSubnetGroupName(args.placement().subnetGroupName())
            .port(PORT)
            .dbName(DATABASE_NAME)
            .username(s.masterUsername())
            .password(password.result())
            .allocatedStorage(s.allocatedStorageGb())
            .kmsKeyId(args.keys().arn(KeyDomain.DATABASE))
            .backupRetentionPeriod(s.backupRetentionDays())
            .backupWindow(s.backupWindow())
            .maintenanceWindow(s.maintenanceWindow())
            .skipFinalSnapshot(dev)
            .performanceInsightsRetentionPeriod(7)
            .tags(Map.of("plinth:backup", "true"));
    hardened(primaryArgs, args, shared);
    if (!dev) {
      primaryArgs.finalSnapshotIdentifier(name + "-final");
    }
    return new Instance(
        child("primary"),
        primaryArgs.build(),
        CustomResourceOptions.merge(
            statefulOptions(args.environment().isProduction()),
            CustomResourceOptions.builder()
                .dependsOn(logGroups("primary", primaryId, args))
                .build()));
  }

  /**
   * The standby's database: a read replica of the primary in another region, in this region's
   * subnets, encrypted with this region's database key. A cross-region encrypted replica must name
   * a key of its own region: "If you create an encrypted read replica in a different Amazon Web
   * Services Region, then you must specify a KMS key identifier for the destination Amazon Web
   * Services Region" (rds 2014-10-31 CreateDBInstanceReadReplica, KmsKeyId). Single-AZ until it is
   * promoted (docs/dr.md); deletion protection and a final snapshot as for a writer.
   */
  private Instance createStandbyReplica(String name, Args args, ReplicaOf source, Shared shared) {
    DatabaseSettings s = args.settings();
    boolean dev = args.environment() == Environment.DEV;
    String replicaId = child("standby");
    var replicaArgs =
        InstanceArgs.builder()
            .identifier(replicaId)
            .replicateSourceDb(source.sourceArn())
            .instanceClass(s.instanceClass())
            .multiAz(false)
            .dbSubnetGroupName(args.placement().subnetGroupName())
            .port(PORT)
            .autoMinorVersionUpgrade(true)
            .kmsKeyId(args.keys().arn(KeyDomain.DATABASE))
            .skipFinalSnapshot(dev)
            .performanceInsightsRetentionPeriod(7)
            .tags(Map.of("plinth:backup", "true"));
    hardened(replicaArgs, args, shared);
    if (!dev) {
      replicaArgs.finalSnapshotIdentifier(name + "-final");
    }
    return new Instance(
        child("standby"),
        replicaArgs.build(),
        CustomResourceOptions.merge(
            statefulOptions(args.environment().isProduction()),
            CustomResourceOptions.builder()
                .dependsOn(logGroups("standby", replicaId, args))
                .build()));
  }

  /**
   * What every instance of the database has, writer and replicas alike: private, in the database's
   * security group and parameter group, encrypted gp3 storage that grows to {@code
   * maxAllocatedStorageGb}, tags copied to snapshots, deletion protection outside dev, Performance
   * Insights under the database key, enhanced monitoring every 60 s, its logs exported, IAM
   * authentication.
   */
  private static void hardened(InstanceArgs.Builder b, Args args, Shared shared) {
    b.publiclyAccessible(false)
        .vpcSecurityGroupIds(shared.group().id().applyValue(List::of))
        .parameterGroupName(shared.parameters().name())
        .storageType("gp3")
        .maxAllocatedStorage(args.settings().maxAllocatedStorageGb())
        .storageEncrypted(true)
        .copyTagsToSnapshot(true)
        .deletionProtection(args.environment() != Environment.DEV)
        .performanceInsightsEnabled(true)
        .performanceInsightsKmsKeyId(args.keys().arn(KeyDomain.DATABASE))
        .monitoringInterval(60)
        .monitoringRoleArn(shared.monitoringRole().arn())
        .enabledCloudwatchLogsExports(LOG_EXPORTS)
        .iamDatabaseAuthenticationEnabled(true);
  }

  /** Read replica {@code index + 1}, in the zone after the previous one, after its log groups. */
  private Instance createReplica(int index, Args args, Shared shared) {
    DatabaseSettings s = args.settings();
    int zone = index + 1;
    String replica = "replica-" + (index + 1);
    String replicaId = child(replica);
    // No kmsKeyId: a replica in the primary's region is always encrypted with the primary's key,
    // and the API says not to name one there (rds 2014-10-31 CreateDBInstanceReadReplica,
    // KmsKeyId); only a cross-region replica names a key of its region.
    var replicaArgs =
        InstanceArgs.builder()
            .identifier(replicaId)
            .replicateSourceDb(primary.identifier())
            .instanceClass(s.instanceClass())
            .availabilityZone(args.placement().zones().applyValue(z -> z.get(zone % z.size())))
            .autoMinorVersionUpgrade(true)
            .skipFinalSnapshot(true);
    hardened(replicaArgs, args, shared);
    return new Instance(
        child(replica),
        replicaArgs.build(),
        CustomResourceOptions.merge(
            statefulOptions(args.environment().isProduction()),
            CustomResourceOptions.builder()
                .dependsOn(logGroups(replica, replicaId, args))
                .build()));
  }

  /**
   * The log groups an instance exports to, created before it with the logs key and the
   * environment's retention ({@code <name>-<instance>-logs-<log>}).
   */
  private List<com.pulumi.resources.Resource> logGroups(
      String instance, String identifier, Args args) {
    List<com.pulumi.resources.Resource> groups = new ArrayList<>();
    for (String log : LOG_EXPORTS) {
      groups.add(
          new LogGroup(
              child(instance + "-logs-" + log),
              LogGroupArgs.builder()
                  .name(logGroupName(identifier, log))
                  .retentionInDays(args.logs().retentionDays())
                  .kmsKeyId(args.logs().keyArn())
                  .build(),
              childOptions()));
    }
    return groups;
  }

  /**
   * Automated-backup replication to the DR region: RDS copies the primary's snapshots and
   * transaction logs there, so a point-in-time restore in the DR region is possible for the
   * retention period. Replicated backups must be encrypted with a key of the destination region; it
   * gets the database domain's policy for that region.
   */
  private void replicateBackups(Args args, DrRegion dr) {
    String env = args.environment().key();
    String drRegion = dr.region();
    var drKey =
        Keys.inRegion(
            child("dr-key"),
            KeyDomain.DATABASE,
            "Plinth " + env + ": replicated PostgreSQL backups in " + drRegion,
            new Keys.DrPlacement(args.environment(), args.aws(), drRegion, this, dr.provider()));
    backupReplication =
        new InstanceAutomatedBackupsReplication(
            child("backup-replication"),
            InstanceAutomatedBackupsReplicationArgs.builder()
                .sourceDbInstanceArn(primary.arn())
                .retentionPeriod(args.settings().backupRetentionDays())
                .kmsKeyId(drKey.arn())
                .build(),
            CustomResourceOptions.builder().parent(this).provider(dr.provider()).build());
  }

  /**
   * The ARN of the replicated automated backups in the DR region (what {@code
   * restore-db-instance-to-point-in-time --source-db-instance-automated-backups-arn} takes); empty
   * when replication is off.
   */
  public Output<String> replicatedBackupsArn() {
    return backupReplication == null ? Output.of("") : backupReplication.id();
  }

  private static ParameterGroupParameterArgs parameter(String name, String value, String apply) {
    return ParameterGroupParameterArgs.builder().name(name).value(value).applyMethod(apply).build();
  }

  /** host:port of the primary. */
  public Output<String> endpoint() {
    return primary.endpoint();
  }

  /** The primary's host name. */
  public Output<String> address() {
    return primary.address();
  }

  /** Host names of the read replicas. */
  public Output<List<String>> replicaAddresses() {
    return Output.all(replicas.stream().map(Instance::address).toList());
  }

  /**
   * The Secrets Manager secret that holds the master credentials (engine, host, port, username,
   * password, dbname).
   */
  public Output<String> masterSecretArn() {
    return masterSecret.arn();
  }

  public Output<String> arn() {
    return primary.arn();
  }

  /**
   * The handle a workload connects with: the writer, the port, the database, the credentials, and
   * the proxy where there is one.
   */
  public DatabaseConnection connection() {
    return new DatabaseConnection(
        address(),
        PORT,
        DATABASE_NAME,
        masterSecret,
        proxyAccess.map(
            p ->
                new DatabaseConnection.ProxyAccess(
                    p.proxy().endpoint(),
                    masterUsername,
                    p.proxy()
                        .arn()
                        .applyValue(arn -> DatabaseProxy.dbUserArn(arn, masterUsername)))));
  }

  /** The proxy's endpoint (host name), where the database has a proxy. */
  public Optional<Output<String>> proxyEndpoint() {
    return proxyAccess.map(p -> p.proxy().endpoint());
  }

  /** The proxy's name (the {@code ProxyName} dimension of its metrics), where there is one. */
  public Optional<Output<String>> proxyName() {
    return proxyAccess.map(p -> p.proxy().name());
  }

  /** The proxy's security group, where there is one. */
  public Optional<Output<String>> proxySecurityGroupId() {
    return proxyAccess.map(p -> p.group().id());
  }

  /** Identifiers of the read replicas. */
  public List<Output<String>> replicaIdentifiers() {
    return replicas.stream().map(Instance::identifier).toList();
  }

  /**
   * RDS PostgreSQL's default max_connections, LEAST(DBInstanceClassMemory/9531392, 5000), for the
   * class's memory from the RDS User Guide's table ({@link
   * dev.plinth.config.InstanceMemory#maxConnections}); 100 for a class not in the table.
   */
  public static int maxConnections(String instanceClass) {
    return dev.plinth.config.InstanceMemory.maxConnections(instanceClass).orElse(100);
  }

  /**
   * The primary's DB instance identifier (what every {@code aws rds} command of a runbook takes).
   */
  public Output<String> identifier() {
    return primary.identifier();
  }

  /**
   * The database's security group (admits the application tier on 5432): a component that admits
   * one more caller on {@link #PORT} under its own name (the operator access does), and a restored
   * or promoted instance outside Pulumi ({@code --vpc-security-group-ids}).
   */
  public Output<String> securityGroupId() {
    return securityGroupId;
  }
}
