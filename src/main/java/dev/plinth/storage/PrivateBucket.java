package dev.plinth.storage;

import static dev.plinth.Json.obj;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * A bucket nobody outside the account can reach: versioned, encrypted by default with a KMS key
 * (SSE-S3 where {@code kmsKeyArn} is null: for log destinations that cannot use SSE-KMS), all four
 * public-access blocks, owner-enforced objects. The caller adds its policy (start from {@link
 * #denyInsecureTransport}) and lifecycle. Children are named {@code <name>-versioning} and so on,
 * with the options given (parent, provider).
 */
public final class PrivateBucket {
  private final BucketV2 bucket;
  private final BucketPublicAccessBlock publicAccessBlock;

  /**
   * @param forceDestroy whether {@code pulumi destroy} empties the bucket first: S3 deletes only
   *     empty buckets (s3 2006-03-01 DeleteBucket: "All objects (including all object versions and
   *     delete markers) in the bucket must be deleted before the bucket itself can be deleted").
   *     For disposable data only (dev); the provider then also deletes objects under a governance
   *     lock, never under a compliance one.
   */
  public PrivateBucket(
      String name,
      String bucketPrefix,
      boolean objectLock,
      boolean forceDestroy,
      Output<String> kmsKeyArn,
      CustomResourceOptions bucketOptions,
      CustomResourceOptions childOptions) {
    var args = BucketV2Args.builder().bucketPrefix(bucketPrefix).forceDestroy(forceDestroy);
    if (objectLock) {
      args.objectLockEnabled(true);
    }
    bucket = new BucketV2(name, args.build(), bucketOptions);
    new BucketVersioningV2(
        name + "-versioning",
        BucketVersioningV2Args.builder()
            .bucket(bucket.id())
            .versioningConfiguration(
                BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
            .build(),
        childOptions);
    new BucketServerSideEncryptionConfigurationV2(
        name + "-encryption",
        BucketServerSideEncryptionConfigurationV2Args.builder()
            .bucket(bucket.id())
            .rules(
                BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                    .applyServerSideEncryptionByDefault(
                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                            .builder()
                            .sseAlgorithm(kmsKeyArn == null ? "AES256" : "aws:kms")
                            .kmsMasterKeyId(kmsKeyArn)
                            .build())
                    .bucketKeyEnabled(kmsKeyArn != null)
                    .build())
            .build(),
        childOptions);
    publicAccessBlock =
        new BucketPublicAccessBlock(
            name + "-public-access",
            BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(),
            childOptions);
    new BucketOwnershipControls(
        name + "-ownership",
        BucketOwnershipControlsArgs.builder()
            .bucket(bucket.id())
            .rule(
                BucketOwnershipControlsRuleArgs.builder()
                    .objectOwnership("BucketOwnerEnforced")
                    .build())
            .build(),
        childOptions);
  }

  /**
   * Lifecycle: Standard-IA after {@code iaDays}, Glacier after {@code glacierDays}, deleted after
   * {@code expireDays}; overwritten versions deleted after {@code noncurrentDays}; unfinished
   * multipart uploads aborted after 7 days.
   */
  public BucketLifecycleConfigurationV2 tiering(
      String name,
      int iaDays,
      int glacierDays,
      int expireDays,
      int noncurrentDays,
      CustomResourceOptions options) {
    return new BucketLifecycleConfigurationV2(
        name,
        BucketLifecycleConfigurationV2Args.builder()
            .bucket(bucket.id())
            .rules(
                BucketLifecycleConfigurationV2RuleArgs.builder()
                    .id("tier-then-expire")
                    .status("Enabled")
                    .filter(
                        BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                    .transitions(
                        List.of(
                            BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                                .days(iaDays)
                                .storageClass("STANDARD_IA")
                                .build(),
                            BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                                .days(glacierDays)
                                .storageClass("GLACIER")
                                .build()))
                    .expiration(
                        BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                            .days(expireDays)
                            .build())
                    .noncurrentVersionExpiration(
                        BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                            .noncurrentDays(noncurrentDays)
                            .build())
                    .abortIncompleteMultipartUpload(
                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                            .builder()
                            .daysAfterInitiation(7)
                            .build())
                    .build())
            .build(),
        options);
  }

  /** The statement every bucket policy of ours starts with: TLS only. */
  public static Map<String, Object> denyInsecureTransport(String bucketArn) {
    return obj(
        "Sid", "DenyInsecureTransport",
        "Effect", "Deny",
        "Principal", "*",
        "Action", "s3:*",
        "Resource", List.of(bucketArn, bucketArn + "/*"),
        "Condition", obj("Bool", obj("aws:SecureTransport", "false")));
  }

  public BucketV2 bucket() {
    return bucket;
  }

  /** The public-access block: a bucket policy should wait for it. */
  public BucketPublicAccessBlock publicAccessBlock() {
    return publicAccessBlock;
  }
}
