package dev.plinth.config;

/**
 * Redis on ElastiCache, cluster mode ({@code plinth:cache}).
 *
 * @param engine {@code redis} (seeds 000, 001, 002: Redis 7) or {@code valkey}
 * @param engineVersion 7.1
 * @param nodeType cache.t4g.micro in dev (the smallest Graviton node: seed 001's development server
 *     has no Redis of its own, and its sizing formula, 0.1 MB of Redis memory per concurrent user,
 *     asks far less than a micro node for a development team; seed 004's 1 GB development cache is
 *     the larger figure, kept in staging), cache.t4g.small in staging (seed 004 development: 1 GB
 *     class), cache.r6g.large in prod (seed 001 medium: cache.r6g.large; prod's preset is the
 *     medium tier, {@link Tier}). Redis OSS runs on T4g nodes from 5.0.6 (botocore elasticache
 *     2015-02-02, CacheNode)
 * @param shards node groups: 1 everywhere; prod's medium tier too (seed 001 medium: 3 nodes), the
 *     large tier 3 (seed 001 large: 3 masters)
 * @param replicasPerShard 0 in dev, 1 in staging, 2 in prod (seed 001 medium: 3 nodes, one per
 *     zone; seed 004: primary + 1-2 replicas, failover under 30 s)
 * @param snapshotRetentionDays daily snapshots kept: 1 in dev, 7 in staging and prod
 */
public record CacheSettings(
    CacheEngine engine,
    String engineVersion,
    String nodeType,
    int shards,
    int replicasPerShard,
    int snapshotRetentionDays) {

  /** The cache engine. */
  public enum CacheEngine implements Keyed {
    REDIS("redis"),
    VALKEY("valkey");

    private final String key;

    CacheEngine(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  public static CacheSettings preset(Environment env) {
    return switch (env) {
      case DEV -> new CacheSettings(CacheEngine.REDIS, "7.1", "cache.t4g.micro", 1, 0, 1);
      case STAGING -> new CacheSettings(CacheEngine.REDIS, "7.1", "cache.t4g.small", 1, 1, 7);
      case PROD -> new CacheSettings(CacheEngine.REDIS, "7.1", "cache.r6g.large", 1, 2, 7);
    };
  }
}
