package dev.plinth.policy;

import static dev.plinth.policy.PolicyRulesTest.DB;
import static dev.plinth.policy.PolicyRulesTest.REDIS;
import static dev.plinth.policy.PolicyRulesTest.TRAIL;
import static dev.plinth.policy.PolicyRulesTest.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the deployability rules in this area, in the form of {@link PolicyRulesTest#c}.
 */
final class DataDeployCases {
  private DataDeployCases() {}

  static final String REPLICA = "prod-db-replica-1";
  static final String AUDIT_KEY = "prod-keys-audit";

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "DEP-01",
            "dev",
            "dev-cache-redis",
            "dev's single cluster-mode shard without automatic failover (issue 14, defect 1)",
            g ->
                g.set("dev-cache-redis", "automaticFailoverEnabled", "false")
                    .set("dev-cache-redis", "multiAzEnabled", "false")
                    .set("dev-cache-redis", "numNodeGroups", "1")
                    .set("dev-cache-redis", "replicasPerNodeGroup", "0")),
        c(
            "DEP-01",
            REDIS,
            "clusterMode enabled without automatic failover, no parameter group",
            g ->
                g.drop("prod-cache-params")
                    .set(REDIS, "numNodeGroups", "1")
                    .set(REDIS, "clusterMode", "'enabled'")
                    .set(REDIS, "automaticFailoverEnabled", "false")
                    .set(REDIS, "multiAzEnabled", "false")),
        c(
            "DEP-02",
            REDIS,
            "Multi-AZ without automatic failover",
            g -> g.set(REDIS, "automaticFailoverEnabled", "false")),
        c(
            "DEP-02",
            "staging",
            "staging-cache-redis",
            "Multi-AZ with no replica",
            g -> g.set("staging-cache-redis", "replicasPerNodeGroup", "0")),
        c(
            "DEP-03",
            REPLICA,
            "the same-region replica names a key (issue 14, defect 9)",
            g -> g.set(REPLICA, "kmsKeyId", "'" + Fixtures.KEY + "'")),
        c(
            "DEP-04",
            "prod-keys-data",
            "the key policy names AWSServiceRoleForAutoScaling (issue 14, defect 2)",
            g ->
                g.set(
                    "prod-keys-data",
                    "policy",
                    "{Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::123456789012:root'},"
                        + " Action: 'kms:*', Resource: '*'}, {Effect: 'Allow', Principal: {AWS:"
                        + " 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling'},"
                        + " Action: 'kms:CreateGrant', Resource: '*'}]}")),
        c(
            "DEP-04",
            "prod-backup-bucket-policy",
            "the bucket policy names a role the stack does not create",
            g ->
                g.set(
                    "prod-backup-bucket-policy",
                    "policy",
                    "{Statement: [{Effect: 'Allow', Principal: {AWS:"
                        + " 'arn:aws:iam::123456789012:role/somebody-elses-role'}, Action:"
                        + " 's3:GetObject', Resource: 'arn:aws:s3:::prod-backup-bucket/*'}]}")),
        c(
            "DEP-05",
            TRAIL,
            "DescribeKey only under the CloudTrail encryption context (issue 14, defect 3)",
            g ->
                g.set(
                    AUDIT_KEY,
                    "policy.Statement.2.Condition",
                    "{StringLike: {'kms:EncryptionContext:aws:cloudtrail:arn':"
                        + " 'arn:aws:cloudtrail:*:123456789012:trail/*'}}")),
        c(
            "DEP-05",
            TRAIL,
            "no kms:Decrypt for CloudTrail though the audit bucket uses a bucket key",
            g -> g.remove(AUDIT_KEY, "policy.Statement.3")),
        c(
            "DEP-05",
            TRAIL,
            "CloudTrail may not generate data keys",
            g -> g.remove(AUDIT_KEY, "policy.Statement.1")),
        c(
            "DEP-06",
            "dev",
            "dev-audit-bucket",
            "dev's audit bucket locked in COMPLIANCE mode (issue 14, defect 12)",
            g -> g.set("dev-audit-bucket-lock", "rule.defaultRetention.mode", "'COMPLIANCE'")),
        c(
            "DEP-06",
            "dev",
            "dev-backup-bucket",
            "dev's bucket is not emptied on destroy",
            g -> g.set("dev-backup-bucket", "forceDestroy", "false")),
        c(
            "DEP-06",
            "staging",
            "staging-audit-bucket",
            "a COMPLIANCE lock on an unprotected bucket",
            g -> g.set("staging-audit-bucket-lock", "rule.defaultRetention.mode", "'COMPLIANCE'")),
        c(
            "DEP-07",
            "prod-audit-bucket",
            "current versions expire, noncurrent ones never (issue 14, defect 12)",
            g -> g.remove("prod-audit-bucket-lifecycle", "rules.0.noncurrentVersionExpiration")),
        c(
            "DEP-08",
            DB,
            "no log group for the postgresql export (issue 14, defect 15)",
            g -> g.drop("prod-db-primary-logs-postgresql")),
        c(
            "DEP-08",
            DB,
            "the log group has no key",
            g -> g.remove("prod-db-primary-logs-upgrade", "kmsKeyId")),
        c(
            "DEP-08",
            REPLICA,
            "an auto-named replica exports logs",
            g -> g.remove(REPLICA, "identifier")),
        c(
            "DEP-09",
            REDIS,
            "automatic failover with a single cache cluster",
            g ->
                g.remove(REDIS, "numNodeGroups")
                    .remove(REDIS, "replicasPerNodeGroup")
                    .set(REDIS, "numCacheClusters", "1")),
        c(
            "DEP-10",
            "prod-edge-waf-logs",
            "a log group encrypted with a key CloudWatch Logs may not use",
            g ->
                g.set(
                    "prod-edge-waf-logs",
                    "kmsKeyId",
                    "'arn:aws:kms:us-east-1:123456789012:key/prod-keys-data-id'")),
        c(
            "DEP-11",
            "prod-edge-waf-logs",
            "45 days of retention",
            g -> g.set("prod-edge-waf-logs", "retentionInDays", "45")),
        c(
            "DEP-12",
            DB,
            "the backup window overlaps Sunday's maintenance",
            g -> g.set(DB, "backupWindow", "'04:30-05:30'")),
        c(
            "DEP-12",
            DB,
            "a 15-minute backup window",
            g -> g.set(DB, "backupWindow", "'03:00-03:15'")),
        c(
            "DEP-13",
            DB,
            "94 days of Performance Insights",
            g -> g.set(DB, "performanceInsightsRetentionPeriod", "94")),
        c(
            "DEP-14",
            "prod-keys-data",
            "a 45-day key deletion window",
            g -> g.set("prod-keys-data", "deletionWindowInDays", "45")),
        c(
            "DEP-14",
            "prod-secrets-db",
            "a 3-day secret recovery window",
            g -> g.set("prod-secrets-db", "recoveryWindowInDays", "3")),
        c(
            "DEP-15",
            REDIS,
            "an AUTH token without in-transit encryption",
            g -> g.set(REDIS, "transitEncryptionEnabled", "false")),
        c(
            "DEP-16",
            REDIS,
            "a 30-minute maintenance window",
            g -> g.set(REDIS, "maintenanceWindow", "'sun:06:00-sun:06:30'")),
        c(
            "DEP-16",
            REDIS,
            "a snapshot window with days",
            g -> g.set(REDIS, "snapshotWindow", "'sun:05:00-sun:06:00'")),
        c(
            "DEP-17",
            "prod-db-replica-1",
            "the replica's source has RDS manage its master password",
            g -> g.set("prod-db-primary", "manageMasterUserPassword", "true")));
  }
}
