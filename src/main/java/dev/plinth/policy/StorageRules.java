package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.List;

/**
 * S3 buckets. Buckets are configured by separate resources (aws.s3.BucketV2 plus
 * BucketPublicAccessBlock, BucketServerSideEncryptionConfigurationV2, ...) that refer to the
 * bucket; the rules check a bucket together with the configuration resources that refer to it.
 */
final class StorageRules {
  private StorageRules() {}

  static final List<String> BUCKETS = List.of(Types.BUCKET, Types.LEGACY_BUCKET);

  static List<Rule> all() {
    return List.of(
        publicAccess(),
        kmsEncryption(),
        tlsOnly(),
        versioning(),
        accessLogging(),
        lifecycle(),
        ownership(),
        objectLock(),
        replication(),
        lifecycleDays());
  }

  private static List<RecordedResource> config(
      RecordedResource bucket, PolicyContext ctx, String type) {
    return ctx.referring(bucket, type);
  }

  private static List<JsonNode> policyStatements(RecordedResource bucket, PolicyContext ctx) {
    return config(bucket, ctx, Types.BUCKET_POLICY).stream()
        .flatMap(p -> In.statements(In.document(p, "policy")).stream())
        .toList();
  }

  static Rule publicAccess() {
    return Rule.of(
        "S3-01",
        "all four public-access blocks, no Allow to principal *",
        MANDATORY,
        ALL,
        "AS-S2, CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV_AWS_70, AVD-0086, AVD-0087, AVD-0091, AVD-0093, SH S3.8",
        BUCKETS,
        (b, ctx) -> {
          List<RecordedResource> blocks = config(b, ctx, Types.BUCKET_PUBLIC_ACCESS);
          boolean blocked =
              blocks.stream()
                  .anyMatch(
                      x ->
                          List.of(
                                  "blockPublicAcls",
                                  "blockPublicPolicy",
                                  "ignorePublicAcls",
                                  "restrictPublicBuckets")
                              .stream()
                              .allMatch(k -> In.isTrue(x, k)));
          boolean publicAllow =
              policyStatements(b, ctx).stream()
                  .anyMatch(s -> In.allows(s) && In.anyPrincipal(s) && !In.conditioned(s));
          return Problems.of(b)
              .require(
                  blocked,
                  "block",
                  "not all four public-access blocks are on",
                  "add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true")
              .require(
                  !publicAllow,
                  "policy",
                  "its policy allows principal * without a condition",
                  "name the principals the policy allows")
              .list();
        });
  }

  static Rule kmsEncryption() {
    return Rule.of(
        "S3-02",
        "default encryption with a customer-managed key (ALB log bucket excepted: SSE-S3)",
        MANDATORY,
        ALL,
        "N5-S3DefaultEncryptionKMS, CKV_AWS_19, CKV_AWS_145, AVD-0132, SH S3.17",
        BUCKETS,
        (b, ctx) -> {
          boolean kms =
              config(b, ctx, Types.BUCKET_SSE).stream()
                  .flatMap(c -> In.list(c, "rules").stream())
                  .map(r -> r.path("applyServerSideEncryptionByDefault"))
                  .anyMatch(
                      d ->
                          d.path("sseAlgorithm").asText().startsWith("aws:kms")
                              && !d.path("kmsMasterKeyId").asText().isBlank());
          return Problems.of(b)
              .require(
                  kms,
                  "sse-kms",
                  "is not encrypted by default with a customer-managed KMS key",
                  "add a BucketServerSideEncryptionConfigurationV2 with sseAlgorithm aws:kms and kmsMasterKeyId")
              .list();
        });
  }

  static Rule tlsOnly() {
    return Rule.of(
        "S3-03",
        "policy denies non-TLS access",
        MANDATORY,
        ALL,
        "AS-S10, SH S3.5",
        BUCKETS,
        (b, ctx) -> {
          boolean denies =
              policyStatements(b, ctx).stream()
                  .anyMatch(
                      s ->
                          s.path("Effect").asText().equals("Deny")
                              && s.path("Condition")
                                  .path("Bool")
                                  .path("aws:SecureTransport")
                                  .asText()
                                  .equals("false"));
          return Problems.of(b)
              .require(
                  denies,
                  "tls",
                  "its policy does not deny requests without TLS",
                  "add a Deny statement on aws:SecureTransport false to the bucket policy")
              .list();
        });
  }

  static Rule versioning() {
    return Rule.of(
        "S3-04",
        "versioning",
        MANDATORY,
        ALL,
        "N5-S3BucketVersioningEnabled, CKV_AWS_21, AVD-0090, SH S3.14",
        BUCKETS,
        (b, ctx) ->
            Problems.of(b)
                .require(
                    config(b, ctx, Types.BUCKET_VERSIONING).stream()
                        .anyMatch(
                            v ->
                                In.text(v, "versioningConfiguration.status")
                                    .orElse("")
                                    .equals("Enabled")),
                    "versioning",
                    "versioning is off",
                    "add a BucketVersioningV2 with status Enabled")
                .list());
  }

  static Rule accessLogging() {
    return Rule.of(
        "S3-05",
        "server access logging (log buckets excepted)",
        ADVISORY,
        ALL,
        "AS-S1, CKV_AWS_18, AVD-0089, ag s3-bucket-logging-enabled, SH S3.9",
        BUCKETS,
        (b, ctx) ->
            Problems.of(b)
                .require(
                    !config(b, ctx, Types.BUCKET_LOGGING).isEmpty(),
                    "logging",
                    "server access logging is off",
                    "add a BucketLoggingV2 to the access-log bucket")
                .list());
  }

  static Rule lifecycle() {
    return Rule.of(
        "S3-06",
        "lifecycle rules incl. abort incomplete multipart uploads",
        MANDATORY,
        ALL,
        "CKV2_AWS_61, CKV_AWS_300, SH S3.13",
        BUCKETS,
        (b, ctx) -> {
          List<JsonNode> rules =
              config(b, ctx, Types.BUCKET_LIFECYCLE).stream()
                  .flatMap(c -> In.list(c, "rules").stream())
                  .filter(r -> r.path("status").asText().equals("Enabled"))
                  .toList();
          return Problems.of(b)
              .require(
                  !rules.isEmpty(),
                  "lifecycle",
                  "has no enabled lifecycle rule",
                  "add a BucketLifecycleConfigurationV2")
              .require(
                  rules.stream()
                      .anyMatch(
                          r -> r.path("abortIncompleteMultipartUpload").has("daysAfterInitiation")),
                  "multipart",
                  "incomplete multipart uploads are never aborted",
                  "add abortIncompleteMultipartUpload { daysAfterInitiation: 7 } to a rule")
              .list();
        });
  }

  static Rule ownership() {
    return Rule.of(
        "S3-07",
        "object ownership BucketOwnerEnforced",
        MANDATORY,
        ALL,
        "CKV2_AWS_65, SH S3.12",
        BUCKETS,
        (b, ctx) ->
            Problems.of(b)
                .require(
                    config(b, ctx, Types.BUCKET_OWNERSHIP).stream()
                        .anyMatch(
                            o ->
                                In.text(o, "rule.objectOwnership")
                                    .orElse("")
                                    .equals("BucketOwnerEnforced")),
                    "ownership",
                    "ACLs still decide object ownership",
                    "add BucketOwnershipControls with objectOwnership BucketOwnerEnforced")
                .list());
  }

  static boolean isAudit(RecordedResource bucket) {
    return bucket.name().contains("audit") || bucket.name().contains("trail");
  }

  static boolean isBackups(RecordedResource bucket) {
    return bucket.name().contains("backup");
  }

  static Rule objectLock() {
    return Rule.of(
        "S3-08",
        "Object Lock on the audit bucket",
        MANDATORY,
        PROD,
        "CKV_AWS_143, SH S3.15",
        BUCKETS,
        (b, ctx) ->
            !isAudit(b)
                ? List.of()
                : Problems.of(b)
                    .require(
                        In.isTrue(b, "objectLockEnabled")
                            && !config(b, ctx, Types.BUCKET_OBJECT_LOCK).isEmpty(),
                        "object-lock",
                        "the audit bucket has no Object Lock",
                        "set objectLockEnabled true and a BucketObjectLockConfigurationV2 with a default retention")
                    .list());
  }

  static Rule replication() {
    return Rule.of(
        "S3-09",
        "cross-region replication on the backups bucket",
        MANDATORY,
        PROD,
        "CKV_AWS_144, N5-S3BucketReplicationEnabled, SH S3.7",
        BUCKETS,
        (b, ctx) ->
            !isBackups(b)
                ? List.of()
                : Problems.of(b)
                    .require(
                        // A standby's DR region is its primary's, where it creates nothing (DR-01):
                        // its backups bucket replicates after promotion (docs/dr.md).
                        ctx.standby() || !config(b, ctx, Types.BUCKET_REPLICATION).isEmpty(),
                        "replication",
                        "the backups bucket is not replicated to another region",
                        "add a BucketReplicationConfig to a bucket in the DR region")
                    .list());
  }

  /** Seed 003: Standard-IA at 30 days, Glacier at 90, expire at 365. */
  static Rule lifecycleDays() {
    return Rule.of(
        "PL-15",
        "in prod objects go to Standard-IA at 30 days, Glacier at 90 and expire no sooner than 365 (seed 003)",
        ADVISORY,
        PROD,
        "seed 003 (S3 lifecycle IA 30 d, Glacier 90 d, expire 365 d), seed 004 (logs kept 1 year)",
        BUCKETS,
        (b, ctx) -> {
          List<JsonNode> rules =
              config(b, ctx, Types.BUCKET_LIFECYCLE).stream()
                  .flatMap(c -> In.list(c, "rules").stream())
                  .filter(r -> r.path("status").asText().equals("Enabled"))
                  .toList();
          Problems p = Problems.of(b);
          p.require(
              transition(rules, "STANDARD_IA") == 30,
              "ia",
              "moves objects to STANDARD_IA at " + show(transition(rules, "STANDARD_IA")) + " days",
              "add a transition to STANDARD_IA at 30 days");
          p.require(
              transition(rules, "GLACIER") == 90,
              "glacier",
              "moves objects to GLACIER at " + show(transition(rules, "GLACIER")) + " days",
              "add a transition to GLACIER at 90 days");
          int expire =
              rules.stream()
                  .mapToInt(r -> r.path("expiration").path("days").asInt(0))
                  .filter(d -> d > 0)
                  .min()
                  .orElse(0);
          p.require(
              expire == 0 || expire >= 365,
              "expiration",
              "objects expire after " + expire + " days",
              "keep objects 365 days or more");
          return p.list();
        });
  }

  private static int transition(List<JsonNode> rules, String storageClass) {
    for (JsonNode rule : rules) {
      for (JsonNode t : In.list(rule.get("transitions"))) {
        if (t.path("storageClass").asText().equals(storageClass)) {
          return t.path("days").asInt(-1);
        }
      }
    }
    return -1;
  }

  private static String show(int days) {
    return days < 0 ? "no" : String.valueOf(days);
  }
}
