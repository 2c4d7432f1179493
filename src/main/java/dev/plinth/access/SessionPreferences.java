package dev.plinth.access;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.ssm.Document;
import com.pulumi.aws.ssm.DocumentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.storage.PrivateBucket;
import java.util.List;

/**
 * The account-and-region's Session Manager preferences and the destinations they name, built by the
 * one stack that owns them ({@code plinth:access.sessionPreferences}): an encrypted log group, an
 * encrypted private bucket, the session key's alias (on the logs key) and the {@code
 * SSM-SessionManagerRunShell} document of type Session (ssm 2014-11-06 CreateDocument DocumentType
 * Session; one document of a name per account and region: DocumentAlreadyExists). Where the console
 * made the document before, import it first (docs/runbooks.md).
 */
final class SessionPreferences {

  /** Days an overwritten (noncurrent) session log version is kept. */
  static final int NONCURRENT_DAYS = 1;

  private final Output<String> bucketName;

  SessionPreferences(OperatorAccess access, OperatorAccess.Args args) {
    CustomResourceOptions children = access.children();
    Output<String> keyArn = args.ring().arn(KeyDomain.LOGS);
    boolean prod = args.environment().isProduction();
    new Alias(
        access.childName("session-key-alias"),
        AliasArgs.builder().name(SessionLogging.KEY_ALIAS).targetKeyId(keyArn).build(),
        children);
    new LogGroup(
        access.childName("session-logs"),
        LogGroupArgs.builder()
            .name(SessionLogging.LOG_GROUP)
            .retentionInDays(args.logs().days())
            .kmsKeyId(keyArn)
            .build(),
        children);
    var bucket =
        new PrivateBucket(
            access.childName("session-bucket"),
            SessionLogging.BUCKET_PREFIX,
            false,
            args.environment() == Environment.DEV,
            keyArn,
            CustomResourceOptions.builder().parent(access).protect(prod).build(),
            children);
    var id = bucket.bucket().id();
    new BucketPolicy(
        access.childName("session-bucket-policy"),
        BucketPolicyArgs.builder()
            .bucket(id)
            .policy(
                bucket
                    .bucket()
                    .arn()
                    .applyValue(arn -> Json.policy(PrivateBucket.denyInsecureTransport(arn))))
            .build(),
        CustomResourceOptions.builder()
            .parent(access)
            .dependsOn(List.of(bucket.publicAccessBlock()))
            .build());
    new BucketLoggingV2(
        access.childName("session-bucket-logging"),
        BucketLoggingV2Args.builder()
            .bucket(id)
            .targetBucket(args.logs().accessLogsBucket())
            .targetPrefix("ssm-sessions/")
            .build(),
        children);
    // Seed 003's tiering (Standard-IA at 30 days, Glacier at 90), expiring with the retention.
    bucket.tiering(
        access.childName("session-bucket-lifecycle"),
        30,
        90,
        args.logs().days(),
        NONCURRENT_DAYS,
        children);
    bucketName = id;
    new Document(
        access.childName("preferences"),
        DocumentArgs.builder()
            .name(SessionLogging.PREFERENCES_DOCUMENT)
            .documentType("Session")
            .documentFormat("JSON")
            .content(
                Output.tuple(id, keyArn)
                    .applyValue(
                        t -> SessionLogging.preferences(t.t1, t.t2, args.environment().key())))
            .build(),
        children);
  }

  Output<String> bucketName() {
    return bucketName;
  }
}
