package dev.plinth.observability;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.guardduty.Detector;
import com.pulumi.aws.guardduty.DetectorArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleDefaultRetentionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.ObservabilitySettings;
import dev.plinth.storage.PrivateBucket;
import java.util.List;
import java.util.Map;

/**
 * The audit trail (seeds 002 and 004): a multi-region CloudTrail trail with log-file validation,
 * encrypted with the audit key, delivered to CloudWatch Logs and into a bucket whose Object Lock
 * keeps every log file unchangeable for {@code auditRetentionDays} (the trail's log group keeps
 * them as long) and whose lifecycle deletes it then; the account's GuardDuty detector when this
 * stack owns it. The lock is in compliance mode in prod (nobody, root included, can shorten it; the
 * bucket is protected); elsewhere in governance mode, and in dev the bucket is emptied on destroy,
 * so that {@code pulumi destroy -s dev} works.
 */
public final class AuditTrail extends Component {
  public static final String TYPE = "plinth:observability:AuditTrail";

  /** Tag on a resource this stack owns for the whole account and region (a singleton). */
  public static final String ACCOUNT_SINGLETON_TAG = "plinth:account-singleton";

  /**
   * The Object Lock mode: COMPLIANCE in prod, where the audit logs must outlive any operator and
   * the bucket is protected (no user, root included, can delete a locked version before its
   * retention ends, so a destroy could only fail half way); GOVERNANCE elsewhere, where whoever may
   * bypass it (s3:BypassGovernanceRetention) can delete the logs, and dev's destroy empties the
   * bucket (s3 2006-03-01 PutObjectLockConfiguration, DefaultRetention Mode: GOVERNANCE |
   * COMPLIANCE; S3 User Guide, "Object Lock": retention modes).
   */
  static String lockMode(boolean production) {
    return production ? "COMPLIANCE" : "GOVERNANCE";
  }

  /**
   * Days after a log file becomes noncurrent before it is deleted. Expiring the current version of
   * a versioned bucket only adds a delete marker and leaves the log as a noncurrent version (S3
   * User Guide, "Lifecycle configuration elements": Expiration on a versioning-enabled bucket); it
   * must then go too, or the retention doubles. One day after it expires, its lock has run out.
   */
  static final int NONCURRENT_DAYS = 1;

  public record Args(
      String environment,
      int retentionDays,
      ObservabilitySettings.GuardDuty guardDuty,
      boolean protect,
      Output<String> auditKeyArn,
      Output<String> logsKeyArn,
      Output<String> accessLogsBucket,
      AwsContext aws) {}

  private final BucketV2 bucket;
  private final Trail trail;

  public AuditTrail(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    String trailName = args.aws().name("");
    var privateBucket = logBucket(args);
    bucket = privateBucket.bucket();
    var policy = trailWriteAccess(args, trailName, privateBucket);
    var delivery = cloudWatchDelivery(args, trailName);
    trail = trail(args, trailName, policy, delivery);
    if (args.guardDuty() == ObservabilitySettings.GuardDuty.CREATE) {
      guardDuty();
    }
    registerOutputs(Map.of("trailArn", trail.arn(), "auditBucketName", bucket.id()));
  }

  /**
   * The trail's bucket: private, encrypted with the audit key, its own access logged, under Object
   * Lock for the retention, and tiered.
   */
  private PrivateBucket logBucket(Args args) {
    boolean destroyable = dev.plinth.config.Environment.DEV.key().equals(args.environment());
    var privateBucket =
        new PrivateBucket(
            child("bucket"),
            args.aws().name("-audit-"),
            true,
            destroyable,
            args.auditKeyArn(),
            statefulOptions(args.protect()),
            childOptions());
    var bucket = privateBucket.bucket();
    // Who read or changed the audit logs: S3 server access logs into the region's log bucket.
    new com.pulumi.aws.s3.BucketLoggingV2(
        child("bucket-logging"),
        com.pulumi.aws.s3.BucketLoggingV2Args.builder()
            .bucket(bucket.id())
            .targetBucket(args.accessLogsBucket())
            .targetPrefix("audit/")
            .build(),
        childOptions());
    new BucketObjectLockConfigurationV2(
        child("bucket-object-lock"),
        BucketObjectLockConfigurationV2Args.builder()
            .bucket(bucket.id())
            .rule(
                BucketObjectLockConfigurationV2RuleArgs.builder()
                    .defaultRetention(
                        BucketObjectLockConfigurationV2RuleDefaultRetentionArgs.builder()
                            .mode(lockMode(args.protect()))
                            .days(args.retentionDays())
                            .build())
                    .build())
            .build(),
        childOptions());
    // Seed 003's tiering, expiring when Object Lock releases a log file (seed 004: kept one year),
    // and deleting the expired (noncurrent) version a day later.
    privateBucket.tiering(
        child("bucket-lifecycle"), 30, 90, args.retentionDays(), NONCURRENT_DAYS, childOptions());
    return privateBucket;
  }

  /**
   * The bucket's policy: TLS only, and CloudTrail may write this account's logs; made after the
   * public access block. The trail waits for it.
   */
  private BucketPolicy trailWriteAccess(Args args, String trailName, PrivateBucket privateBucket) {
    var bucket = privateBucket.bucket();
    var publicBlock = privateBucket.publicAccessBlock();
    return new BucketPolicy(
        child("bucket-policy"),
        BucketPolicyArgs.builder()
            .bucket(bucket.id())
            .policy(
                Output.tuple(bucket.arn(), args.aws().accountId(), args.aws().partition())
                    .applyValue(
                        t -> bucketPolicy(t.t1, t.t2, t.t3, args.aws().region(), trailName)))
            .build(),
        CustomResourceOptions.builder().parent(this).dependsOn(publicBlock).build());
  }

  /** Where the trail also delivers, and the role it delivers with; the trail waits for both. */
  private record Delivery(LogGroup logGroup, Role role, RolePolicy rolePolicy) {}

  /** The trail's log group under the logs key, and a role that may write only there. */
  private Delivery cloudWatchDelivery(Args args, String trailName) {
    var logGroup =
        new LogGroup(
            child("logs"),
            LogGroupArgs.builder()
                .name("/plinth/" + args.aws().stack() + "/cloudtrail")
                .retentionInDays(args.retentionDays())
                .kmsKeyId(args.logsKeyArn())
                .build(),
            childOptions());
    var role =
        new Role(
            child("logs-role"),
            RoleArgs.builder()
                .description("Lets CloudTrail deliver " + trailName + " to CloudWatch Logs")
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect", "Allow",
                            "Principal", obj("Service", "cloudtrail.amazonaws.com"),
                            "Action", "sts:AssumeRole")))
                .build(),
            childOptions());
    var rolePolicy =
        new RolePolicy(
            child("logs-policy"),
            RolePolicyArgs.builder()
                .role(role.id())
                .policy(
                    logGroup
                        .arn()
                        .applyValue(
                            arn ->
                                Json.policy(
                                    obj(
                                        "Effect",
                                        "Allow",
                                        "Action",
                                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                        "Resource",
                                        arn + ":*"))))
                .build(),
            childOptions());
    return new Delivery(logGroup, role, rolePolicy);
  }

  /**
   * The multi-region trail, with log file validation, into the bucket and the log group; it waits
   * for the bucket's policy and the role's.
   */
  private Trail trail(Args args, String trailName, BucketPolicy policy, Delivery delivery) {
    var logGroup = delivery.logGroup();
    return new Trail(
        child("trail"),
        TrailArgs.builder()
            .name(trailName)
            .s3BucketName(bucket.id())
            .isMultiRegionTrail(true)
            .includeGlobalServiceEvents(true)
            .enableLogFileValidation(true)
            .kmsKeyId(args.auditKeyArn())
            .cloudWatchLogsGroupArn(logGroup.arn().applyValue(arn -> arn + ":*"))
            .cloudWatchLogsRoleArn(delivery.role().arn())
            .build(),
        CustomResourceOptions.builder()
            .parent(this)
            .dependsOn(List.of(policy, delivery.rolePolicy()))
            .build());
  }

  /** The account's GuardDuty detector, created by the one stack that owns it. */
  private void guardDuty() {
    // One detector per account and region (guardduty 2017-11-28 CreateDetector: "You can have
    // only one detector per account per Region"; a second create is refused, as it is in an
    // account whose organisation already enabled GuardDuty): only the stack that owns the
    // singleton creates it; the tag marks that ownership in the plan (DEP-41, plan --all).
    new Detector(
        child("guardduty"),
        DetectorArgs.builder()
            .enable(true)
            .tags(Map.of(ACCOUNT_SINGLETON_TAG, "guardduty-detector"))
            .build(),
        childOptions());
  }

  /** TLS only; CloudTrail may check the ACL and write this account's log files. */
  static String bucketPolicy(
      String bucketArn, String account, String partition, String region, String trailName) {
    String trailArn =
        "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":trail/" + trailName;
    return Json.policy(
        PrivateBucket.denyInsecureTransport(bucketArn),
        obj(
            "Sid",
            "CloudTrailAclCheck",
            "Effect",
            "Allow",
            "Principal",
            obj("Service", "cloudtrail.amazonaws.com"),
            "Action",
            "s3:GetBucketAcl",
            "Resource",
            bucketArn,
            "Condition",
            obj("StringEquals", obj("aws:SourceArn", trailArn))),
        obj(
            "Sid",
            "CloudTrailWrite",
            "Effect",
            "Allow",
            "Principal",
            obj("Service", "cloudtrail.amazonaws.com"),
            "Action",
            "s3:PutObject",
            "Resource",
            bucketArn + "/AWSLogs/" + account + "/*",
            "Condition",
            obj("StringEquals", obj("aws:SourceArn", trailArn))));
  }

  public Output<String> trailArn() {
    return trail.arn();
  }

  public Output<String> bucketName() {
    return bucket.id();
  }
}
