package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 001's "User Growth Scaling Formula" ({@code plinth:capacity.concurrentUsers}): what a load
 * of concurrent users needs, and the figures the plan shows with their formulas. Pure functions;
 * {@link CapacityValidation} checks the chosen classes against them and {@link Tier#overlay} sets
 * the application's replicas from them.
 */
public final class Capacity {
  private Capacity() {}

  /** Seed 001: App Servers = ceil(concurrent_users / 500). */
  public static final int USERS_PER_REPLICA = 500;

  /** Seed 001: Database Connections = concurrent_users * 1.5 (in tenths: 15). */
  static final int CONNECTIONS_PER_TEN_USERS = 15;

  /** Seed 001: Redis Memory = concurrent_users * 0.1 MB (in KB per user: 100, MB = 1000 KB). */
  static final int REDIS_KB_PER_USER = 100;

  private static final long MB = 1_000_000L;

  /** ceil(users / 500). */
  public static int appReplicas(int users) {
    return (int) ((users + (long) USERS_PER_REPLICA - 1) / USERS_PER_REPLICA);
  }

  /** users x 1.5, rounded up to a whole connection. */
  public static long dbConnections(int users) {
    return (users * (long) CONNECTIONS_PER_TEN_USERS + 9) / 10;
  }

  /** users x 0.1 MB, in bytes (MB as 10^6 bytes, as seed 001 writes it). */
  public static long redisBytes(int users) {
    return users * (long) REDIS_KB_PER_USER * 1000;
  }

  /**
   * One derived figure: what it is, seed 001's formula with the load put in, the figure, and what
   * the configuration gives against it (empty where nothing is compared).
   */
  public record Derived(String name, String formula, String value, String against) {}

  /** The figures a load derives, against a configuration's classes. */
  public static List<Derived> derive(int users, PlatformConfig c) {
    List<Derived> out = new ArrayList<>();
    int replicas = appReplicas(users);
    out.add(
        new Derived(
            "application replicas",
            String.format(Locale.ROOT, "ceil(%,d / %d)", users, USERS_PER_REPLICA),
            String.valueOf(replicas),
            String.format(
                Locale.ROOT,
                "autoscaler %d-%d (plinth:workloads.minReplicas/maxReplicas)",
                c.workloads().minReplicas(),
                c.workloads().maxReplicas())));
    String dbClass = c.database().instanceClass();
    out.add(
        new Derived(
            "database connections",
            String.format(Locale.ROOT, "%,d x 1.5", users),
            String.format(Locale.ROOT, "%,d", dbConnections(users)),
            InstanceMemory.maxConnections(dbClass).isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%s max_connections %,d (LEAST(%d GiB / 9531392 B, 5000), an upper bound)",
                    dbClass,
                    InstanceMemory.maxConnections(dbClass).getAsInt(),
                    InstanceMemory.rdsGib(dbClass).getAsInt())
                : dbClass + ": memory not in Plinth's table"));
    String node = c.cache().nodeType();
    out.add(
        new Derived(
            "Redis memory",
            String.format(Locale.ROOT, "%,d x 0.1 MB", users),
            mb(redisBytes(users)),
            InstanceMemory.cacheDataBytes(node).isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%d shard(s) x %s data memory %s (maxmemory less 25%% reserved) = %s",
                    c.cache().shards(),
                    node,
                    mb(InstanceMemory.cacheDataBytes(node).getAsLong()),
                    mb(cacheDataBytes(c.cache())))
                : node + ": memory not in Plinth's table"));
    return out;
  }

  /** What the cache holds for data: shards x each node's data memory (replicas hold copies). */
  public static long cacheDataBytes(CacheSettings cache) {
    return cache.shards() * InstanceMemory.cacheDataBytes(cache.nodeType()).orElse(0);
  }

  /** Bytes as MB (10^6), with separators: {@code 1,000.0 MB}. */
  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MB", bytes / (double) MB);
  }

  /** The workload settings with other autoscaler bounds. */
  static WorkloadSettings withReplicas(WorkloadSettings w, int min, int max) {
    return new WorkloadSettings(
        w.enabled(),
        w.namespace(),
        w.name(),
        w.repository(),
        w.imageTag(),
        w.containerPort(),
        w.runAsUser(),
        min,
        max,
        w.resources(),
        w.quota(),
        w.liveness(),
        w.readiness(),
        w.autoscaling(),
        w.maxUnavailable());
  }
}
