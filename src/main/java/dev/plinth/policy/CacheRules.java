package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Rule.STAGING_AND_PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.plan.RecordedResource;
import java.util.List;

/** ElastiCache for Redis: the replication group. */
final class CacheRules {
  private CacheRules() {}

  /**
   * A global datastore's secondary ({@code globalReplicationGroupId} set): it takes its engine,
   * version, node type and encryption at rest and in transit from the global datastore's primary,
   * and may not set them (terraform-provider-aws replication_group.go, global_replication_group_id
   * ConflictsWith engine, engine_version, node_type, at_rest_encryption_enabled,
   * transit_encryption_enabled). The primary's own plan judges them; its KMS key, which it still
   * names, is judged here.
   */
  static boolean secondary(RecordedResource c) {
    return In.text(c, "globalReplicationGroupId").isPresent();
  }

  static List<Rule> all() {
    return List.of(
        atRest(),
        inTransit(),
        auth(),
        failover(),
        snapshots(),
        minorUpgrades(),
        subnetGroupAndPort(),
        redisVersion(),
        nodes());
  }

  static Rule atRest() {
    return Rule.of(
        "EC-01",
        "at-rest encryption with a KMS key",
        MANDATORY,
        ALL,
        "AS-AEC3, CKV_AWS_29, CKV_AWS_191, AVD-0045, SH ElastiCache.4",
        List.of(Types.CACHE),
        (c, ctx) ->
            Problems.of(c)
                .require(
                    (In.isTrue(c, "atRestEncryptionEnabled") || secondary(c))
                        && In.text(c, "kmsKeyId").isPresent(),
                    "encryption",
                    "data at rest is not encrypted with a customer-managed key",
                    "set atRestEncryptionEnabled true and kmsKeyId")
                .list());
  }

  static Rule inTransit() {
    return Rule.of(
        "EC-02",
        "in-transit encryption",
        MANDATORY,
        ALL,
        "AS-AEC3, CKV_AWS_30, AVD-0051, SH ElastiCache.5",
        List.of(Types.CACHE),
        (c, ctx) ->
            Problems.of(c)
                .require(
                    In.isTrue(c, "transitEncryptionEnabled") || secondary(c),
                    "tls",
                    "traffic is not encrypted in transit",
                    "set transitEncryptionEnabled true")
                .list());
  }

  static Rule auth() {
    return Rule.of(
        "EC-03",
        "AUTH token or user groups",
        MANDATORY,
        ALL,
        "AS-AEC6, CKV_AWS_31, SH ElastiCache.6",
        List.of(Types.CACHE),
        (c, ctx) ->
            Problems.of(c)
                .require(
                    In.present(c, "authToken") || !In.list(c, "userGroupIds").isEmpty(),
                    "auth",
                    "clients need no credentials",
                    "set an authToken (from Secrets Manager) or userGroupIds")
                .list());
  }

  static Rule failover() {
    return Rule.of(
        "EC-04",
        "automatic failover and Multi-AZ",
        MANDATORY,
        PROD,
        "AS-AEC4, CKV2_AWS_50, SH ElastiCache.3",
        List.of(Types.CACHE),
        (c, ctx) ->
            Problems.of(c)
                .require(
                    In.isTrue(c, "automaticFailoverEnabled") && In.isTrue(c, "multiAzEnabled"),
                    "failover",
                    "has no automatic failover across zones in prod",
                    "set automaticFailoverEnabled and multiAzEnabled true, with a replica per shard")
                .list());
  }

  static Rule snapshots() {
    return Rule.of(
        "EC-05",
        "snapshot retention >= 1 (cdk-nag asks 15)",
        MANDATORY,
        STAGING_AND_PROD,
        "N5-ElastiCacheRedisClusterAutomaticBackup, AVD-0050, SH ElastiCache.1",
        List.of(Types.CACHE),
        (c, ctx) -> {
          int days = In.integer(c, "snapshotRetentionLimit").orElse(0);
          return Problems.of(c)
              .require(
                  days >= 1,
                  "snapshots",
                  "keeps " + days + " daily snapshots",
                  "set snapshotRetentionLimit 1 or more")
              .list();
        });
  }

  static Rule minorUpgrades() {
    return Rule.of(
        "EC-06",
        "automatic minor version upgrade",
        MANDATORY,
        ALL,
        "CKV_AWS_322, SH ElastiCache.2",
        List.of(Types.CACHE),
        (c, ctx) ->
            Problems.of(c)
                .require(
                    In.bool(c, "autoMinorVersionUpgrade", true),
                    "upgrade",
                    "automatic minor version upgrades are off",
                    "set autoMinorVersionUpgrade true")
                .list());
  }

  /** Aspects {@code subnet-group} and {@code port}; the port is excepted (seed 004 fixes 6379). */
  static Rule subnetGroupAndPort() {
    return Rule.of(
        "EC-07",
        "own subnet group, non-default port",
        MANDATORY,
        ALL,
        "AS-AEC1, AS-AEC5, CKV_AWS_323, SH ElastiCache.7",
        List.of(Types.CACHE),
        (c, ctx) -> {
          String group = In.text(c, "subnetGroupName").orElse("default");
          return Problems.of(c)
              .require(
                  !group.equals("default"),
                  "subnet-group",
                  "uses the default subnet group",
                  "set subnetGroupName to the network's cache subnet group")
              .require(
                  In.integer(c, "port").orElse(6379) != 6379,
                  "port",
                  "listens on the default port 6379",
                  "set another port")
              .list();
        });
  }

  static Rule redisVersion() {
    return Rule.of(
        "PL-13",
        "Redis 7 or later (seed 000)",
        ADVISORY,
        ALL,
        "seed 000 (Redis 7)",
        List.of(Types.CACHE),
        (c, ctx) -> {
          if (secondary(c)) {
            return List.of();
          }
          String version = In.text(c, "engineVersion").orElse("unset");
          return Problems.of(c)
              .require(
                  DatabaseRules.major(version) >= 7,
                  "version",
                  "engine version is " + version,
                  "set engineVersion 7.1 or later")
              .list();
        });
  }

  static Rule nodes() {
    return Rule.of(
        "PL-14",
        "at least 3 cache nodes in prod (seeds 000, 001)",
        ADVISORY,
        PROD,
        "seed 000 (Redis cluster of 3 nodes), seed 001",
        List.of(Types.CACHE),
        (c, ctx) -> {
          int nodes = Resources.cacheNodes(c);
          return Problems.of(c)
              .require(
                  nodes >= 3,
                  "nodes",
                  "has " + nodes + " node(s)",
                  "run 3 or more nodes (numCacheClusters, or shards x (replicas + 1))")
              .list();
        });
  }
}
