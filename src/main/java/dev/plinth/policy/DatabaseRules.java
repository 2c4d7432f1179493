package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Rule.STAGING_AND_PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import java.util.List;
import java.util.Set;

/** RDS PostgreSQL: the primary instance, its read replicas and its parameter group. */
final class DatabaseRules {
  private DatabaseRules() {}

  static final Set<String> DEFAULT_USERNAMES = Set.of("postgres", "admin", "root", "rdsadmin");

  static List<Rule> all() {
    return List.of(
        encrypted(),
        notPublic(),
        multiAz(),
        backups(),
        deletionProtection(),
        iamAuthentication(),
        logExports(),
        performanceInsights(),
        enhancedMonitoring(),
        minorUpgrades(),
        forceSsl(),
        defaultsChanged(),
        backupRetentionAsSeeds(),
        windows(),
        storageAutoscaling(),
        finalSnapshot(),
        engineVersion(),
        readReplica(),
        proxyTls(),
        proxyIamAuth());
  }

  /**
   * An RDS Proxy refuses clients without TLS ({@code requireTls}; AWS Config's managed rule
   * rds-proxy-tls-encryption, RDS_PROXY_TLS_ENCRYPTION: "NON_COMPLIANT if an Amazon RDS proxy does
   * not have TLS enforced for all connections"). Checkov has no rule for aws_db_proxy's TLS.
   */
  static Rule proxyTls() {
    return Rule.of(
        "PL-46",
        "RDS Proxy requires TLS from its clients",
        MANDATORY,
        ALL,
        "ag rds-proxy-tls-encryption, issue 21",
        List.of(Types.RDS_PROXY),
        (proxy, ctx) ->
            Problems.of(proxy)
                .require(
                    In.isTrue(proxy, "requireTls"),
                    "tls",
                    "accepts clients without TLS",
                    "set requireTls true")
                .list());
  }

  /**
   * An RDS Proxy takes clients by IAM authentication only ({@code iamAuth} REQUIRED on every auth
   * entry; rds 2014-10-31 UserAuthConfig.IAMAuth) and logs in to the database with credentials from
   * Secrets Manager ({@code authScheme} SECRETS and a secret): no password of the database reaches
   * a client.
   */
  static Rule proxyIamAuth() {
    return Rule.of(
        "PL-47",
        "RDS Proxy requires IAM authentication and reads the database's credentials from Secrets"
            + " Manager",
        MANDATORY,
        ALL,
        "issue 21",
        List.of(Types.RDS_PROXY),
        (proxy, ctx) -> {
          List<com.fasterxml.jackson.databind.JsonNode> auths = In.list(proxy, "auths");
          boolean iam =
              !auths.isEmpty()
                  && auths.stream()
                      .allMatch(
                          a ->
                              a.path("iamAuth").asText().equals("REQUIRED")
                                  && a.path("authScheme").asText().equals("SECRETS")
                                  && !a.path("secretArn").asText().isBlank());
          return Problems.of(proxy)
              .require(
                  iam,
                  "authentication",
                  "lets a client in without IAM authentication, or has no secret to log in with",
                  "give every auth entry iamAuth REQUIRED, authScheme SECRETS and the master"
                      + " secret's ARN")
              .list();
        });
  }

  static boolean isReplica(RecordedResource db) {
    return In.text(db, "replicateSourceDb").isPresent();
  }

  static Rule encrypted() {
    return Rule.of(
        "RDS-01",
        "storage encrypted with a customer-managed key",
        MANDATORY,
        ALL,
        "AS-RDS2, CKV_AWS_16, AVD-0080, ag rds-storage-encrypted, SH RDS.3",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    In.isTrue(db, "storageEncrypted")
                        && (In.text(db, "kmsKeyId").isPresent()
                            || DataDeployRules.sameRegionSource(db, ctx)
                                .map(src -> In.text(src, "kmsKeyId").isPresent())
                                .orElse(false)),
                    "encryption",
                    "storage is not encrypted with a customer-managed KMS key",
                    "set storageEncrypted true and kmsKeyId to the data key (a same-region replica"
                        + " takes its source's)")
                .list());
  }

  static Rule notPublic() {
    return Rule.of(
        "RDS-02",
        "not publicly accessible",
        MANDATORY,
        ALL,
        "CKV_AWS_17, AVD-0180, ag rds-instance-public-access, SH RDS.2",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    !In.isTrue(db, "publiclyAccessible"),
                    "public",
                    "is publicly accessible",
                    "set publiclyAccessible false")
                .list());
  }

  static Rule multiAz() {
    return Rule.of(
        "RDS-03",
        "Multi-AZ",
        MANDATORY,
        PROD,
        "AS-RDS3, CKV_AWS_157, ag rds-instance-multi-az-enabled, SH RDS.5",
        List.of(Types.RDS),
        (db, ctx) ->
            isReplica(db)
                ? List.of()
                : Problems.of(db)
                    .require(
                        In.isTrue(db, "multiAz"),
                        "multi-az",
                        "is a single-AZ database in prod",
                        "set multiAz true (plinth:database.multiAz)")
                    .list());
  }

  static Rule backups() {
    return Rule.of(
        "RDS-04",
        "backup retention >= 7 days, copy tags to snapshots",
        MANDATORY,
        ALL,
        "CKV2_AWS_60, SH RDS.11, SH RDS.17",
        List.of(Types.RDS),
        (db, ctx) -> {
          if (isReplica(db)) {
            return List.of();
          }
          int days = In.integer(db, "backupRetentionPeriod").orElse(0);
          return Problems.of(db)
              .require(
                  days >= 7,
                  "retention",
                  "keeps backups " + days + " days",
                  "set backupRetentionPeriod to 7 or more")
              .require(
                  In.isTrue(db, "copyTagsToSnapshot"),
                  "tags",
                  "does not copy tags to snapshots",
                  "set copyTagsToSnapshot true")
              .list();
        });
  }

  static Rule deletionProtection() {
    return Rule.of(
        "RDS-05",
        "deletion protection",
        MANDATORY,
        STAGING_AND_PROD,
        "AS-RDS10, CKV_AWS_293, AVD-0177, SH RDS.8",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    In.isTrue(db, "deletionProtection"),
                    "deletion",
                    "deletion protection is off",
                    "set deletionProtection true")
                .list());
  }

  static Rule iamAuthentication() {
    return Rule.of(
        "RDS-06",
        "IAM database authentication",
        ADVISORY,
        ALL,
        "CKV_AWS_161, AVD-0176, SH RDS.10",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    In.isTrue(db, "iamDatabaseAuthenticationEnabled"),
                    "iam-auth",
                    "IAM database authentication is off",
                    "set iamDatabaseAuthenticationEnabled true")
                .list());
  }

  static Rule logExports() {
    return Rule.of(
        "RDS-07",
        "log exports include postgresql and upgrade",
        MANDATORY,
        ALL,
        "N5-RDSLoggingEnabled, CKV_AWS_129, SH RDS.9, SH RDS.36",
        List.of(Types.RDS),
        (db, ctx) -> {
          List<String> exports = In.texts(db, "enabledCloudwatchLogsExports");
          return Problems.of(db)
              .require(
                  exports.containsAll(List.of("postgresql", "upgrade")),
                  "logs",
                  "exports " + exports + " to CloudWatch Logs",
                  "set enabledCloudwatchLogsExports [postgresql, upgrade]")
              .list();
        });
  }

  static Rule performanceInsights() {
    return Rule.of(
        "RDS-08",
        "Performance Insights with a KMS key",
        MANDATORY,
        PROD,
        "CKV_AWS_353, CKV_AWS_354, AVD-0133, AVD-0078",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    In.isTrue(db, "performanceInsightsEnabled")
                        && In.text(db, "performanceInsightsKmsKeyId").isPresent(),
                    "insights",
                    "Performance Insights is off or not encrypted with a customer key",
                    "set performanceInsightsEnabled true and performanceInsightsKmsKeyId")
                .list());
  }

  static Rule enhancedMonitoring() {
    return Rule.of(
        "RDS-09",
        "enhanced monitoring with a role",
        MANDATORY,
        PROD,
        "N5-RDSEnhancedMonitoringEnabled, CKV_AWS_118, SH RDS.6",
        List.of(Types.RDS),
        (db, ctx) -> {
          int interval = In.integer(db, "monitoringInterval").orElse(0);
          return Problems.of(db)
              .require(
                  interval > 0 && In.text(db, "monitoringRoleArn").isPresent(),
                  "monitoring",
                  "enhanced monitoring is off",
                  "set monitoringInterval 60 and monitoringRoleArn")
              .require(
                  interval == 0 || interval <= 60,
                  "interval",
                  "enhanced monitoring every " + interval + " s",
                  "set monitoringInterval 60 or less (seed 001)")
              .list();
        });
  }

  static Rule minorUpgrades() {
    return Rule.of(
        "RDS-10",
        "automatic minor version upgrade",
        MANDATORY,
        ALL,
        "CKV_AWS_226, SH RDS.13",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    In.bool(db, "autoMinorVersionUpgrade", true),
                    "upgrade",
                    "automatic minor version upgrades are off",
                    "set autoMinorVersionUpgrade true")
                .list());
  }

  static Rule forceSsl() {
    return Rule.of(
        "RDS-11",
        "parameter group forces SSL",
        MANDATORY,
        ALL,
        "CKV2_AWS_69",
        List.of(Types.RDS),
        (db, ctx) -> {
          List<RecordedResource> groups = ctx.referredBy(db, Types.RDS_PARAMETERS);
          boolean forced =
              groups.stream()
                  .flatMap(g -> In.list(g, "parameters").stream())
                  .anyMatch(
                      p ->
                          p.path("name").asText().equals("rds.force_ssl")
                              && p.path("value").asText().equals("1"));
          return Problems.of(db)
              .require(
                  forced,
                  "ssl",
                  groups.isEmpty()
                      ? "uses the default parameter group, which does not force SSL"
                      : "its parameter group does not set rds.force_ssl = 1",
                  "use a parameter group with rds.force_ssl = 1")
              .list();
        });
  }

  /** Aspects {@code port} and {@code username}: the port is excepted (seed 004 fixes 5432). */
  static Rule defaultsChanged() {
    return Rule.of(
        "RDS-12",
        "non-default port and master username",
        MANDATORY,
        ALL,
        "AS-RDS11, SH RDS.23, SH RDS.25",
        List.of(Types.RDS),
        (db, ctx) -> {
          if (isReplica(db)) {
            return List.of();
          }
          int port = In.integer(db, "port").orElse(5432);
          String user = In.text(db, "username").orElse("postgres");
          return Problems.of(db)
              .require(port != 5432, "port", "listens on the default port 5432", "set another port")
              .require(
                  !DEFAULT_USERNAMES.contains(user),
                  "username",
                  "the master username is the default " + user,
                  "choose another username")
              .list();
        });
  }

  static Rule backupRetentionAsSeeds() {
    return Rule.of(
        "PL-07",
        "database backups kept 30 days in prod, 7 elsewhere (seeds 001, 002, 004)",
        MANDATORY,
        ALL,
        "seed 002 (backups 30 days), seed 004 (7 d dev / 30 d prod)",
        List.of(Types.RDS),
        (db, ctx) -> {
          if (isReplica(db)) {
            return List.of();
          }
          int want = ctx.environment() == Environment.PROD ? 30 : 7;
          int days = In.integer(db, "backupRetentionPeriod").orElse(0);
          return Problems.of(db)
              .require(
                  days >= want,
                  "retention",
                  "keeps backups " + days + " days",
                  "set backupRetentionPeriod " + want + " (plinth:database.backupRetentionDays)")
              .list();
        });
  }

  static Rule windows() {
    return Rule.of(
        "PL-08",
        "backup window 03:00-04:00, maintenance sun:04:00-05:00 UTC (seed 001)",
        ADVISORY,
        ALL,
        "seed 001",
        List.of(Types.RDS),
        (db, ctx) -> {
          if (isReplica(db)) {
            return List.of();
          }
          String backup = In.text(db, "backupWindow").orElse("unset");
          String maintenance = In.text(db, "maintenanceWindow").orElse("unset");
          return Problems.of(db)
              .require(
                  backup.equals("03:00-04:00"),
                  "backup-window",
                  "backup window is " + backup,
                  "set backupWindow 03:00-04:00")
              .require(
                  maintenance.equalsIgnoreCase("sun:04:00-sun:05:00"),
                  "maintenance-window",
                  "maintenance window is " + maintenance,
                  "set maintenanceWindow sun:04:00-sun:05:00")
              .list();
        });
  }

  static Rule storageAutoscaling() {
    return Rule.of(
        "PL-09",
        "storage autoscaling up to a ceiling (seed 004: up to 1 TB)",
        ADVISORY,
        STAGING_AND_PROD,
        "seed 004 (storage autoscaling at 85% up to 1 TB)",
        List.of(Types.RDS),
        (db, ctx) -> {
          int allocated = In.integer(db, "allocatedStorage").orElse(0);
          int max = In.integer(db, "maxAllocatedStorage").orElse(0);
          return Problems.of(db)
              .require(
                  max > allocated,
                  "autoscaling",
                  "storage cannot grow (maxAllocatedStorage "
                      + max
                      + ", allocated "
                      + allocated
                      + ")",
                  "set maxAllocatedStorage above allocatedStorage (seed 004: 1000)")
              .list();
        });
  }

  static Rule finalSnapshot() {
    return Rule.of(
        "PL-10",
        "a final snapshot on delete in prod (design: safe defaults for data)",
        MANDATORY,
        PROD,
        "design.md (final snapshots), AWS CDK default",
        List.of(Types.RDS, Types.CACHE),
        (r, ctx) -> {
          if (r.type().equals(Types.RDS) && isReplica(r)) {
            return List.of();
          }
          boolean snapshots =
              r.type().equals(Types.RDS)
                  ? !In.isTrue(r, "skipFinalSnapshot")
                      && In.text(r, "finalSnapshotIdentifier").isPresent()
                  : In.text(r, "finalSnapshotIdentifier").isPresent();
          return Problems.of(r)
              .require(
                  snapshots,
                  "final-snapshot",
                  "deleting it takes no final snapshot",
                  "set skipFinalSnapshot false and a finalSnapshotIdentifier")
              .list();
        });
  }

  static Rule engineVersion() {
    return Rule.of(
        "PL-11",
        "PostgreSQL 15 or later (seeds 000, 001)",
        ADVISORY,
        ALL,
        "seed 000, seed 001 (PostgreSQL 15), seed 004 (14+)",
        List.of(Types.RDS),
        (db, ctx) -> {
          // A read replica takes its source's version, so it need not set one.
          boolean inherited =
              In.text(db, "engineVersion").isEmpty()
                  && In.text(db, "replicateSourceDb").isPresent();
          String version =
              In.text(db, "engineVersion")
                  .or(
                      () ->
                          inherited
                              ? ctx.referredBy(db, Types.RDS).stream()
                                  .map(source -> In.text(source, "engineVersion"))
                                  .flatMap(java.util.Optional::stream)
                                  .findFirst()
                              : java.util.Optional.empty())
                  .orElse("unset");
          int major = major(version);
          return Problems.of(db)
              .require(
                  major >= 15,
                  "version",
                  "engine version is " + version + (inherited ? " (its source's)" : ""),
                  "set engineVersion 15 or later")
              .list();
        });
  }

  static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Rule readReplica() {
    return Rule.of(
        "PL-12",
        "a read replica in prod (seed 000: PostgreSQL with replicas)",
        ADVISORY,
        PROD,
        "seed 000",
        List.of(Types.RDS),
        (db, ctx) -> {
          if (isReplica(db)) {
            return List.of();
          }
          boolean replicated =
              ctx.referring(db, Types.RDS).stream().anyMatch(DatabaseRules::isReplica);
          return Problems.of(db)
              .require(
                  replicated,
                  "replica",
                  "has no read replica",
                  "add a read replica (plinth:database.readReplicas)")
              .list();
        });
  }
}
