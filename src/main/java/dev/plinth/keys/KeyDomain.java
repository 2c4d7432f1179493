package dev.plinth.keys;

import static dev.plinth.Json.obj;

import java.util.List;
import java.util.Map;

/**
 * The data domains that get a customer-managed KMS key of their own. Each says which AWS service
 * may use its key beyond the account's administrators; a component that needs a new domain adds a
 * constant here.
 */
public enum KeyDomain {
  /** CloudWatch Logs: flow logs and every other log group. */
  LOGS("logs", "CloudWatch Logs") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      return List.of(
          obj(
              "Sid",
              "CloudWatchLogsUse",
              "Effect",
              "Allow",
              "Principal",
              obj("Service", "logs." + region + ".amazonaws.com"),
              "Action",
              USE_ACTIONS,
              "Resource",
              "*",
              "Condition",
              obj(
                  "ArnLike",
                  obj(
                      "kms:EncryptionContext:aws:logs:arn",
                      "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:*"))));
    }
  },

  /** RDS: PostgreSQL storage, snapshots and Performance Insights. */
  DATABASE("database", "RDS PostgreSQL") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      return List.of(viaService("RdsUse", "rds", account, region));
    }
  },

  /** ElastiCache: Redis data at rest and its snapshots. */
  CACHE("cache", "ElastiCache Redis") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      return List.of(viaService("ElastiCacheUse", "elasticache", account, region));
    }
  },

  /** Secrets Manager: the application's secrets and the database and cache credentials. */
  SECRETS("secrets", "Secrets Manager") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      return List.of(viaService("SecretsManagerUse", "secretsmanager", account, region));
    }
  },

  /** S3 and AWS Backup: the backups bucket, its replica and the backup vaults. */
  BACKUP("backup", "S3 backups and AWS Backup") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      return List.of(
          viaService("S3Use", "s3", account, region),
          viaService("BackupUse", "backup", account, region));
    }
  },

  /** EKS secrets envelope encryption, ECR images and the nodes' EBS root volumes. */
  CLUSTER("cluster", "EKS secrets, ECR images, node volumes") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      // The node group's Auto Scaling group launches instances as the service-linked role
      // AWSServiceRoleForAutoScaling, which needs the two statements of "Required AWS KMS key
      // policy for use with encrypted volumes" (EC2 Auto Scaling User Guide): use of the key,
      // and CreateGrant for AWS resources. That role exists only once the account's first Auto
      // Scaling group has been created, and a key policy naming a principal that does not exist
      // is refused (kms 2014-11-01 CreateKey, Policy: "The principals in the key policy must
      // exist and be visible to KMS"; MalformedPolicyDocumentException). So the role is named in
      // a condition (aws:PrincipalArn), which KMS evaluates when the key is used, not when the
      // policy is set: the key can be created in an empty account, before the node group.
      String autoScalingRole =
          "arn:"
              + partition
              + ":iam::"
              + account
              + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
      return List.of(
          viaService("EksUse", "eks", account, region),
          viaService("EcrUse", "ecr", account, region),
          viaService("EbsUse", "ec2", account, region),
          obj(
              "Sid",
              "AutoScalingUsesKeyForEncryptedVolumes",
              "Effect",
              "Allow",
              "Principal",
              obj("AWS", "*"),
              "Action",
              List.of(
                  "kms:Encrypt",
                  "kms:Decrypt",
                  "kms:ReEncrypt*",
                  "kms:GenerateDataKey*",
                  "kms:DescribeKey"),
              "Resource",
              "*",
              "Condition",
              onlyPrincipal(account, autoScalingRole)),
          obj(
              "Sid", "AutoScalingAttachesEncryptedVolumes",
              "Effect", "Allow",
              "Principal", obj("AWS", "*"),
              "Action", "kms:CreateGrant",
              "Resource", "*",
              "Condition",
                  merge(
                      onlyPrincipal(account, autoScalingRole),
                      obj("Bool", obj("kms:GrantIsForAWSResource", "true")))));
    }
  },

  /** SNS: the alert topic; CloudWatch alarms and AWS Budgets publish to it. */
  ALERTS("alerts", "SNS alert topic") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      return List.of(
          obj(
              "Sid",
              "CloudWatchAndBudgetsPublish",
              "Effect",
              "Allow",
              "Principal",
              obj("Service", List.of("cloudwatch.amazonaws.com", "budgets.amazonaws.com")),
              "Action",
              List.of("kms:Decrypt", "kms:GenerateDataKey*"),
              "Resource",
              "*",
              "Condition",
              obj("StringEquals", obj("aws:SourceAccount", account))));
    }
  },

  /**
   * OpenSearch Service: the search domain's indexes, logs and snapshots at rest. Only stacks with a
   * search domain have this key: the domain creates it ({@link #everyStack()} is false).
   */
  SEARCH("search", "OpenSearch Service domain") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      // "es" is OpenSearch Service's endpoint prefix (opensearch 2021-01-01 metadata), the
      // service name kms:ViaService sees.
      return List.of(viaService("OpenSearchUse", "es", account, region));
    }

    @Override
    public boolean everyStack() {
      return false;
    }
  },

  /** CloudTrail: the audit trail's log files. */
  AUDIT("audit", "CloudTrail audit logs") {
    @Override
    List<Map<String, Object>> serviceStatements(String account, String partition, String region) {
      // The required key policy elements for trails ("Configure AWS KMS key policies for
      // CloudTrail", CloudTrail User Guide): encrypt (GenerateDataKey* under the trail's
      // encryption context), describe the key (DescribeKey carries no encryption context, so it
      // must not sit under that condition), and kms:Decrypt, which CloudTrail needs to create or
      // update a trail whose bucket uses an S3 Bucket Key (the audit bucket does). Otherwise
      // CreateTrail fails with InsufficientEncryptionPolicyException. aws:SourceArn limits each
      // to this account's trails.
      Map<String, Object> ourTrails =
          obj("aws:SourceArn", "arn:" + partition + ":cloudtrail:*:" + account + ":trail/*");
      return List.of(
          obj(
              "Sid",
              "CloudTrailEncryptsLogs",
              "Effect",
              "Allow",
              "Principal",
              obj("Service", "cloudtrail.amazonaws.com"),
              "Action",
              "kms:GenerateDataKey*",
              "Resource",
              "*",
              "Condition",
              obj(
                  "StringLike",
                  obj(
                      "kms:EncryptionContext:aws:cloudtrail:arn",
                      "arn:" + partition + ":cloudtrail:*:" + account + ":trail/*"),
                  "ArnLike",
                  ourTrails)),
          obj(
              "Sid",
              "CloudTrailDescribesKey",
              "Effect",
              "Allow",
              "Principal",
              obj("Service", "cloudtrail.amazonaws.com"),
              "Action",
              "kms:DescribeKey",
              "Resource",
              "*",
              "Condition",
              obj("ArnLike", ourTrails)),
          obj(
              "Sid",
              "CloudTrailDecryptsForBucketKey",
              "Effect",
              "Allow",
              "Principal",
              obj("Service", "cloudtrail.amazonaws.com"),
              "Action",
              "kms:Decrypt",
              "Resource",
              "*",
              "Condition",
              obj("ArnLike", ourTrails)));
    }
  };

  /** What a service may do with a key it encrypts with. */
  static final List<String> USE_ACTIONS =
      List.of(
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*");

  /**
   * Principals of this account may use the key, but only through the named AWS service in this
   * region (the service acts with the caller's own permissions).
   */
  static Map<String, Object> viaService(String sid, String service, String account, String region) {
    return obj(
        "Sid",
        sid,
        "Effect",
        "Allow",
        "Principal",
        obj("AWS", "*"),
        "Action",
        List.of(
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:CreateGrant",
            "kms:DescribeKey"),
        "Resource",
        "*",
        "Condition",
        obj(
            "StringEquals",
            obj(
                "kms:CallerAccount",
                account,
                "kms:ViaService",
                service + "." + region + ".amazonaws.com")));
  }

  /**
   * A condition that admits only {@code principalArn}, a principal of this account that may not
   * exist yet (KMS checks a Principal element when the policy is set, a condition when the key is
   * used).
   */
  static Map<String, Object> onlyPrincipal(String account, String principalArn) {
    return obj(
        "StringEquals",
        obj("kms:CallerAccount", account),
        "ArnEquals",
        obj("aws:PrincipalArn", principalArn));
  }

  private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new java.util.LinkedHashMap<>(a);
    out.putAll(b);
    return out;
  }

  private final String key;
  private final String description;

  KeyDomain(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /**
   * Name part of the key's resource and alias ({@code prod-keys-logs}, {@code
   * alias/plinth/prod/logs}).
   */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /**
   * Whether every stack's key ring has this domain's key ({@link Keys}); false for a domain whose
   * component is optional and creates its own key, so that stacks without it pay nothing.
   */
  public boolean everyStack() {
    return true;
  }

  /**
   * Statements that let this domain's service use the key, besides the account's administration.
   */
  abstract List<Map<String, Object>> serviceStatements(
      String account, String partition, String region);
}
