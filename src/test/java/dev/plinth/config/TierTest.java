package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code plinth:tier}: each tier's preset against seed 001's tables, prod's default, staging's
 * reduced mirror, the overlay order (preset, tier, stack file) and how a tier and a load interact.
 */
class TierTest {

  /**
   * Seed 001's figures per tier, as the classes' documented sizes: app servers (vCPU, GiB per node,
   * count), database (vCPU, GiB), Redis nodes (count) and shards, read replicas.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // tier, node type, vCPU, GiB, nodes, db class, db vCPU, db GiB, redis nodes, shards, replicas
    "small,  c6i.large,   2, 4,  2, db.m6g.xlarge,  4,  16, 2, 1, 0",
    "medium, m6i.xlarge,  4, 16, 3, db.r6g.xlarge,  4,  32, 3, 1, 1",
    "large,  m6i.2xlarge, 8, 32, 5, db.m6g.4xlarge, 16, 64, 6, 3, 2",
  })
  void eachTierSizesProdAsSeed001sTable(
      String tier,
      String nodeType,
      int vcpu,
      int gib,
      int nodes,
      String dbClass,
      int dbVcpu,
      int dbGib,
      int redisNodes,
      int shards,
      int readReplicas) {
    PlatformConfig c = Plans.config("prod", Map.of("plinth:tier", tier));

    assertThat(c.tier().key()).isEqualTo(tier);
    assertThat(c.cluster().nodes().instanceTypes())
        .as("prod %s node type", tier)
        .containsExactly(nodeType);
    assertThat(c.cluster().nodes().desiredSize()).as("prod %s app servers", tier).isEqualTo(nodes);
    assertThat(c.cluster().nodes().minSize()).as("prod %s node floor", tier).isEqualTo(nodes);
    assertThat(c.database().instanceClass()).as("prod %s database", tier).isEqualTo(dbClass);
    assertThat(InstanceMemory.rdsGib(dbClass).getAsInt())
        .as("%s memory (seed 001: %d vCPU, %d GB)", dbClass, dbVcpu, dbGib)
        .isEqualTo(dbGib);
    assertThat(c.cache().shards() * (c.cache().replicasPerShard() + 1))
        .as("prod %s Redis nodes", tier)
        .isEqualTo(redisNodes);
    assertThat(c.cache().shards()).as("prod %s Redis shards", tier).isEqualTo(shards);
    assertThat(c.database().readReplicas())
        .as("prod %s read replicas", tier)
        .isEqualTo(readReplicas);
    assertThat(c.workloads().minReplicas())
        .as("prod %s autoscaler floor: seed 001's app servers", tier)
        .isEqualTo(nodes);
    assertThat(c.cache().replicasPerShard())
        .as("prod %s: every shard keeps a replica for automatic failover (EC-04)", tier)
        .isPositive();
  }

  @Test
  void largeHasThreeRedisShardsOfOneReplicaAndTwoToThreeDatabaseReplicas() {
    PlatformConfig c = Plans.config("prod", Map.of("plinth:tier", "large"));

    assertThat(c.cache().shards()).isEqualTo(3);
    assertThat(c.cache().replicasPerShard()).isEqualTo(1);
    assertThat(c.database().readReplicas()).isBetween(2, 3);
    assertThat(c.cluster().nodes().maxSize()).as("seed 001 large: 5-10 instances").isEqualTo(10);
  }

  @Test
  void onlyProdsLargeTierTurnsSearchOnAndTheStackFileCanTurnItOff() {
    assertThat(Plans.config("prod", Map.of("plinth:tier", "large")).search().enabled())
        .as("plinth:search.enabled of prod, tier large")
        .isTrue();
    for (String tier : List.of("small", "medium")) {
      assertThat(Plans.config("prod", Map.of("plinth:tier", tier)).search().enabled())
          .as("plinth:search.enabled of prod, tier %s", tier)
          .isFalse();
    }
    assertThat(Plans.config("staging", Map.of("plinth:tier", "large")).search().enabled())
        .as("plinth:search.enabled of staging mirroring the large tier")
        .isFalse();
    assertThat(
            Plans.config(
                    "prod",
                    Map.of("plinth:tier", "large", "plinth:search", Map.of("enabled", false)))
                .search()
                .enabled())
        .as("plinth:search.enabled false in a large prod stack file")
        .isFalse();
  }

  @Test
  void prodsPresetIsTheMediumTierSoTheDefaultOverlayChangesNothing() {
    PlatformConfig preset = PlatformConfig.preset("prod", Environment.PROD, "us-east-1");

    assertThat(preset.tier()).isEqualTo(Tier.MEDIUM);
    assertThat(Tier.overlay(preset, Tier.MEDIUM, CapacitySettings.NONE))
        .as("the prod preset with the medium tier laid over it")
        .isEqualTo(preset);
  }

  @Test
  void prodWithoutTierOrLoadIsMediumAndStagingAndDevHaveNone() {
    assertThat(Plans.config("prod").tier()).isEqualTo(Tier.MEDIUM);
    assertThat(Plans.config("staging").tier()).isNull();
    assertThat(Plans.config("dev").tier()).isNull();
  }

  @Test
  void theStackFileOverridesWhatTheTierSets() {
    PlatformConfig c =
        Plans.config(
            "prod",
            Map.of(
                "plinth:tier",
                "large",
                "plinth:database",
                Map.of("instanceClass", "db.r6g.2xlarge")));

    assertThat(c.database().instanceClass()).isEqualTo("db.r6g.2xlarge");
    assertThat(c.cache().nodeType())
        .as("what the stack file leaves to the tier")
        .isEqualTo("cache.r6g.xlarge");
  }

  @Test
  void stagingWithATierMirrorsItsKindsWithStagingsCounts() {
    PlatformConfig staging = Plans.config("staging");
    PlatformConfig mirror = Plans.config("staging", Map.of("plinth:tier", "large"));

    assertThat(mirror.database().instanceClass()).isEqualTo("db.m6g.4xlarge");
    assertThat(mirror.cache().nodeType()).isEqualTo("cache.r6g.xlarge");
    assertThat(mirror.cache().shards()).as("the tier's shard topology").isEqualTo(3);
    assertThat(mirror.cluster().nodes().instanceTypes()).containsExactly("m6i.2xlarge");
    assertThat(mirror.database().readReplicas())
        .as("staging's own replicas, so its office hours can stop the database")
        .isEqualTo(staging.database().readReplicas());
    assertThat(mirror.cache().replicasPerShard()).isEqualTo(staging.cache().replicasPerShard());
    assertThat(mirror.cluster().nodes().desiredSize())
        .isEqualTo(staging.cluster().nodes().desiredSize());
    assertThat(mirror.workloads().minReplicas()).isEqualTo(staging.workloads().minReplicas());
  }

  @ParameterizedTest(name = "{0} users: {1}")
  @CsvSource({
    "1, small",
    "100, small",
    "1000, small",
    "1001, medium",
    "10000, medium",
    "10001, large"
  })
  void theLoadPicksSeed001sTier(int users, String tier) {
    assertThat(Tier.forUsers(users).key()).isEqualTo(tier);
    assertThat(Tier.resolve(null, users, Tier.MEDIUM).tier().key())
        .as("the tier with a load of %d and no tier written", users)
        .isEqualTo(tier);
  }

  @ParameterizedTest(name = "{0} users: {1}")
  @CsvSource({"500, small", "2000, medium"})
  void prodsTierFollowsItsLoadWhenNoTierIsWritten(int users, String tier) {
    assertThat(
            Plans.config("prod", Map.of("plinth:capacity", Map.of("concurrentUsers", users)))
                .tier()
                .key())
        .as("prod's tier with a load of %d", users)
        .isEqualTo(tier);
  }

  @Test
  void aTierThatAgreesWithTheLoadIsAccepted() {
    PlatformConfig c =
        Plans.config(
            "prod",
            Map.of("plinth:tier", "small", "plinth:capacity", Map.of("concurrentUsers", 800)));

    assertThat(c.tier()).isEqualTo(Tier.SMALL);
  }

  @Test
  void aTierThatDisagreesWithTheLoadIsRefusedNamingBoth() {
    assertThat(
            Plans.refusal(
                "prod",
                Map.of("plinth:tier", "large", "plinth:capacity", Map.of("concurrentUsers", 500))))
        .contains(
            "plinth:tier is large (10,000+ concurrent users), but"
                + " plinth:capacity.concurrentUsers 500 is the small tier's load"
                + " (100-1,000, seed 001): set one of them, or make them agree");
  }

  @Test
  void devTakesNoTierAndNoLoad() {
    assertThatThrownBy(
            () ->
                Plans.config(
                    "dev",
                    Map.of(
                        "plinth:tier", "small", "plinth:capacity", Map.of("concurrentUsers", 50))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::key)
                    .containsExactly("plinth:capacity.concurrentUsers", "plinth:tier"));
  }

  @Test
  void anUnknownTierIsRefusedWithTheTiers() {
    assertThat(Plans.refusal("prod", Map.of("plinth:tier", "huge")))
        .containsExactly("plinth:tier must be one of small, medium, large (got huge)");
  }
}
