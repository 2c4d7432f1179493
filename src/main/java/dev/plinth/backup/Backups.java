package dev.plinth.backup;

import static dev.plinth.Json.obj;

import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.PlanArgs;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.SelectionArgs;
import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.backup.VaultArgs;
import com.pulumi.aws.backup.inputs.PlanRuleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionLifecycleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleLifecycleArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.DrRegion;
import dev.plinth.Json;
import dev.plinth.config.BackupSettings;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import dev.plinth.keys.Keys;
import dev.plinth.storage.PrivateBucket;
import java.util.List;
import java.util.Map;

/**
 * Backups: a versioned, KMS-encrypted backups bucket with seed 003's lifecycle and server access
 * logging, replicated in prod to a bucket in the disaster-recovery region (through a second AWS
 * provider); and an AWS Backup vault and daily plan that backs up the database, copying each
 * recovery point to a vault in the disaster-recovery region in prod.
 */
public final class Backups extends Component {
  public static final String TYPE = "plinth:backup:Backups";

  public record Args(
      BackupSettings settings,
      Environment environment,
      AwsContext aws,
      KeyRing keys,
      Output<String> databaseArn,
      DrRegion dr) {}

  private final PrivateBucket backups;
  private final Vault vault;
  private final Plan plan;
  private PrivateBucket replica;
  private final Output<String> accessLogsBucket;
  private Output<String> roleArn;

  public Backups(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    boolean prod = args.environment().isProduction();
    String env = args.environment().key();

    // Server access logs of the backups bucket (and of the audit bucket, in this region).
    var logs =
        accessLogs(
            child("access-logs"),
            args.aws().name("") + "-access-logs-",
            args,
            prod,
            childOptions());
    accessLogsBucket = logs.bucket().id();
    backups = createBackupsBucket(args, logs);
    vault =
        new Vault(
            child("vault"),
            VaultArgs.builder()
                .name(vaultName(args))
                .kmsKeyArn(args.keys().arn(KeyDomain.BACKUP))
                .build(),
            statefulOptions(prod));
    Vault drVault = args.settings().crossRegion() ? createDisasterRecoveryCopies(args) : null;
    plan = createPlan(args, drVault);
    selectTheDatabase(args);
    registerOutputs(
        Map.of("backupsBucketName", backups.bucket().id(), "backupVaultName", vault.name()));
  }

  /** The backups bucket under the backup key, with its lifecycle, TLS-only policy and logging. */
  private PrivateBucket createBackupsBucket(Args args, PrivateBucket logs) {
    String env = args.environment().key();
    var bucket =
        new PrivateBucket(
            child("bucket"),
            args.aws().name("") + "-backups-",
            false,
            dev(args),
            args.keys().arn(KeyDomain.BACKUP),
            statefulOptions(args.environment().isProduction()),
            childOptions());
    lifecycle(child("bucket"), bucket, args.settings(), childOptions());
    policy(child("bucket"), bucket, args, childOptions(), Backups::tlsOnly);
    new BucketLoggingV2(
        child("bucket-logging"),
        BucketLoggingV2Args.builder()
            .bucket(bucket.bucket().id())
            .targetBucket(logs.bucket().id())
            .targetPrefix("backups/")
            .build(),
        childOptions());
    return bucket;
  }

  /**
   * In the disaster-recovery region, through its provider: a key, the replica bucket (with its own
   * access-log bucket), the replication to it, and the vault recovery points are copied to; returns
   * that vault.
   */
  private Vault createDisasterRecoveryCopies(Args args) {
    BackupSettings s = args.settings();
    boolean prod = args.environment().isProduction();
    String env = args.environment().key();
    CustomResourceOptions inDr =
        CustomResourceOptions.builder().parent(this).provider(args.dr().provider()).build();
    CustomResourceOptions statefulInDr =
        CustomResourceOptions.builder()
            .parent(this)
            .provider(args.dr().provider())
            .protect(prod)
            .build();
    var drKey =
        new Key(
            child("dr-key"),
            KeyArgs.builder()
                .description("Plinth " + env + ": replicated backups in " + args.dr().region())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(
                    Output.tuple(args.aws().accountId(), args.aws().partition())
                        .applyValue(
                            t -> Keys.policy(KeyDomain.BACKUP, t.t1, t.t2, args.dr().region())))
                .build(),
            statefulInDr);
    replica =
        new PrivateBucket(
            child("dr-bucket"),
            args.aws().name("") + "-backups-dr-",
            false,
            dev(args),
            drKey.arn(),
            statefulInDr,
            inDr);
    lifecycle(child("dr-bucket"), replica, s, inDr);
    policy(child("dr-bucket"), replica, args, inDr, Backups::tlsOnly);
    // S3 delivers access logs only within a region: the replica's go to a log bucket beside it.
    var drLogs =
        accessLogs(
            child("dr-access-logs"), args.aws().name("") + "-access-logs-dr-", args, prod, inDr);
    new BucketLoggingV2(
        child("dr-bucket-logging"),
        BucketLoggingV2Args.builder()
            .bucket(replica.bucket().id())
            .targetBucket(drLogs.bucket().id())
            .targetPrefix("backups-dr/")
            .build(),
        inDr);
    replicate(args, drKey, inDr);
    return new Vault(
        child("dr-vault"),
        VaultArgs.builder().name(args.aws().name("") + "-dr").kmsKeyArn(drKey.arn()).build(),
        statefulInDr);
  }

  /** The daily plan into the vault; each recovery point copied to {@code drVault} when given. */
  private Plan createPlan(Args args, Vault drVault) {
    BackupSettings s = args.settings();
    var rule =
        PlanRuleArgs.builder()
            .ruleName("daily")
            .targetVaultName(vault.name())
            .schedule(s.schedule())
            .startWindow(60)
            .completionWindow(180)
            .lifecycle(PlanRuleLifecycleArgs.builder().deleteAfter(s.retentionDays()).build());
    if (drVault != null) {
      rule.copyActions(
          PlanRuleCopyActionArgs.builder()
              .destinationVaultArn(drVault.arn())
              .lifecycle(
                  PlanRuleCopyActionLifecycleArgs.builder().deleteAfter(s.retentionDays()).build())
              .build());
    }
    return new Plan(
        child("plan"),
        PlanArgs.builder().name(args.aws().name("-daily")).rules(rule.build()).build(),
        childOptions());
  }

  /**
   * The vault's name: {@code plinth-<stack>} for a stack named after its environment (dev, staging,
   * prod keep theirs), {@code plinth-<stack>-vault} otherwise: a standby named {@code prod-dr}
   * would take {@code plinth-prod-dr}, the name of prod's vault in the DR region, which is the
   * standby's region (vault names are unique per account and region, backup 2018-11-15
   * CreateBackupVault BackupVaultName).
   */
  static String vaultName(Args args) {
    boolean namedAfterEnvironment = args.aws().stack().equals(args.environment().key());
    return args.aws().name(namedAfterEnvironment ? "" : "-vault");
  }

  /**
   * The plan's selection of the database, through a role AWS Backup assumes to back up and restore.
   */
  private void selectTheDatabase(Args args) {
    String env = args.environment().key();
    var role =
        new Role(
            child("role"),
            RoleArgs.builder()
                .description("AWS Backup for " + args.aws().name(""))
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect", "Allow",
                            "Principal", obj("Service", "backup.amazonaws.com"),
                            "Action", "sts:AssumeRole")))
                .build(),
            childOptions());
    roleArn = role.arn();
    for (String policy :
        List.of("AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores")) {
      new RolePolicyAttachment(
          child("role-" + (policy.endsWith("Backup") ? "backup" : "restores")),
          RolePolicyAttachmentArgs.builder()
              .role(role.name())
              .policyArn("arn:aws:iam::aws:policy/service-role/" + policy)
              .build(),
          childOptions());
    }
    new Selection(
        child("database"),
        SelectionArgs.builder()
            .name(args.aws().name("") + "-database")
            .planId(plan.id())
            .iamRoleArn(role.arn())
            .resources(args.databaseArn().applyValue(List::of))
            .build(),
        childOptions());
  }

  /**
   * A bucket for S3 server access logs: SSE-S3 (S3 delivers access logs only to SSE-S3 buckets),
   * the backups' lifecycle, TLS only, and writable by the S3 logging service for this account.
   */
  private PrivateBucket accessLogs(
      String name, String prefix, Args args, boolean prod, CustomResourceOptions options) {
    var stateful = CustomResourceOptions.merge(options, statefulOptions(prod));
    var logs = new PrivateBucket(name, prefix, false, dev(args), null, stateful, options);
    lifecycle(name, logs, args.settings(), options);
    policy(
        name,
        logs,
        args,
        options,
        (bucketArn, account) ->
            List.of(
                PrivateBucket.denyInsecureTransport(bucketArn),
                obj(
                    "Sid",
                    "S3ServerAccessLogs",
                    "Effect",
                    "Allow",
                    "Principal",
                    obj("Service", "logging.s3.amazonaws.com"),
                    "Action",
                    "s3:PutObject",
                    "Resource",
                    bucketArn + "/*",
                    "Condition",
                    obj("StringEquals", obj("aws:SourceAccount", account)))));
    return logs;
  }

  /** The bucket that receives this region's S3 server access logs. */
  public Output<String> accessLogsBucket() {
    return accessLogsBucket;
  }

  /** Seed 003's tiering; overwritten versions and unfinished uploads don't linger. */
  /** Dev's buckets hold disposable data: {@code pulumi destroy -s dev} empties them. */
  private static boolean dev(Args args) {
    return args.environment() == Environment.DEV;
  }

  private static void lifecycle(
      String name, PrivateBucket bucket, BackupSettings s, CustomResourceOptions options) {
    bucket.tiering(
        name + "-lifecycle",
        s.infrequentAccessDays(),
        s.glacierDays(),
        s.expireDays(),
        s.noncurrentExpireDays(),
        options);
  }

  private static List<Object> tlsOnly(String bucketArn, String account) {
    return List.of(PrivateBucket.denyInsecureTransport(bucketArn));
  }

  private interface Statements {
    List<Object> of(String bucketArn, String account);
  }

  private void policy(
      String name,
      PrivateBucket bucket,
      Args args,
      CustomResourceOptions options,
      Statements statements) {
    new BucketPolicy(
        name + "-policy",
        BucketPolicyArgs.builder()
            .bucket(bucket.bucket().id())
            .policy(
                Output.tuple(bucket.bucket().arn(), args.aws().accountId())
                    .applyValue(t -> Json.policy(statements.of(t.t1, t.t2).toArray())))
            .build(),
        CustomResourceOptions.merge(
            options,
            CustomResourceOptions.builder().dependsOn(bucket.publicAccessBlock()).build()));
  }

  /** Replication of every object, deletes included, re-encrypted with the DR region's key. */
  private void replicate(Args args, Key drKey, CustomResourceOptions inDr) {
    var role =
        new Role(
            child("replication-role"),
            RoleArgs.builder()
                .description("S3 replication of the backups bucket to " + args.dr().region())
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect", "Allow",
                            "Principal", obj("Service", "s3.amazonaws.com"),
                            "Action", "sts:AssumeRole")))
                .build(),
            childOptions());
    var rolePolicy =
        new RolePolicy(
            child("replication-policy"),
            RolePolicyArgs.builder()
                .role(role.id())
                .policy(
                    Output.tuple(
                            backups.bucket().arn(),
                            replica.bucket().arn(),
                            args.keys().arn(KeyDomain.BACKUP),
                            drKey.arn())
                        .applyValue(t -> replicationPolicy(t.t1, t.t2, t.t3, t.t4)))
                .build(),
            childOptions());
    new BucketReplicationConfig(
        child("replication"),
        BucketReplicationConfigArgs.builder()
            .bucket(backups.bucket().id())
            .role(role.arn())
            .rules(
                BucketReplicationConfigRuleArgs.builder()
                    .id("to-" + args.dr().region())
                    .status("Enabled")
                    .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                    .deleteMarkerReplication(
                        BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                            .status("Enabled")
                            .build())
                    .sourceSelectionCriteria(
                        BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                            .sseKmsEncryptedObjects(
                                BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs
                                    .builder()
                                    .status("Enabled")
                                    .build())
                            .build())
                    .destination(
                        BucketReplicationConfigRuleDestinationArgs.builder()
                            .bucket(replica.bucket().arn())
                            .storageClass("STANDARD_IA")
                            .encryptionConfiguration(
                                BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs
                                    .builder()
                                    .replicaKmsKeyId(drKey.arn())
                                    .build())
                            .build())
                    .build())
            .build(),
        CustomResourceOptions.builder().parent(this).dependsOn(List.of(rolePolicy)).build());
  }

  /**
   * The replication role's policy: read the source bucket's objects and decrypt them with the
   * backup key, write replicas to the DR bucket and encrypt them with the DR region's key.
   */
  static String replicationPolicy(
      String sourceArn, String replicaArn, String sourceKeyArn, String drKeyArn) {
    return Json.policy(
        obj(
            "Effect",
            "Allow",
            "Action",
            List.of("s3:GetReplicationConfiguration", "s3:ListBucket"),
            "Resource",
            sourceArn),
        obj(
            "Effect",
            "Allow",
            "Action",
            List.of(
                "s3:GetObjectVersionForReplication",
                "s3:GetObjectVersionAcl",
                "s3:GetObjectVersionTagging"),
            "Resource",
            sourceArn + "/*"),
        obj(
            "Effect",
            "Allow",
            "Action",
            List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"),
            "Resource",
            replicaArn + "/*"),
        obj("Effect", "Allow", "Action", "kms:Decrypt", "Resource", sourceKeyArn),
        obj("Effect", "Allow", "Action", "kms:Encrypt", "Resource", drKeyArn));
  }

  public Output<String> bucketName() {
    return backups.bucket().id();
  }

  public Output<String> drBucketName() {
    return replica == null ? Output.of("") : replica.bucket().id();
  }

  public Output<String> vaultName() {
    return vault.name();
  }

  /**
   * The role AWS Backup assumes, with AWS's backup and restore policies: {@code start-restore-job
   * --iam-role-arn} takes it.
   */
  public Output<String> roleArn() {
    return roleArn;
  }

  public Output<String> planId() {
    return plan.id();
  }
}
