package dev.plinth.access;

import static dev.plinth.Json.obj;

import java.util.List;
import java.util.Map;

/**
 * Where Session Manager logs the sessions of one account and region, by convention: the owner of
 * the preferences ({@code plinth:access.sessionPreferences}) creates a log group, a bucket and a
 * key alias with these names, and every stack's operator instance may write there (the SSM agent on
 * the instance uploads the session's log with the instance's credentials). A stack that does not
 * own the preferences therefore needs nothing from the owner's outputs.
 *
 * <p>What the instance needs follows the Systems Manager User Guide, "Create a custom IAM role for
 * Session Manager" (the S3 and CloudWatch Logs statements, kms:Decrypt for the session key) and
 * "Step 2: Verify or add instance permissions" (AmazonSSMManagedInstanceCore for the agent).
 */
public final class SessionLogging {
  private SessionLogging() {}

  /** The preferences document: Session Manager reads its account-and-region settings from it. */
  public static final String PREFERENCES_DOCUMENT = "SSM-SessionManagerRunShell";

  /** The session log group of the account and region. */
  public static final String LOG_GROUP = "/plinth/ssm-sessions";

  /** The session bucket's name prefix (the owner's bucket gets a unique suffix). */
  public static final String BUCKET_PREFIX = "plinth-ssm-sessions-";

  /** The key prefix of session logs in the bucket. */
  public static final String S3_PREFIX = "sessions/";

  /** The alias of the key that encrypts session data, the log group and the bucket. */
  public static final String KEY_ALIAS = "alias/plinth/ssm-sessions";

  /**
   * The instance role's inline policy: write the session logs and use the session key, by the
   * conventional names above, in this account only.
   */
  public static String instancePolicy(String partition, String region, String account) {
    String logGroup =
        "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:" + LOG_GROUP;
    String buckets = "arn:" + partition + ":s3:::" + BUCKET_PREFIX + "*";
    Map<String, Object> thisAccount = obj("StringEquals", obj("s3:ResourceAccount", account));
    return dev.plinth.Json.policy(
        obj(
            "Sid",
            "SessionLogsToCloudWatch",
            "Effect",
            "Allow",
            "Action",
            List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            "Resource",
            List.of(logGroup + ":*")),
        // The agent checks the group's encryption before it streams (cloudWatchEncryptionEnabled).
        obj(
            "Sid", "FindSessionLogGroup",
            "Effect", "Allow",
            "Action", List.of("logs:DescribeLogGroups", "logs:DescribeLogStreams"),
            "Resource", "*"),
        obj(
            "Sid", "SessionLogsToS3",
            "Effect", "Allow",
            "Action", "s3:PutObject",
            "Resource", buckets + "/" + S3_PREFIX + "*",
            "Condition", thisAccount),
        // The agent checks the bucket's default encryption before it uploads (s3EncryptionEnabled).
        obj(
            "Sid", "CheckSessionBucketEncryption",
            "Effect", "Allow",
            "Action", "s3:GetEncryptionConfiguration",
            "Resource", buckets,
            "Condition", thisAccount),
        obj(
            "Sid", "UseSessionKey",
            "Effect", "Allow",
            "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
            "Resource", "*",
            "Condition", obj("ForAnyValue:StringEquals", obj("kms:ResourceAliases", KEY_ALIAS))));
  }

  /**
   * The preferences document's content (Systems Manager User Guide, "Session document schema":
   * sessionType Standard_Stream, inputs s3BucketName, s3KeyPrefix, s3EncryptionEnabled,
   * cloudWatchLogGroupName, cloudWatchEncryptionEnabled, cloudWatchStreamingEnabled, kmsKeyId,
   * runAsEnabled). Every session is logged to both destinations, encrypted, and its data encrypted
   * with the session key; nobody runs as another OS user.
   */
  public static String preferences(String bucketName, String keyArn, String stack) {
    return dev.plinth.Json.write(
        obj(
            "schemaVersion",
            "1.0",
            "description",
            "Session Manager preferences of this account and region (Plinth stack " + stack + ")",
            "sessionType",
            "Standard_Stream",
            "inputs",
            obj(
                "s3BucketName",
                bucketName,
                "s3KeyPrefix",
                S3_PREFIX,
                "s3EncryptionEnabled",
                true,
                "cloudWatchLogGroupName",
                LOG_GROUP,
                "cloudWatchEncryptionEnabled",
                true,
                "cloudWatchStreamingEnabled",
                true,
                "kmsKeyId",
                keyArn,
                "runAsEnabled",
                false)));
  }
}
