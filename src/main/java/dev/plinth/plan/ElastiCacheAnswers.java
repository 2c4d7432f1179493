package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.Map;

/**
 * ElastiCache's answers: a replication group's configuration endpoint, a global datastore's full
 * id.
 */
final class ElastiCacheAnswers {
  private ElastiCacheAnswers() {}

  static void replicationGroup(String region, String id, Map<String, Object> state) {
    state.put(
        "configurationEndpointAddress",
        "clustercfg." + id + "." + hash(id).substring(0, 6) + ".use1.cache.amazonaws.com");
  }

  /**
   * A global datastore's id: ElastiCache puts a prefix of its region before the suffix given
   * (elasticache 2015-02-02 CreateGlobalReplicationGroup, GlobalReplicationGroupIdSuffix: "Each
   * Amazon Region has its own prefix"), five letters and a hyphen (terraform-provider-aws
   * global_replication_group.go, globalReplicationGroupRegionPrefixFormat {@code [[:alpha:]]{5}-}).
   * The mock's letters come from the region's name, not AWS's table of prefixes.
   */
  static void globalReplicationGroup(String region, String id, Map<String, Object> state) {
    state.put(
        "globalReplicationGroupId",
        regionPrefix(region) + "-" + state.get("globalReplicationGroupIdSuffix"));
  }

  /** Five lower-case letters derived from the region's name. */
  static String regionPrefix(String region) {
    String h = hash(region);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      letters.append((char) ('a' + Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) % 26));
    }
    return letters.toString();
  }
}
