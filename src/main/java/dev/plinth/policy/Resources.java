package dev.plinth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.util.List;

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

  /**
   * The office-hours schedules in the graph that stop {@code r}: for a node group, EventBridge
   * Scheduler schedules calling EKS UpdateNodegroupConfig with DesiredSize 0 on its cluster; for an
   * RDS instance, schedules calling StopDBInstance on its identifier (universal targets, whose
   * input is the request as JSON).
   */
  public static List<RecordedResource> stoppingSchedules(ResourceGraph graph, RecordedResource r) {
    return graph.ofType(Types.SCHEDULE).stream().filter(s -> stops(s, r)).toList();
  }

  static boolean stops(RecordedResource schedule, RecordedResource r) {
    String target = schedule.input("target.arn").map(JsonNode::asText).orElse("");
    JsonNode input = json(schedule.input("target.input").map(JsonNode::asText).orElse("{}"));
    if (r.type().equals(Types.NODE_GROUP)) {
      return target.endsWith(":eks:updateNodegroupConfig")
          && input.path("ScalingConfig").path("DesiredSize").asInt(-1) == 0
          && input.path("ClusterName").asText().equals(text(r, "clusterName"));
    }
    if (r.type().equals(Types.RDS)) {
      return target.endsWith(":rds:stopDBInstance")
          && input.path("DbInstanceIdentifier").asText().equals(text(r, "identifier"));
    }
    return false;
  }

  private static String text(RecordedResource r, String path) {
    return r.input(path).map(JsonNode::asText).orElse(null);
  }

  private static JsonNode json(String text) {
    try {
      return dev.plinth.Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return dev.plinth.Json.MAPPER.createObjectNode();
    }
  }
}
