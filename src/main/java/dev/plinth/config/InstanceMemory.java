package dev.plinth.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How much memory an RDS DB instance class and an ElastiCache node type have, from AWS's own
 * documented tables, and what follows from it: RDS for PostgreSQL's default {@code max_connections}
 * and the data a Redis (or Valkey) node holds. {@code plinth:capacity} checks the chosen classes
 * against the load with them ({@link CapacityValidation}), and the connections alarm's threshold
 * uses the same {@code max_connections}.
 *
 * <p>Sources (read 2026-12-02 through the search tool's stored copies):
 *
 * <ul>
 *   <li>RDS instance memory: RDS User Guide, "DB instance classes", "Hardware specifications for DB
 *       instance classes", column Memory (GiB) (awsdocs/amazon-rds-user-guide,
 *       doc_source/Concepts.DBInstanceClass.md, commit 0219b24f).
 *   <li>{@code max_connections}: default {@code LEAST({DBInstanceClassMemory/9531392},5000)} (AWS
 *       Prescriptive Guidance, "Tuning PostgreSQL parameters in Amazon RDS and Aurora",
 *       max_connections, "Default value"). {@code DBInstanceClassMemory} is in bytes and "always
 *       somewhat lower than the memory figures shown in the instance class tables", since RDS
 *       subtracts what the operating system and its own processes keep (RDS User Guide, "Specifying
 *       DB parameters", DB parameter formula variables; "Quotas and constraints", Maximum number of
 *       database connections). The figure here, from the nominal memory, is therefore an upper
 *       bound: a class whose bound is below what the load needs is certainly too small.
 *   <li>ElastiCache: {@code maxmemory} per node type, in bytes, "the maximum number of bytes
 *       available for data storage on the node" (ElastiCache User Guide, "Engine specific
 *       parameters", Redis OSS and Valkey node-type specific parameters,
 *       docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html), less {@code
 *       reserved-memory-percent}, default 25, "the percent of a node's memory reserved for nondata
 *       use" (same page). Plinth's parameter group leaves that default.
 * </ul>
 */
public final class InstanceMemory {
  private InstanceMemory() {}

  /** RDS for PostgreSQL's default {@code max_connections} divisor (bytes per connection). */
  public static final long BYTES_PER_CONNECTION = 9_531_392L;

  /** RDS for PostgreSQL's default {@code max_connections} ceiling. */
  public static final int MAX_CONNECTIONS_CEILING = 5000;

  /** ElastiCache's default {@code reserved-memory-percent}. */
  public static final int RESERVED_MEMORY_PERCENT = 25;

  private static final long GIB = 1024L * 1024 * 1024;

  /** Memory in GiB by DB instance class (RDS User Guide hardware specifications). */
  static final Map<String, Integer> RDS_GIB = rds();

  /** {@code maxmemory} in bytes by node type (ElastiCache User Guide, node-type parameters). */
  static final Map<String, Long> CACHE_MAXMEMORY = cache();

  private static Map<String, Integer> rds() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String f : new String[] {"db.t3", "db.t4g"}) {
      m.put(f + ".micro", 1);
      m.put(f + ".small", 2);
      m.put(f + ".medium", 4);
      m.put(f + ".large", 8);
      m.put(f + ".xlarge", 16);
      m.put(f + ".2xlarge", 32);
    }
    // General purpose: large 8 GiB, and each size up to 16xlarge as many times more as it has
    // vCPUs (db.m5, db.m6g, db.m6i rows); memory optimized twice that (db.r5, db.r6g, db.r6i).
    for (String f : new String[] {"db.m5", "db.m6g", "db.m6i"}) {
      sizes(m, f, 8);
    }
    for (String f : new String[] {"db.r5", "db.r6g", "db.r6i"}) {
      sizes(m, f, 16);
    }
    m.put("db.m5.24xlarge", 384);
    m.put("db.m6i.24xlarge", 384);
    m.put("db.m6i.32xlarge", 512);
    m.put("db.r5.24xlarge", 768);
    m.put("db.r6i.24xlarge", 768);
    m.put("db.r6i.32xlarge", 1024);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * large, xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge, 16xlarge: 1, 2, 4, 8, 16, 24, 32 x large.
   */
  private static void sizes(Map<String, Integer> m, String family, int large) {
    String[] names = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"};
    int[] times = {1, 2, 4, 8, 16, 24, 32};
    for (int i = 0; i < names.length; i++) {
      m.put(family + "." + names[i], large * times[i]);
    }
  }

  private static Map<String, Long> cache() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String f : new String[] {"cache.t3", "cache.t4g"}) {
      m.put(f + ".micro", 536_870_912L);
      m.put(f + ".small", 1_471_026_299L);
      m.put(f + ".medium", 3_317_862_236L);
    }
    for (String f : new String[] {"cache.m5", "cache.m6g", "cache.m7g"}) {
      m.put(f + ".large", 6_854_542_746L);
      m.put(f + ".xlarge", 13_891_921_715L);
      m.put(f + ".2xlarge", 27_966_669_210L);
      m.put(f + ".4xlarge", 56_116_178_125L);
      m.put(f + ".12xlarge", 168_715_971_994L);
    }
    m.put("cache.m6g.8xlarge", 111_325_552_312L);
    m.put("cache.m7g.8xlarge", 111_325_552_312L);
    m.put("cache.m6g.16xlarge", 225_000_375_228L);
    m.put("cache.m7g.16xlarge", 225_000_375_228L);
    m.put("cache.m5.24xlarge", 337_500_562_842L);
    for (String f : new String[] {"cache.r5", "cache.r6g", "cache.r7g"}) {
      m.put(f + ".large", 14_037_181_030L);
      m.put(f + ".xlarge", 28_261_849_702L);
      m.put(f + ".2xlarge", 56_711_183_565L);
      m.put(f + ".4xlarge", 113_609_865_216L);
      m.put(f + ".12xlarge", 341_206_346_547L);
    }
    m.put("cache.r6g.8xlarge", 225_000_375_228L);
    m.put("cache.r7g.8xlarge", 225_000_375_228L);
    m.put("cache.r6g.16xlarge", 450_000_750_456L);
    m.put("cache.r7g.16xlarge", 450_000_750_456L);
    m.put("cache.r5.24xlarge", 682_485_973_811L);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The class's memory in GiB, if the table has it. */
  public static OptionalInt rdsGib(String instanceClass) {
    Integer gib = RDS_GIB.get(instanceClass);
    return gib == null ? OptionalInt.empty() : OptionalInt.of(gib);
  }

  /**
   * RDS for PostgreSQL's default {@code max_connections} for the class: {@code
   * LEAST(memory/9531392, 5000)}, the division truncated as RDS's formulas do; from the nominal
   * memory, so an upper bound (see the class comment). Empty for a class not in the table.
   */
  public static OptionalInt maxConnections(String instanceClass) {
    OptionalInt gib = rdsGib(instanceClass);
    if (gib.isEmpty()) {
      return OptionalInt.empty();
    }
    long byMemory = gib.getAsInt() * GIB / BYTES_PER_CONNECTION;
    return OptionalInt.of((int) Math.min(MAX_CONNECTIONS_CEILING, byMemory));
  }

  /** The node type's {@code maxmemory} in bytes, if the table has it. */
  public static OptionalLong cacheMaxMemory(String nodeType) {
    Long bytes = CACHE_MAXMEMORY.get(nodeType);
    return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
  }

  /**
   * What one node holds for data: {@code maxmemory} less the default 25% reserved for nondata use.
   */
  public static OptionalLong cacheDataBytes(String nodeType) {
    OptionalLong max = cacheMaxMemory(nodeType);
    return max.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(max.getAsLong() / 100 * (100 - RESERVED_MEMORY_PERCENT));
  }

  /** The node types the table knows, for messages. */
  public static java.util.Set<String> cacheNodeTypes() {
    return CACHE_MAXMEMORY.keySet();
  }

  /** The DB instance classes the table knows, for messages. */
  public static java.util.Set<String> rdsClasses() {
    return RDS_GIB.keySet();
  }
}
