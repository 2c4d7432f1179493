package dev.plinth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;

/** Facts about recorded resources that the policy, the cost estimate and plan --all share. */
public final class Resources {
  private Resources() {}

  /**
   * Nodes of an ElastiCache replication group: {@code numCacheClusters}, or (cluster mode) shards
   * times (replicas + 1).
   */
  public static int cacheNodes(RecordedResource group) {
    return group
        .input("numCacheClusters")
        .map(JsonNode::asInt)
        .orElseGet(
            () ->
                group.input("numNodeGroups").map(JsonNode::asInt).orElse(1)
                    * (group.input("replicasPerNodeGroup").map(JsonNode::asInt).orElse(0) + 1));
  }
}
