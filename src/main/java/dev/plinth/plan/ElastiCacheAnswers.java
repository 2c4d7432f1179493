package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.Map;

/** ElastiCache's answer: a replication group's configuration endpoint. */
final class ElastiCacheAnswers {
  private ElastiCacheAnswers() {}

  static void replicationGroup(String region, String id, Map<String, Object> state) {
    state.put(
        "configurationEndpointAddress",
        "clustercfg." + id + "." + hash(id).substring(0, 6) + ".use1.cache.amazonaws.com");
  }
}
