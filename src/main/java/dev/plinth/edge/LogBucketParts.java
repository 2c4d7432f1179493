package dev.plinth.edge;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
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
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.config.EdgeSettings.AccessLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the edge's two log buckets share (the load balancer's access logs, CloudFront's standard
 * logs): every public access blocked, SSE-S3 encryption (AES256: neither ELB's nor CloudFront's log
 * delivery writes to an SSE-KMS bucket, which is why they are not {@code storage/PrivateBucket}s),
 * versioning and a lifecycle, and object ownership as the log delivery needs it. Named {@code
 * <owner>-logs-ownership}, {@code -logs-public-access}, {@code -logs-encryption}, {@code
 * -logs-versioning}, {@code -logs-lifecycle}.
 *
 * @param ownership the object ownership controls
 * @param publicAccess the public access block, which the bucket policy waits for
 * @param encryption the default encryption
 */
record LogBucketParts(
    BucketOwnershipControls ownership,
    BucketPublicAccessBlock publicAccess,
    BucketServerSideEncryptionConfigurationV2 encryption) {

  /**
   * @param logs the retention and transitions of the logs ({@code <owner>-logs-lifecycle}, rule
   *     {@code ruleId})
   * @param objectOwnership the S3 object ownership: {@code BucketOwnerEnforced} (ACLs off) where
   *     the log delivery writes through the bucket policy, {@code BucketOwnerPreferred} where it
   *     writes through ACLs
   * @param child the owning component's name for a child ({@code Component.child})
   * @param options the owning component's child options
   */
  static LogBucketParts of(
      BucketV2 bucket,
      AccessLogs logs,
      String ruleId,
      String objectOwnership,
      UnaryOperator<String> child,
      CustomResourceOptions options) {
    var ownership =
        new BucketOwnershipControls(
            child.apply("logs-ownership"),
            BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(
                    BucketOwnershipControlsRuleArgs.builder()
                        .objectOwnership(objectOwnership)
                        .build())
                .build(),
            options);
    var publicAccess =
        new BucketPublicAccessBlock(
            child.apply("logs-public-access"),
            BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(),
            options);
    var encryption =
        new BucketServerSideEncryptionConfigurationV2(
            child.apply("logs-encryption"),
            BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(
                    BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                            BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                .builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .build())
                .build(),
            options);
    var versioning =
        new BucketVersioningV2(
            child.apply("logs-versioning"),
            BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(
                    BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled")
                        .build())
                .build(),
            options);
    lifecycle(bucket, logs, ruleId, versioning, child, options);
    return new LogBucketParts(ownership, publicAccess, encryption);
  }

  /**
   * The logs' lifecycle: to Standard-IA and Glacier after {@code logs}' days where set, expired
   * after {@code expirationDays}, old versions after 7 days, incomplete uploads after 7; after the
   * versioning it names noncurrent versions of.
   */
  private static void lifecycle(
      BucketV2 bucket,
      AccessLogs logs,
      String ruleId,
      BucketVersioningV2 versioning,
      UnaryOperator<String> child,
      CustomResourceOptions options) {
    List<BucketLifecycleConfigurationV2RuleTransitionArgs> transitions = new ArrayList<>();
    if (logs.transitionToIaDays() > 0) {
      transitions.add(
          BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
              .days(logs.transitionToIaDays())
              .storageClass("STANDARD_IA")
              .build());
    }
    if (logs.transitionToGlacierDays() > 0) {
      transitions.add(
          BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
              .days(logs.transitionToGlacierDays())
              .storageClass("GLACIER")
              .build());
    }
    new BucketLifecycleConfigurationV2(
        child.apply("logs-lifecycle"),
        BucketLifecycleConfigurationV2Args.builder()
            .bucket(bucket.id())
            .rules(
                BucketLifecycleConfigurationV2RuleArgs.builder()
                    .id(ruleId)
                    .status("Enabled")
                    .filter(
                        BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                    .transitions(transitions)
                    .expiration(
                        BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                            .days(logs.expirationDays())
                            .build())
                    .noncurrentVersionExpiration(
                        BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                            .noncurrentDays(7)
                            .build())
                    .abortIncompleteMultipartUpload(
                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                            .builder()
                            .daysAfterInitiation(7)
                            .build())
                    .build())
            .build(),
        CustomResourceOptions.merge(
            options, CustomResourceOptions.builder().dependsOn(versioning).build()));
  }
}
