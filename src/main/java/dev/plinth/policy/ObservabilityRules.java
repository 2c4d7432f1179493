package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.plan.RecordedResource;
import java.util.List;

/** CloudWatch log groups and alarms, CloudTrail. */
final class ObservabilityRules {
  private ObservabilityRules() {}

  static List<Rule> all() {
    return List.of(
        logGroupKey(),
        logRetention(),
        auditRetention(),
        alarmActions(),
        trailEverywhere(),
        trailValidation(),
        trailKey(),
        trailToLogs());
  }

  static Rule logGroupKey() {
    return Rule.of(
        "CW-01",
        "log groups encrypted with a KMS key",
        MANDATORY,
        ALL,
        "N5-CloudWatchLogGroupEncrypted, CKV_AWS_158, AVD-0017",
        List.of(Types.LOG_GROUP),
        (g, ctx) ->
            Problems.of(g)
                .require(
                    In.text(g, "kmsKeyId").isPresent(),
                    "kms",
                    "is not encrypted with a KMS key",
                    "set kmsKeyId to the logs key")
                .list());
  }

  static Rule logRetention() {
    return Rule.of(
        "CW-02",
        "log retention set (>= 365 d for audit and flow logs in prod: PL-18)",
        MANDATORY,
        ALL,
        "N5-CloudWatchLogGroupRetentionPeriod, CKV_AWS_66, CKV_AWS_338, SH CloudWatch.16",
        List.of(Types.LOG_GROUP),
        (g, ctx) ->
            Problems.of(g)
                .require(
                    In.integer(g, "retentionInDays").orElse(0) > 0,
                    "retention",
                    "keeps logs forever",
                    "set retentionInDays (plinth:observability.logRetentionDays)")
                .list());
  }

  static boolean isAuditOrFlow(RecordedResource g) {
    String name = g.name() + " " + In.text(g, "name").orElse("");
    return name.contains("flow") || name.contains("audit") || name.contains("trail");
  }

  static Rule auditRetention() {
    return Rule.of(
        "PL-18",
        "audit and flow logs kept 365 days or more in prod (seed 004: audit logs kept 1 year)",
        ADVISORY,
        PROD,
        "seed 004, CKV_AWS_338",
        List.of(Types.LOG_GROUP),
        (g, ctx) -> {
          if (!isAuditOrFlow(g)) {
            return List.of();
          }
          int days = In.integer(g, "retentionInDays").orElse(0);
          return Problems.of(g)
              .require(
                  days >= 365,
                  "retention",
                  "keeps audit or flow logs " + days + " days",
                  "keep them 365 days or more (or archive them to S3 for a year)")
              .list();
        });
  }

  static Rule alarmActions() {
    return Rule.of(
        "CW-03",
        "alarms have actions, actions enabled (a Route 53 health check's alarm acts by failover)",
        MANDATORY,
        ALL,
        "N5-CloudWatchAlarmAction, CKV_AWS_319, SH CloudWatch.15, SH CloudWatch.17",
        List.of(Types.ALARM),
        (a, ctx) ->
            Problems.of(a)
                .require(
                    (In.bool(a, "actionsEnabled", true) && !In.list(a, "alarmActions").isEmpty())
                        || !ctx.referring(a, Types.HEALTH_CHECK).isEmpty(),
                    "actions",
                    "the alarm notifies no one",
                    "set alarmActions to the alerts topic and actionsEnabled true")
                .list());
  }

  static Rule trailEverywhere() {
    return Rule.of(
        "CT-01",
        "multi-region trail, logging on",
        MANDATORY,
        ALL,
        "CKV_AWS_67, CKV_AWS_251, AVD-0014, SH CloudTrail.1",
        List.of(Types.TRAIL),
        (t, ctx) ->
            Problems.of(t)
                .require(
                    In.isTrue(t, "isMultiRegionTrail") && In.bool(t, "enableLogging", true),
                    "multi-region",
                    "the trail is single-region or not logging",
                    "set isMultiRegionTrail true and enableLogging true")
                .list());
  }

  static Rule trailValidation() {
    return Rule.of(
        "CT-02",
        "log file validation",
        MANDATORY,
        ALL,
        "N5-CloudTrailLogFileValidationEnabled, CKV_AWS_36, AVD-0016, SH CloudTrail.4",
        List.of(Types.TRAIL),
        (t, ctx) ->
            Problems.of(t)
                .require(
                    In.isTrue(t, "enableLogFileValidation"),
                    "validation",
                    "log files are not validated",
                    "set enableLogFileValidation true")
                .list());
  }

  static Rule trailKey() {
    return Rule.of(
        "CT-03",
        "trail encrypted with a KMS key",
        MANDATORY,
        ALL,
        "N5-CloudTrailEncryptionEnabled, CKV_AWS_35, AVD-0015, SH CloudTrail.2",
        List.of(Types.TRAIL),
        (t, ctx) ->
            Problems.of(t)
                .require(
                    In.text(t, "kmsKeyId").isPresent(),
                    "kms",
                    "log files are not encrypted with a KMS key",
                    "set kmsKeyId")
                .list());
  }

  static Rule trailToLogs() {
    return Rule.of(
        "CT-04",
        "trail delivers to CloudWatch Logs",
        MANDATORY,
        ALL,
        "N5-CloudTrailCloudWatchLogsEnabled, CKV2_AWS_10, SH CloudTrail.5",
        List.of(Types.TRAIL),
        (t, ctx) ->
            Problems.of(t)
                .require(
                    In.text(t, "cloudWatchLogsGroupArn").isPresent()
                        && In.text(t, "cloudWatchLogsRoleArn").isPresent(),
                    "logs",
                    "the trail does not deliver to CloudWatch Logs",
                    "set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn")
                .list());
  }
}
