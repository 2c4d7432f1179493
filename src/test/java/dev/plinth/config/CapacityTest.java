package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code plinth:capacity.concurrentUsers}: the derived application replicas, and the database class
 * and cache node type checked against seed 001's formulas with the documented memory.
 */
class CapacityTest {

  @Test
  void maxConnectionsFollowsRdsDefaultFormulaOnTheDocumentedMemory() {
    // RDS User Guide: db.r6g.xlarge 32 GiB, db.m6g.xlarge 16 GiB, db.t4g.medium 4 GiB;
    // LEAST(bytes / 9531392, 5000), truncated.
    assertThat(InstanceMemory.maxConnections("db.r6g.xlarge")).hasValue(3604);
    assertThat(InstanceMemory.maxConnections("db.m6g.xlarge")).hasValue(1802);
    assertThat(InstanceMemory.maxConnections("db.t4g.medium")).hasValue(450);
    assertThat(InstanceMemory.maxConnections("db.m6g.4xlarge"))
        .as("64 GiB gives 7,209, above RDS's ceiling of 5,000")
        .hasValue(5000);
    assertThat(InstanceMemory.maxConnections("db.x9.large")).isEmpty();
  }

  @Test
  void theMemoryTableHoldsTheRdsUserGuidesRows() {
    // Rows of "Hardware specifications for DB instance classes" (Memory GiB), read 2026-12-02.
    assertThat(InstanceMemory.rdsGib("db.m6g.large")).hasValue(8);
    assertThat(InstanceMemory.rdsGib("db.m6g.16xlarge")).hasValue(256);
    assertThat(InstanceMemory.rdsGib("db.r6g.large")).hasValue(16);
    assertThat(InstanceMemory.rdsGib("db.r6g.12xlarge")).hasValue(384);
    assertThat(InstanceMemory.rdsGib("db.r6i.32xlarge")).hasValue(1024);
    assertThat(InstanceMemory.rdsGib("db.t4g.micro")).hasValue(1);
    assertThat(InstanceMemory.rdsGib("db.t3.2xlarge")).hasValue(32);
    assertThat(InstanceMemory.rdsGib("db.m5.24xlarge")).hasValue(384);
  }

  @Test
  void cacheDataMemoryIsMaxmemoryLessTheReservedQuarter() {
    // ElastiCache User Guide: cache.r6g.large maxmemory 14037181030 bytes; reserved-memory-percent
    // 25 by default.
    assertThat(InstanceMemory.cacheMaxMemory("cache.r6g.large")).hasValue(14_037_181_030L);
    assertThat(InstanceMemory.cacheDataBytes("cache.r6g.large")).hasValue(10_527_885_750L);
    assertThat(InstanceMemory.cacheMaxMemory("cache.m6g.large")).hasValue(6_854_542_746L);
    assertThat(InstanceMemory.cacheMaxMemory("cache.t4g.small")).hasValue(1_471_026_299L);
  }

  @Test
  void aLoadSetsTheAutoscalerFloorToItsReplicasInProd() {
    PlatformConfig c =
        Plans.config("prod", Map.of("plinth:capacity", Map.of("concurrentUsers", 2_400)));

    assertThat(c.tier()).isEqualTo(Tier.MEDIUM);
    assertThat(c.workloads().minReplicas()).as("ceil(2400 / 500)").isEqualTo(5);
    assertThat(c.workloads().maxReplicas()).isEqualTo(20);
  }

  @Test
  void aSmallLoadKeepsTheTiersFloor() {
    PlatformConfig c =
        Plans.config("prod", Map.of("plinth:capacity", Map.of("concurrentUsers", 300)));

    assertThat(c.workloads().minReplicas())
        .as("ceil(300 / 500) = 1, the small tier's 2")
        .isEqualTo(2);
  }

  @Test
  void withoutAProxyADatabaseClassBelowTheDerivedConnectionsIsRefusedNamingBothNumbers() {
    assertThat(
            Plans.refusal(
                "prod",
                Map.of(
                    "plinth:capacity",
                    Map.of("concurrentUsers", 2_000),
                    "plinth:database",
                    Map.of("instanceClass", "db.m6g.large", "proxy", NO_PROXY))))
        .containsExactly(
            "plinth:database.instanceClass db.m6g.large allows at most 901"
                + " connections (RDS for PostgreSQL's default max_connections,"
                + " LEAST(8 GiB / 9531392, 5000)), below the 3,000 that"
                + " plinth:capacity.concurrentUsers 2,000 needs (2,000 x 1.5, seed"
                + " 001): choose a class with more memory, or set"
                + " plinth:database.proxy.enabled true (RDS Proxy pools the"
                + " connections)");
  }

  /** {@code plinth:database.proxy} turned off: the application connects to the database. */
  static final Map<String, Object> NO_PROXY = Map.of("enabled", false);

  @Test
  void throughTheProxyTheDerivedConnectionsAreClientConnectionsAndNotRefused() {
    PlatformConfig c =
        Plans.config(
            "prod",
            Map.of(
                "plinth:capacity",
                Map.of("concurrentUsers", 12_000),
                "plinth:database",
                Map.of("instanceClass", "db.m6g.4xlarge")));

    assertThat(c.database().proxy().enabled()).as("prod's proxy").isTrue();
    assertThat(Capacity.dbConnections(12_000))
        .as("client connections at the proxy, above any class's max_connections")
        .isGreaterThan(InstanceMemory.MAX_CONNECTIONS_CEILING);
  }

  @Test
  void aLoadAboveWhatAnyClassAllowsSaysAPoolerIsNeeded() {
    assertThatThrownBy(
            () ->
                Plans.config(
                    "prod",
                    Map.of(
                        "plinth:capacity",
                        Map.of("concurrentUsers", 12_000),
                        "plinth:database",
                        Map.of("proxy", NO_PROXY))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.key()).isEqualTo("plinth:database.instanceClass");
                          assertThat(p.message())
                              .contains("db.m6g.4xlarge allows at most 5,000")
                              .contains("below the 18,000")
                              .contains("connection pooler")
                              .contains("plinth:database.proxy.enabled true");
                        }));
  }

  @Test
  void aCacheTooSmallForTheDerivedMemoryIsRefusedNamingBothFigures() {
    assertThat(
            Plans.refusal(
                "prod",
                Map.of(
                    "plinth:capacity",
                    Map.of("concurrentUsers", 5_000),
                    "plinth:cache",
                    Map.of("nodeType", "cache.t4g.micro"))))
        .contains(
            "plinth:cache.nodeType cache.t4g.micro holds 402.7 MB of data in 1"
                + " shard(s) (maxmemory less the 25% ElastiCache reserves), below"
                + " the 500.0 MB that plinth:capacity.concurrentUsers 5,000 needs"
                + " (5,000 x 0.1 MB, seed 001): choose a larger node type or more"
                + " shards (plinth:cache.shards)");
  }

  @Test
  void moreShardsHoldMoreData() {
    CacheSettings one = Plans.config("prod").cache();
    CacheSettings three = Plans.config("prod", Map.of("plinth:cache", Map.of("shards", 3))).cache();

    assertThat(Capacity.cacheDataBytes(three)).isEqualTo(3 * Capacity.cacheDataBytes(one));
  }

  @Test
  void anAutoscalerCeilingBelowTheDerivedReplicasIsRefused() {
    assertThat(
            Plans.refusal(
                "prod",
                Map.of(
                    "plinth:capacity",
                    Map.of("concurrentUsers", 1_000),
                    "plinth:workloads",
                    Map.of("minReplicas", 1, "maxReplicas", 1))))
        .contains(
            "plinth:workloads.maxReplicas 1 is below the 2 application replicas that"
                + " plinth:capacity.concurrentUsers 1,000 needs (ceil(1,000 / 500),"
                + " seed 001): raise it to 2 or more");
  }

  @Test
  void aClassOutsideTheMemoryTableCannotBeCheckedAndIsRefusedWithALoad() {
    assertThat(
            Plans.refusal(
                "prod",
                Map.of(
                    "plinth:capacity",
                    Map.of("concurrentUsers", 500),
                    "plinth:database",
                    Map.of("instanceClass", "db.m7g.large"))))
        .singleElement()
        .asString()
        .startsWith(
            "plinth:database.instanceClass db.m7g.large: its memory is not in" + " Plinth's table");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"-1", "-500"})
  void aNegativeLoadIsRefused(int users) {
    assertThat(Plans.refusal("prod", Map.of("plinth:capacity", Map.of("concurrentUsers", users))))
        .contains(
            "plinth:capacity.concurrentUsers must be 1 or more (leave it out when the"
                + " load is unknown) (got "
                + users
                + ")");
  }

  @Test
  void derivedFiguresCarryTheirFormulas() {
    PlatformConfig c =
        Plans.config("prod", Map.of("plinth:capacity", Map.of("concurrentUsers", 900)));

    assertThat(Capacity.derive(900, c))
        .extracting(Capacity.Derived::name, Capacity.Derived::formula, Capacity.Derived::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("application replicas", "ceil(900 / 500)", "2"),
            org.assertj.core.groups.Tuple.tuple("database connections", "900 x 1.5", "1,350"),
            org.assertj.core.groups.Tuple.tuple("Redis memory", "900 x 0.1 MB", "90.0 MB"));
  }
}
