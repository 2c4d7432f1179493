package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testing.GraphBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The node count of a replication group, as the cost estimate and the rules read it: {@code
 * NumCacheClusters} when set (cluster mode off), else {@code NumNodeGroups} shards of one primary
 * and {@code ReplicasPerNodeGroup} replicas each (elasticache 2015-02-02 CreateReplicationGroup,
 * NumCacheClusters, NumNodeGroups, ReplicasPerNodeGroup; the service defaults one shard and no
 * replica).
 */
class ResourcesTest {

  @ParameterizedTest(name = "{0} -> {1} nodes")
  @CsvSource(
      delimiter = '|',
      value = {
        "{numCacheClusters: 3} | 3",
        "{numCacheClusters: 2, numNodeGroups: 5, replicasPerNodeGroup: 5} | 2",
        "{numNodeGroups: 3, replicasPerNodeGroup: 2} | 9",
        "{numNodeGroups: 2} | 2",
        "{replicasPerNodeGroup: 2} | 3",
        "{} | 1"
      })
  void cacheNodesAreClustersOrShardsTimesReplicasPlusOne(String inputs, int nodes) {
    var group =
        new GraphBuilder("prod")
            .component("plinth:data:Cache", "prod-cache")
            .add(Types.CACHE, "prod-cache-redis", inputs)
            .build()
            .get(Types.CACHE, "prod-cache-redis");

    assertThat(Resources.cacheNodes(group)).as("nodes of %s", inputs).isEqualTo(nodes);
  }
}
