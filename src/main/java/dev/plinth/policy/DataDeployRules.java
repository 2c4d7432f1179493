package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployability: the constraints that make AWS refuse a create or an update, for PostgreSQL, Redis,
 * KMS key policies, buckets and log groups (DEP-01 to DEP-19). Each rule cites the API reference or
 * service model field it encodes (botocore 1.43.11 models, AWS user guides read 2026-12-02).
 */
final class DataDeployRules {
  private DataDeployRules() {}

  static List<Rule> all() {
    return List.of(
        clusterModeFailover(),
        multiAzFailover(),
        sameRegionReplicaKey(),
        policyPrincipalsExist(),
        cloudTrailKeyPolicy(),
        destroyableBuckets(),
        noncurrentExpiry(),
        rdsLogGroups(),
        failoverNeedsTwoNodes(),
        logKeyAllowsCloudWatchLogs(),
        logRetentionValues(),
        rdsWindows(),
        performanceInsightsRetention(),
        deletionWindows(),
        cacheTransitEncryption(),
        cacheWindows(),
        replicaOfManagedPassword());
  }

  // ---- ElastiCache -------------------------------------------------------------------------

  /**
   * Whether a replication group runs in cluster mode: {@code clusterMode enabled}, more than one
   * shard, or a parameter group it uses with {@code cluster-enabled yes}.
   */
  static boolean clusterMode(RecordedResource group, PolicyContext ctx) {
    if (In.text(group, "clusterMode").map(m -> m.equalsIgnoreCase("enabled")).orElse(false)
        || In.integer(group, "numNodeGroups").orElse(1) > 1) {
      return true;
    }
    return ctx.referredBy(group, Types.CACHE_PARAMETERS).stream()
        .flatMap(p -> In.list(p, "parameters").stream())
        .anyMatch(
            p ->
                p.path("name").asText().equals("cluster-enabled")
                    && p.path("value").asText().equals("yes"));
  }

  static Rule clusterModeFailover() {
    return Rule.of(
        "DEP-01",
        "a cluster-mode Redis replication group has automatic failover",
        MANDATORY,
        ALL,
        "ElastiCache CreateReplicationGroup AutomaticFailoverEnabled (must be enabled for cluster"
            + " mode enabled replication groups)",
        List.of(Types.CACHE),
        (c, ctx) ->
            Problems.of(c)
                .require(
                    !clusterMode(c, ctx) || In.isTrue(c, "automaticFailoverEnabled"),
                    "failover",
                    "runs in cluster mode without automatic failover, which CreateReplicationGroup"
                        + " refuses",
                    "set automaticFailoverEnabled true (0 replicas are allowed with it)")
                .list());
  }

  static Rule multiAzFailover() {
    return Rule.of(
        "DEP-02",
        "a Multi-AZ Redis replication group has automatic failover and a replica",
        MANDATORY,
        ALL,
        "ElastiCache CreateReplicationGroup MultiAZEnabled (Pulumi ReplicationGroupArgs"
            + " multiAzEnabled: automaticFailoverEnabled must also be enabled), DecreaseReplicaCount"
            + " NewReplicaCount (Multi-AZ: at least 1 replica with cluster mode disabled; with it"
            + " enabled 0 replicas cannot fail over)",
        List.of(Types.CACHE),
        (c, ctx) -> {
          boolean multiAz = In.isTrue(c, "multiAzEnabled");
          boolean replica =
              In.integer(c, "replicasPerNodeGroup").orElse(0) >= 1
                  || In.integer(c, "numCacheClusters").orElse(1) >= 2;
          return Problems.of(c)
              .require(
                  !multiAz || In.isTrue(c, "automaticFailoverEnabled"),
                  "failover",
                  "is Multi-AZ without automatic failover",
                  "set automaticFailoverEnabled true, or multiAzEnabled false")
              .require(
                  !multiAz || replica,
                  "replica",
                  "is Multi-AZ with no replica to fail over to",
                  "add a replica per shard, or set multiAzEnabled false")
              .list();
        });
  }

  // ---- RDS ---------------------------------------------------------------------------------

  /** A read replica's source given by identifier (same region), not by ARN (any region). */
  static boolean sameRegionReplica(RecordedResource db) {
    return In.text(db, "replicateSourceDb").map(s -> !s.startsWith("arn:")).orElse(false);
  }

  /** The source instance of a same-region read replica, when it is in the plan. */
  static Optional<RecordedResource> sameRegionSource(RecordedResource db, PolicyContext ctx) {
    if (!sameRegionReplica(db)) {
      return Optional.empty();
    }
    String source = In.text(db, "replicateSourceDb").orElse("");
    return ctx.ofType(Types.RDS).stream()
        .filter(r -> r != db)
        .filter(
            r ->
                In.text(r, "identifier").map(source::equals).orElse(false) || source.equals(r.id()))
        .findFirst();
  }

  static Rule sameRegionReplicaKey() {
    return Rule.of(
        "DEP-03",
        "a same-region read replica names no KMS key",
        MANDATORY,
        ALL,
        "RDS CreateDBInstanceReadReplica KmsKeyId (same Region: don't specify; always the source's"
            + " key)",
        List.of(Types.RDS),
        (db, ctx) ->
            Problems.of(db)
                .require(
                    !sameRegionReplica(db) || In.text(db, "kmsKeyId").isEmpty(),
                    "kms",
                    "is a same-region read replica that names kmsKeyId "
                        + In.text(db, "kmsKeyId").orElse(""),
                    "remove kmsKeyId (the replica is encrypted with its source's key); name a key"
                        + " only for a cross-region replica")
                .list());
  }

  /**
   * RDS does not create a read replica of an instance whose master password it manages in Secrets
   * Manager: RDS User Guide, "Password management with Amazon RDS and AWS Secrets Manager",
   * Limitations ("Creating a read replica when the source DB or DB cluster manages credentials with
   * Secrets Manager", every engine but SQL Server). Mandatory: such a plan fails to deploy. Plinth
   * keeps the master password in a secret of its own (data/MasterCredentials), so its stacks pass;
   * the rule stops a return to {@code manageMasterUserPassword} while the database has replicas.
   */
  static Rule replicaOfManagedPassword() {
    return Rule.of(
        "DEP-17",
        "no read replica of an instance whose master password RDS manages (RDS refuses it)",
        MANDATORY,
        ALL,
        "RDS User Guide, Secrets Manager integration limitations (read replicas)",
        List.of(Types.RDS),
        (db, ctx) -> {
          Optional<RecordedResource> source = sameRegionSource(db, ctx);
          boolean managed =
              source.map(s -> In.bool(s, "manageMasterUserPassword", false)).orElse(false);
          return Problems.of(db)
              .require(
                  !managed,
                  "source",
                  "is a read replica of "
                      + source.map(RecordedResource::name).orElse("")
                      + ", whose master password RDS manages in Secrets Manager: RDS refuses to"
                      + " create it",
                  "keep the master password in a secret Plinth manages (as data/MasterCredentials"
                      + " does), not manageMasterUserPassword, or set plinth:database.readReplicas"
                      + " 0")
              .list();
        });
  }

  /** RDS writes an exported log to this log group (RDS User Guide, publishing logs). */
  static String rdsLogGroup(String identifier, String log) {
    return "/aws/rds/instance/" + identifier + "/" + log;
  }

  static Rule rdsLogGroups() {
    return Rule.of(
        "DEP-08",
        "every RDS log export has its log group created first, encrypted and expiring",
        MANDATORY,
        ALL,
        "RDS CreateDBInstance EnableCloudwatchLogsExports, RDS User Guide: Publishing PostgreSQL"
            + " logs to Amazon CloudWatch Logs (log group /aws/rds/instance/<id>/<log>)",
        List.of(Types.RDS),
        (db, ctx) -> {
          Problems p = Problems.of(db);
          List<String> logs = In.texts(db, "enabledCloudwatchLogsExports");
          if (logs.isEmpty()) {
            return p.list();
          }
          Optional<String> id = In.text(db, "identifier");
          if (id.isEmpty()) {
            return p.add(
                    "identifier",
                    "exports logs but has no fixed identifier, so its log groups cannot be"
                        + " created before it",
                    "set identifier and create /aws/rds/instance/<identifier>/<log> first")
                .list();
          }
          for (String log : logs) {
            String name = rdsLogGroup(id.get(), log);
            List<RecordedResource> groups =
                ctx.ofType(Types.LOG_GROUP).stream()
                    .filter(g -> In.text(g, "name").map(name::equals).orElse(false))
                    .toList();
            if (groups.isEmpty()) {
              p.add(
                  "log-group",
                  "exports "
                      + log
                      + " to "
                      + name
                      + ", which RDS would create unencrypted and"
                      + " kept forever",
                  "create an aws.cloudwatch.LogGroup named "
                      + name
                      + " with kmsKeyId and"
                      + " retentionInDays, and make the instance depend on it");
              continue;
            }
            RecordedResource g = groups.get(0);
            p.require(
                In.text(g, "kmsKeyId").isPresent() && In.integer(g, "retentionInDays").isPresent(),
                "log-group",
                "its log group " + name + " has no KMS key or no retention",
                "set kmsKeyId and retentionInDays on " + g.name());
            p.require(
                db.dependencies().contains(g.urn()),
                "order",
                "does not wait for its log group " + name + " (RDS may create it first)",
                "add dependsOn " + g.name());
          }
          return p.list();
        });
  }

  // ---- Key and bucket policies -------------------------------------------------------------

  /** The AWS principals a policy's Allow and Deny statements name. */
  static List<String> awsPrincipals(List<JsonNode> statements) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : statements) {
      JsonNode p = s.get("Principal");
      if (p != null && p.isObject()) {
        out.addAll(In.texts(p.get("AWS")));
      }
    }
    return out;
  }

  /**
   * Whether a principal exists whenever the policy is set: anyone ({@code *}), an account, or a
   * role this stack creates (its name, or Pulumi's auto-name: the resource name and a suffix).
   */
  static boolean principalExists(String principal, PolicyContext ctx) {
    if (principal.equals("*")
        || principal.matches("\\d{12}")
        || principal.matches("arn:aws[a-z-]*:iam::\\d{12}:root")) {
      return true;
    }
    if (principal.contains(":role/") && !principal.contains(":role/aws-service-role/")) {
      String role = principal.substring(principal.lastIndexOf('/') + 1);
      return ctx.ofType(Types.ROLE).stream()
          .anyMatch(
              r ->
                  In.text(r, "name").map(role::equals).orElse(false)
                      || role.equals(r.id())
                      || role.startsWith(r.name() + "-"));
    }
    return false;
  }

  static Rule policyPrincipalsExist() {
    return Rule.of(
        "DEP-04",
        "key and bucket policies name only principals that exist when the policy is set",
        MANDATORY,
        ALL,
        "KMS CreateKey Policy (principals must exist and be visible to KMS;"
            + " MalformedPolicyDocumentException), S3 PutBucketPolicy (Invalid principal in"
            + " policy)",
        List.of(Types.KMS_KEY, Types.BUCKET_POLICY),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          for (String principal : awsPrincipals(In.statements(In.document(r, "policy")))) {
            if (!principalExists(principal, ctx)) {
              p.add(
                  "principal",
                  "its policy names "
                      + principal
                      + (principal.contains("aws-service-role/")
                          ? ", a service-linked role that exists only after the service first"
                              + " creates it"
                          : ", which this stack does not create"),
                  "name the account (root) or a role of this stack; grant others with Principal"
                      + " * and a condition (aws:PrincipalArn, kms:CallerAccount)");
            }
          }
          return p.list();
        });
  }

  /** Statements of a key policy that allow CloudTrail's service principal an action. */
  private static List<JsonNode> cloudTrailAllows(List<JsonNode> statements, String action) {
    return statements.stream()
        .filter(In::allows)
        .filter(
            s -> In.texts(s.path("Principal").get("Service")).contains("cloudtrail.amazonaws.com"))
        .filter(
            s ->
                In.texts(s.get("Action")).stream()
                    .anyMatch(
                        a ->
                            a.equals(action)
                                || a.equals("kms:*")
                                || (a.endsWith("*")
                                    && action.startsWith(a.substring(0, a.length() - 1)))))
        .toList();
  }

  private static boolean encryptionContext(JsonNode statement) {
    return statement.path("Condition").toString().contains("kms:EncryptionContext");
  }

  static Rule cloudTrailKeyPolicy() {
    return Rule.of(
        "DEP-05",
        "a trail's KMS key lets CloudTrail encrypt, describe the key and (bucket key) decrypt",
        MANDATORY,
        ALL,
        "CloudTrail CreateTrail KmsKeyId (InsufficientEncryptionPolicyException), CloudTrail User"
            + " Guide: Configure AWS KMS key policies for CloudTrail (required KMS key policy"
            + " elements for trails)",
        List.of(Types.TRAIL),
        (t, ctx) -> {
          Problems p = Problems.of(t);
          Optional<String> keyArn = In.text(t, "kmsKeyId");
          if (keyArn.isEmpty()) {
            return p.list();
          }
          Optional<RecordedResource> key =
              ctx.ofType(Types.KMS_KEY).stream()
                  .filter(k -> keyArn.get().endsWith("key/" + k.id()))
                  .findFirst();
          if (key.isEmpty()) {
            return p.list();
          }
          List<JsonNode> statements = In.statements(In.document(key.get(), "policy"));
          p.require(
              !cloudTrailAllows(statements, "kms:GenerateDataKey").isEmpty(),
              "encrypt",
              "its key " + key.get().name() + " does not let CloudTrail GenerateDataKey*",
              "allow cloudtrail.amazonaws.com kms:GenerateDataKey* under"
                  + " kms:EncryptionContext:aws:cloudtrail:arn");
          p.require(
              cloudTrailAllows(statements, "kms:DescribeKey").stream()
                  .anyMatch(s -> !encryptionContext(s)),
              "describe",
              "its key "
                  + key.get().name()
                  + " lets CloudTrail DescribeKey only under an encryption-context condition,"
                  + " which DescribeKey never carries",
              "allow cloudtrail.amazonaws.com kms:DescribeKey in a statement without"
                  + " kms:EncryptionContext conditions");
          boolean bucketKey =
              ctx.referredBy(t, Types.BUCKET).stream()
                  .flatMap(b -> ctx.referring(b, Types.BUCKET_SSE).stream())
                  .flatMap(c -> In.list(c, "rules").stream())
                  .anyMatch(r -> r.path("bucketKeyEnabled").asBoolean(false));
          p.require(
              !bucketKey
                  || cloudTrailAllows(statements, "kms:Decrypt").stream()
                      .anyMatch(s -> !encryptionContext(s)),
              "decrypt",
              "its bucket uses an S3 Bucket Key, but its key "
                  + key.get().name()
                  + " does not let CloudTrail kms:Decrypt",
              "allow cloudtrail.amazonaws.com kms:Decrypt (condition aws:SourceArn on the trail)");
          return p.list();
        });
  }

  // ---- Buckets -----------------------------------------------------------------------------

  /** The environments whose stacks docs/deploy.md says {@code pulumi destroy} removes. */
  static boolean mustBeDestroyable(Environment env) {
    return env == Environment.DEV;
  }

  static Rule destroyableBuckets() {
    return Rule.of(
        "DEP-06",
        "dev's buckets can be deleted by pulumi destroy; a compliance-locked bucket is protected",
        MANDATORY,
        ALL,
        "S3 DeleteBucket (all object versions must be deleted first), S3 PutObjectLockConfiguration"
            + " DefaultRetention Mode (COMPLIANCE: no user, root included, can delete a locked"
            + " version)",
        StorageRules.BUCKETS,
        (b, ctx) -> {
          boolean compliance =
              ctx.referring(b, Types.BUCKET_OBJECT_LOCK).stream()
                  .anyMatch(
                      l ->
                          In.text(l, "rule.defaultRetention.mode").orElse("").equals("COMPLIANCE"));
          Problems p = Problems.of(b);
          if (mustBeDestroyable(ctx.environment())) {
            p.require(
                !compliance,
                "compliance",
                "is locked in COMPLIANCE mode, so destroying " + ctx.environment().key() + " fails",
                "use GOVERNANCE mode (or no lock) where the stack must be destroyable");
            p.require(
                In.isTrue(b, "forceDestroy"),
                "force-destroy",
                "is not emptied on destroy, so destroying "
                    + ctx.environment().key()
                    + " fails once it holds an object",
                "set forceDestroy true (its data is disposable here)");
            p.require(
                !b.protect(),
                "protect",
                "is protected, so destroying " + ctx.environment().key() + " stops at it",
                "protect buckets only where the stack is not destroyed");
          } else {
            p.require(
                !compliance || b.protect(),
                "protect",
                "is locked in COMPLIANCE mode but not protected: a destroy would fail half way",
                "protect it (statefulOptions(true)) so that a destroy stops before it starts");
          }
          return p.list();
        });
  }

  static Rule noncurrentExpiry() {
    return Rule.of(
        "DEP-07",
        "a versioned bucket that expires objects also expires their noncurrent versions",
        MANDATORY,
        ALL,
        "S3 PutBucketLifecycleConfiguration Expiration and NoncurrentVersionExpiration (S3 User"
            + " Guide: on a versioning-enabled bucket, Expiration adds a delete marker and keeps"
            + " the object as a noncurrent version)",
        StorageRules.BUCKETS,
        (b, ctx) -> {
          boolean versioned =
              ctx.referring(b, Types.BUCKET_VERSIONING).stream()
                  .anyMatch(
                      v ->
                          In.text(v, "versioningConfiguration.status")
                              .orElse("")
                              .equals("Enabled"));
          List<JsonNode> rules =
              ctx.referring(b, Types.BUCKET_LIFECYCLE).stream()
                  .flatMap(c -> In.list(c, "rules").stream())
                  .filter(r -> r.path("status").asText().equals("Enabled"))
                  .toList();
          boolean expires =
              rules.stream()
                  .anyMatch(
                      r -> r.path("expiration").has("days") || r.path("expiration").has("date"));
          boolean expiresNoncurrent =
              rules.stream()
                  .anyMatch(r -> r.path("noncurrentVersionExpiration").has("noncurrentDays"));
          return Problems.of(b)
              .require(
                  !versioned || !expires || expiresNoncurrent,
                  "noncurrent",
                  "expires current versions but keeps noncurrent ones forever: an expired object"
                      + " only gets a delete marker",
                  "add noncurrentVersionExpiration { noncurrentDays } to its lifecycle")
              .list();
        });
  }

  // ---- More refused values -----------------------------------------------------------------

  static Rule failoverNeedsTwoNodes() {
    return Rule.of(
        "DEP-09",
        "a cluster-mode-disabled group with automatic failover has at least 2 nodes",
        MANDATORY,
        ALL,
        "ElastiCache CreateReplicationGroup NumCacheClusters (with AutomaticFailoverEnabled at"
            + " least 2)",
        List.of(Types.CACHE),
        (c, ctx) -> {
          Optional<Integer> clusters = In.integer(c, "numCacheClusters");
          return Problems.of(c)
              .require(
                  clusters.isEmpty()
                      || !In.isTrue(c, "automaticFailoverEnabled")
                      || clusters.get() >= 2,
                  "nodes",
                  "has automatic failover with numCacheClusters " + clusters.orElse(0),
                  "set numCacheClusters 2 or more, or automaticFailoverEnabled false")
              .list();
        });
  }

  /** Whether a key policy lets CloudWatch Logs (regional or global service principal) use it. */
  static boolean allowsCloudWatchLogs(RecordedResource key) {
    return In.statements(In.document(key, "policy")).stream()
        .filter(In::allows)
        .anyMatch(
            s ->
                In.texts(s.path("Principal").get("Service")).stream()
                        .anyMatch(
                            p ->
                                p.equals("logs.amazonaws.com")
                                    || p.matches("logs\\.[a-z0-9-]+\\.amazonaws\\.com"))
                    && In.texts(s.get("Action")).stream()
                        .anyMatch(a -> a.startsWith("kms:Encrypt") || a.equals("kms:*")));
  }

  static Rule logKeyAllowsCloudWatchLogs() {
    return Rule.of(
        "DEP-10",
        "a log group's KMS key lets CloudWatch Logs use it",
        MANDATORY,
        ALL,
        "CloudWatch Logs CreateLogGroup kmsKeyId, CloudWatch Logs User Guide: Encrypt log data in"
            + " CloudWatch Logs using AWS KMS (the key policy must allow logs.<region>.amazonaws.com)",
        List.of(Types.LOG_GROUP),
        (g, ctx) -> {
          Optional<String> keyArn = In.text(g, "kmsKeyId");
          Optional<RecordedResource> key =
              keyArn.flatMap(
                  arn ->
                      ctx.ofType(Types.KMS_KEY).stream()
                          .filter(k -> arn.endsWith("key/" + k.id()))
                          .findFirst());
          return Problems.of(g)
              .require(
                  key.map(DataDeployRules::allowsCloudWatchLogs).orElse(true),
                  "key",
                  "is encrypted with "
                      + key.map(RecordedResource::name).orElse("")
                      + ", whose policy does not let CloudWatch Logs use it",
                  "use the logs key, or allow logs.<region>.amazonaws.com kms:Encrypt*, Decrypt*,"
                      + " ReEncrypt*, GenerateDataKey*, Describe* in the key's policy")
              .list();
        });
  }

  /** The retention periods CloudWatch Logs accepts (logs 2014-03-28, shape Days). */
  static final java.util.Set<Integer> LOG_RETENTION_DAYS =
      java.util.Set.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  static Rule logRetentionValues() {
    return Rule.of(
        "DEP-11",
        "log group retention is one of the values CloudWatch Logs accepts",
        MANDATORY,
        ALL,
        "CloudWatch Logs PutRetentionPolicy retentionInDays (1, 3, 5, 7, 14, 30, 60, 90, 120, 150,"
            + " 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)",
        List.of(Types.LOG_GROUP),
        (g, ctx) -> {
          Optional<Integer> days = In.integer(g, "retentionInDays");
          return Problems.of(g)
              .require(
                  days.map(d -> d == 0 || LOG_RETENTION_DAYS.contains(d)).orElse(true),
                  "retention",
                  "keeps logs " + days.orElse(0) + " days, a value CloudWatch Logs refuses",
                  "use one of " + new java.util.TreeSet<>(LOG_RETENTION_DAYS))
              .list();
        });
  }

  /** Minutes of the week (or of the day) a window {@code [ddd:]hh:mm-[ddd:]hh:mm} covers. */
  static Optional<int[]> window(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?:(mon|tue|wed|thu|fri|sat|sun):)?(\\d{2}):(\\d{2})-(?:(mon|tue|wed|thu|fri|sat|sun):)?(\\d{2}):(\\d{2})")
            .matcher(text.toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> days = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    int start = minutes(days, m.group(1), m.group(2), m.group(3));
    int end = minutes(days, m.group(4), m.group(5), m.group(6));
    return Optional.of(new int[] {start, end});
  }

  private static int minutes(List<String> days, String day, String h, String mm) {
    return (day == null ? 0 : days.indexOf(day) * 1440)
        + Integer.parseInt(h) * 60
        + Integer.parseInt(mm);
  }

  /** Length in minutes of a daily or weekly window, wrapping at midnight or at the week's end. */
  private static int length(int[] w, int period) {
    return Math.floorMod(w[1] - w[0], period);
  }

  /** Whether a daily window overlaps a weekly one on any day. */
  static boolean overlaps(int[] daily, int[] weekly) {
    int weeklyLength = length(weekly, 7 * 1440);
    int dailyLength = length(daily, 1440);
    for (int day = 0; day < 7; day++) {
      int start = day * 1440 + daily[0];
      for (int shift : new int[] {-7 * 1440, 0, 7 * 1440}) {
        int a = start + shift;
        if (a < weekly[0] + weeklyLength && weekly[0] < a + dailyLength) {
          return true;
        }
      }
    }
    return false;
  }

  static Rule rdsWindows() {
    return Rule.of(
        "DEP-12",
        "RDS backup and maintenance windows last 30 minutes or more and do not overlap",
        MANDATORY,
        ALL,
        "RDS CreateDBInstance PreferredBackupWindow and PreferredMaintenanceWindow (at least 30"
            + " minutes; must not conflict)",
        List.of(Types.RDS),
        (db, ctx) -> {
          Problems p = Problems.of(db);
          Optional<String> backupText = In.text(db, "backupWindow");
          Optional<String> maintenanceText = In.text(db, "maintenanceWindow");
          Optional<int[]> backup = backupText.flatMap(DataDeployRules::window);
          Optional<int[]> maintenance = maintenanceText.flatMap(DataDeployRules::window);
          p.require(
              backupText.isEmpty() || backup.isPresent() && length(backup.get(), 1440) >= 30,
              "backup-window",
              "has backup window "
                  + backupText.orElse("")
                  + ", not hh24:mi-hh24:mi of 30 minutes"
                  + " or more",
              "set backupWindow like 03:00-04:00");
          p.require(
              maintenanceText.isEmpty()
                  || maintenance.isPresent() && length(maintenance.get(), 7 * 1440) >= 30,
              "maintenance-window",
              "has maintenance window "
                  + maintenanceText.orElse("")
                  + ", not ddd:hh24:mi-ddd:hh24:mi of 30 minutes or more",
              "set maintenanceWindow like sun:04:00-sun:05:00");
          p.require(
              backup.isEmpty()
                  || maintenance.isEmpty()
                  || !overlaps(backup.get(), maintenance.get()),
              "overlap",
              "its backup window "
                  + backupText.orElse("")
                  + " overlaps its maintenance window "
                  + maintenanceText.orElse(""),
              "move one of them");
          return p.list();
        });
  }

  static Rule performanceInsightsRetention() {
    return Rule.of(
        "DEP-13",
        "Performance Insights retention is 7, a multiple of 31 up to 713, or 731 days",
        MANDATORY,
        ALL,
        "RDS CreateDBInstance PerformanceInsightsRetentionPeriod (7, month * 31 for 1-23 months,"
            + " 731)",
        List.of(Types.RDS),
        (db, ctx) -> {
          Optional<Integer> days = In.integer(db, "performanceInsightsRetentionPeriod");
          return Problems.of(db)
              .require(
                  days.map(d -> d == 7 || d == 731 || (d % 31 == 0 && d >= 31 && d <= 713))
                      .orElse(true),
                  "retention",
                  "keeps Performance Insights " + days.orElse(0) + " days, which RDS refuses",
                  "use 7, a number of months times 31 (1-23 months), or 731")
              .list();
        });
  }

  static Rule deletionWindows() {
    return Rule.of(
        "DEP-14",
        "KMS key deletion windows are 7-30 days; secret recovery windows 0 or 7-30",
        MANDATORY,
        ALL,
        "KMS ScheduleKeyDeletion PendingWindowInDays (7-30), Secrets Manager DeleteSecret"
            + " RecoveryWindowInDays (7-30; 0 deletes without recovery)",
        List.of(Types.KMS_KEY, Types.SECRET),
        (r, ctx) -> {
          boolean key = r.type().equals(Types.KMS_KEY);
          String input = key ? "deletionWindowInDays" : "recoveryWindowInDays";
          Optional<Integer> days = In.integer(r, input);
          return Problems.of(r)
              .require(
                  days.map(d -> (d >= 7 && d <= 30) || (!key && d == 0)).orElse(true),
                  "window",
                  "has " + input + " " + days.orElse(0) + ", which AWS refuses",
                  "set " + input + " between 7 and 30")
              .list();
        });
  }

  static Rule cacheTransitEncryption() {
    return Rule.of(
        "DEP-15",
        "a Redis AUTH token comes with in-transit encryption, and that with a subnet group",
        MANDATORY,
        ALL,
        "ElastiCache CreateReplicationGroup AuthToken (only where TransitEncryptionEnabled is"
            + " true), TransitEncryptionEnabled (requires CacheSubnetGroupName)",
        List.of(Types.CACHE),
        (c, ctx) -> {
          // A global datastore's secondary has the primary's in-transit encryption.
          boolean transit = In.isTrue(c, "transitEncryptionEnabled") || CacheRules.secondary(c);
          return Problems.of(c)
              .require(
                  !In.present(c, "authToken") || transit,
                  "auth-token",
                  "has an AUTH token without in-transit encryption",
                  "set transitEncryptionEnabled true")
              .require(
                  !transit || In.text(c, "subnetGroupName").isPresent(),
                  "subnet-group",
                  "encrypts in transit but names no subnet group",
                  "set subnetGroupName")
              .list();
        });
  }

  static Rule cacheWindows() {
    return Rule.of(
        "DEP-16",
        "Redis maintenance windows last 60 minutes or more; snapshot windows are hh24:mi-hh24:mi",
        MANDATORY,
        ALL,
        "ElastiCache CreateReplicationGroup PreferredMaintenanceWindow (ddd:hh24:mi-ddd:hh24:mi,"
            + " at least 60 minutes), SnapshotWindow (hh24:mi-hh24:mi)",
        List.of(Types.CACHE),
        (c, ctx) -> {
          Optional<String> maintenanceText = In.text(c, "maintenanceWindow");
          Optional<String> snapshotText = In.text(c, "snapshotWindow");
          Optional<int[]> maintenance =
              maintenanceText
                  .filter(t -> t.contains(":") && t.indexOf(':') == 3)
                  .flatMap(DataDeployRules::window);
          return Problems.of(c)
              .require(
                  maintenanceText.isEmpty()
                      || maintenance.isPresent() && length(maintenance.get(), 7 * 1440) >= 60,
                  "maintenance-window",
                  "has maintenance window "
                      + maintenanceText.orElse("")
                      + ", not ddd:hh24:mi-ddd:hh24:mi of 60 minutes or more",
                  "set maintenanceWindow like sun:06:00-sun:07:00")
              .require(
                  snapshotText.isEmpty()
                      || snapshotText.get().matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}"),
                  "snapshot-window",
                  "has snapshot window " + snapshotText.orElse("") + ", not hh24:mi-hh24:mi",
                  "set snapshotWindow like 05:00-06:00")
              .list();
        });
  }
}
