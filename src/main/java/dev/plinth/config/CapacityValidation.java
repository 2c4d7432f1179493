package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure checks of {@code plinth:tier} and {@code plinth:capacity}: no tier or load in dev (seed 001:
 * a single server), a load of at least one user, and, with a load, the chosen classes against seed
 * 001's formulas ({@link Capacity}): the database class's default {@code max_connections} must
 * reach the derived connections, the cache's data memory the derived Redis memory, and the
 * autoscaler's ceiling the derived application replicas. A class or node type whose memory Plinth's
 * table ({@link InstanceMemory}) does not hold cannot be checked, and is refused with a load.
 */
public final class CapacityValidation {
  private CapacityValidation() {}

  static final String TIER = ConfigLoader.PREFIX + "tier";
  static final String USERS = ConfigLoader.PREFIX + "capacity.concurrentUsers";

  public static List<ConfigProblem> validate(PlatformConfig c) {
    List<ConfigProblem> problems = new ArrayList<>();
    int users = c.capacity().concurrentUsers();
    if (users < 0) {
      problems.add(
          ConfigProblem.of(
              USERS, "must be 1 or more (leave it out when the load is unknown)", users));
      return problems;
    }
    if (c.environment() == Environment.DEV) {
      if (c.tier() != null) {
        problems.add(
            ConfigProblem.of(
                TIER,
                "is for prod and staging only: dev is one small stack (seed 001: development is"
                    + " a single server); remove it",
                c.tier().key()));
      }
      if (users > 0) {
        problems.add(
            ConfigProblem.of(
                USERS, "is for prod and staging only (dev takes no tier); remove it", users));
      }
      return problems;
    }
    if (users == 0) {
      return problems;
    }
    connections(c, users, problems);
    memory(c, users, problems);
    int replicas = Capacity.appReplicas(users);
    if (c.workloads().maxReplicas() < replicas && c.environment() == Environment.PROD) {
      problems.add(
          new ConfigProblem(
              "plinth:workloads.maxReplicas",
              String.format(
                  Locale.ROOT,
                  "plinth:workloads.maxReplicas %d is below the %d application replicas that %s"
                      + " %,d needs (ceil(%,d / 500), seed 001): raise it to %d or more",
                  c.workloads().maxReplicas(),
                  replicas,
                  USERS,
                  users,
                  users,
                  replicas)));
    }
    return problems;
  }

  /**
   * The class's default max_connections against users x 1.5 (seed 001), where the application
   * connects to the database directly. Through RDS Proxy ({@code plinth:database.proxy.enabled})
   * those are the proxy's client connections, which it multiplexes onto a pool of at most {@code
   * maxConnectionsPercent} of max_connections (RDS User Guide, "RDS Proxy connection
   * considerations"), so the check does not apply; the proxy's client-connections alarm watches
   * them instead. A standby is judged by what it has after a failover ({@link #pooled}).
   */
  private static void connections(PlatformConfig c, int users, List<ConfigProblem> problems) {
    String dbClass = c.database().instanceClass();
    long needed = Capacity.dbConnections(users);
    var max = InstanceMemory.maxConnections(dbClass);
    String key = "plinth:database.instanceClass";
    if (max.isEmpty()) {
      problems.add(
          new ConfigProblem(
              key,
              key
                  + " "
                  + dbClass
                  + ": its memory is not in Plinth's table (config/InstanceMemory, from the RDS"
                  + " User Guide), so its max_connections cannot be checked against "
                  + USERS
                  + "; use a class of db.t3, db.t4g, db.m5, db.m6g, db.m6i, db.r5, db.r6g or"
                  + " db.r6i, or add the class's memory to the table"));
    } else if (max.getAsInt() < needed && !pooled(c)) {
      problems.add(
          new ConfigProblem(
              key,
              String.format(
                  Locale.ROOT,
                  "%s %s allows at most %,d connections (RDS for PostgreSQL's default"
                      + " max_connections, LEAST(%d GiB / 9531392, 5000)), below the %,d that %s"
                      + " %,d needs (%,d x 1.5, seed 001): %s",
                  key,
                  dbClass,
                  max.getAsInt(),
                  InstanceMemory.rdsGib(dbClass).getAsInt(),
                  needed,
                  USERS,
                  users,
                  users,
                  remedy(needed))));
    }
  }

  /**
   * Whether the application reaches the database through RDS Proxy after a failover: a standby
   * whose database is still a read replica has no proxy ({@code plinth:database.proxy.enabled} is
   * off and refused), but once promoted ({@code plinth:dr.promoted}) it takes its environment's
   * default, on in staging and prod ({@link ProxySettings#preset}); every other stack, its setting.
   * (Dev, whose default has no proxy, takes no load to check.)
   */
  static boolean pooled(PlatformConfig c) {
    return c.dr().replicaDatabase()
        ? ProxySettings.preset(c.environment()).enabled()
        : c.database().proxy().enabled();
  }

  /** What to do about too few connections: a larger class, or RDS Proxy. */
  private static String remedy(long needed) {
    return needed > InstanceMemory.MAX_CONNECTIONS_CEILING
        ? "no class allows more than 5,000 by default, so above 3,333 users the"
            + " application needs a connection pooler: set"
            + " plinth:database.proxy.enabled true (RDS Proxy)"
        : "choose a class with more memory, or set plinth:database.proxy.enabled"
            + " true (RDS Proxy pools the connections)";
  }

  private static void memory(PlatformConfig c, int users, List<ConfigProblem> problems) {
    String node = c.cache().nodeType();
    String key = "plinth:cache.nodeType";
    long needed = Capacity.redisBytes(users);
    if (InstanceMemory.cacheDataBytes(node).isEmpty()) {
      problems.add(
          new ConfigProblem(
              key,
              key
                  + " "
                  + node
                  + ": its memory is not in Plinth's table (config/InstanceMemory, from the"
                  + " ElastiCache User Guide), so it cannot be checked against "
                  + USERS
                  + "; use a node type of cache.t3, cache.t4g, cache.m5, cache.m6g, cache.m7g,"
                  + " cache.r5, cache.r6g or cache.r7g, or add its maxmemory to the table"));
      return;
    }
    long held = Capacity.cacheDataBytes(c.cache());
    if (held < needed) {
      problems.add(
          new ConfigProblem(
              key,
              String.format(
                  Locale.ROOT,
                  "%s %s holds %s of data in %d shard(s) (maxmemory less the 25%% ElastiCache"
                      + " reserves), below the %s that %s %,d needs (%,d x 0.1 MB, seed 001):"
                      + " choose a larger node type or more shards (plinth:cache.shards)",
                  key,
                  node,
                  Capacity.mb(held),
                  c.cache().shards(),
                  Capacity.mb(needed),
                  USERS,
                  users,
                  users)));
    }
  }
}
