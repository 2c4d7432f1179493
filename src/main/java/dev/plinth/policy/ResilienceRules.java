package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.Environment;
import java.util.List;

/**
 * AWS Backup plans and vaults, replication of the database's automated backups, and protection of
 * stateful resources.
 */
final class ResilienceRules {
  private ResilienceRules() {}

  /**
   * Stateful resources (design.md): protected in prod so no destroy or replacement deletes them.
   */
  static final List<String> STATEFUL =
      List.of(
          Types.RDS,
          Types.CACHE,
          Types.GLOBAL_CACHE,
          Types.BUCKET,
          Types.LEGACY_BUCKET,
          Types.KMS_KEY,
          Types.SECRET,
          Types.BACKUP_VAULT);

  static List<Rule> all() {
    return List.of(
        backupRetention(),
        vaultKey(),
        crossRegionCopy(),
        protectedInProd(),
        databaseBackupsReplicated(),
        standbyForRecoveryTargets());
  }

  /**
   * What the stack declares about disaster recovery ({@code disasterRecovery.<field>}, the output
   * Platform exports from {@code plinth:dr}).
   */
  static JsonNode recovery(PolicyContext ctx) {
    return ctx.graph().outputs().path("disasterRecovery");
  }

  /**
   * A prod primary with recovery targets needs a standby to meet them: a region loss takes the
   * primary, its replicas and its backups' region with it (seeds 002: RTO 1 h, RPO 5 min, standby
   * environment; 003: API in 15 min, database in 1 h). Judged on the PostgreSQL primary, the
   * resource a regional failover recovers first.
   */
  static Rule standbyForRecoveryTargets() {
    return Rule.of(
        "PL-30",
        "in prod a primary with recovery targets names its standby stack (seeds 002, 003)",
        MANDATORY,
        PROD,
        "seed 002 (RTO 1 h, RPO 5 min, standby environment, DNS failover), seed 003 (API 15 min,"
            + " database 1 h after a region failure)",
        List.of(Types.RDS),
        (db, ctx) -> {
          JsonNode dr = recovery(ctx);
          if (DatabaseRules.isReplica(db) || dr.path("role").asText("primary").equals("standby")) {
            return List.of();
          }
          int rpo = dr.path("rpoMinutes").asInt(0);
          int apiRto = dr.path("apiRtoMinutes").asInt(0);
          int dbRto = dr.path("databaseRtoMinutes").asInt(0);
          boolean targets = rpo > 0 || apiRto > 0 || dbRto > 0;
          return Problems.of(db)
              .require(
                  !targets || !dr.path("standbyStack").asText("").isBlank(),
                  "standby",
                  "the stack sets recovery targets (plinth:dr.rpoMinutes "
                      + rpo
                      + ", apiRtoMinutes "
                      + apiRto
                      + ", databaseRtoMinutes "
                      + dbRto
                      + ") but names no standby: a region loss leaves only the backups' copies,"
                      + " and rebuilding from them misses every target",
                  "set plinth:dr.standbyStack to the standby's stack name (prod's is prod-dr, a"
                      + " stack file with plinth:dr.role: standby), or set the three targets to 0")
              .list();
        });
  }

  static Rule backupRetention() {
    return Rule.of(
        "PL-19",
        "AWS Backup keeps recovery points 30 days in prod, 7 elsewhere (seeds 002, 004)",
        MANDATORY,
        ALL,
        "seed 002 (backups 30 days), seed 004 (7 d dev / 30 d prod)",
        List.of(Types.BACKUP_PLAN),
        (plan, ctx) -> {
          int want = ctx.environment() == Environment.PROD ? 30 : 7;
          Problems p = Problems.of(plan);
          List<JsonNode> rules = In.list(plan, "rules");
          p.require(!rules.isEmpty(), "rules", "has no rules", "add a daily rule");
          for (JsonNode rule : rules) {
            int days = rule.path("lifecycle").path("deleteAfter").asInt(0);
            p.require(
                days == 0 || days >= want,
                "retention",
                "rule "
                    + rule.path("ruleName").asText()
                    + " deletes recovery points after "
                    + days
                    + " days",
                "set lifecycle.deleteAfter " + want + " or more");
          }
          return p.list();
        });
  }

  static Rule vaultKey() {
    return Rule.of(
        "PL-20",
        "backup vault encrypted with a customer-managed key",
        MANDATORY,
        ALL,
        "CKV_AWS_166",
        List.of(Types.BACKUP_VAULT),
        (v, ctx) ->
            Problems.of(v)
                .require(
                    In.text(v, "kmsKeyArn").isPresent(),
                    "kms",
                    "recovery points use the AWS-managed key",
                    "set kmsKeyArn to the backups key")
                .list());
  }

  static Rule crossRegionCopy() {
    return Rule.of(
        "PL-21",
        "in prod backups are copied to another region (seeds 001 DR, 003)",
        ADVISORY,
        PROD,
        "seed 001 (DR table), seed 003 (cross-region replication)",
        List.of(Types.BACKUP_PLAN),
        (plan, ctx) ->
            Problems.of(plan)
                .require(
                    In.list(plan, "rules").stream().anyMatch(r -> r.path("copyActions").size() > 0),
                    "copy",
                    "no rule copies recovery points to another region",
                    "add copyActions to a vault in the DR region")
                .list());
  }

  static Rule protectedInProd() {
    return Rule.of(
        "PL-22",
        "stateful resources (databases, caches, buckets, keys, secrets, backup vaults) are protected in prod",
        MANDATORY,
        PROD,
        "design.md (stateful resources in production: protect)",
        STATEFUL,
        (r, ctx) ->
            Problems.of(r)
                .require(
                    r.protect(),
                    "protect",
                    "is not protected: a destroy or replacement would delete it",
                    "create it with statefulOptions(true) (Pulumi protect)")
                .list());
  }

  static Rule databaseBackupsReplicated() {
    return Rule.of(
        "PL-23",
        "in prod the PostgreSQL primary's automated backups are replicated to another region (seeds"
            + " 002, 004)",
        ADVISORY,
        PROD,
        "seed 002 (RPO 5 min, geographic redundancy), seed 004 (cross-region backup replication)",
        List.of(Types.RDS),
        (db, ctx) -> {
          if (DatabaseRules.isReplica(db)) {
            return List.of();
          }
          boolean replicated =
              ctx.referring(db, Types.RDS_BACKUP_REPLICATION).stream()
                  .anyMatch(r -> In.text(r, "kmsKeyId").isPresent());
          return Problems.of(db)
              .require(
                  replicated,
                  "backup-replication",
                  "its automated backups and transaction logs stay in its region: after a region"
                      + " loss only the daily copies remain",
                  "set plinth:database.crossRegionBackupReplication true (an"
                      + " aws.rds.InstanceAutomatedBackupsReplication in the DR region, with kmsKeyId)")
              .list();
        });
  }
}
