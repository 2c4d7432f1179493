package dev.plinth.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 001's production tiers ({@code plinth:tier}): small (100-1,000 concurrent users), medium
 * (1,000-10,000) and large (10,000+), each the sizes of the database, the cache, the node group and
 * the application's autoscaler floor. The loader lays a tier over the environment's preset before
 * the stack file ({@link #overlay}), so a stack file still overrides only what differs.
 *
 * <p>In prod a tier is the whole size. In staging, seed 001's "reduced production mirror", it is
 * the tier's kinds and topology (database class, cache node type and shards, node instance type)
 * with staging's own counts, read replicas included (none by default: RDS cannot stop an instance
 * that has read replicas, and staging's office hours stop its database). Dev (seed 001: a single
 * server) takes no tier. Prod's default is {@link #MEDIUM}: the prod preset is the medium tier (a
 * test holds them equal); docs/settings.md, "plinth:tier", says why.
 *
 * <p>What each tier takes from seed 001, and where Plinth departs from it:
 *
 * <ul>
 *   <li>small: app servers 2 x (2 vCPU, 4 GB): two c6i.large nodes (2 vCPU, 4 GiB, not burstable);
 *       database 4 vCPU, 16 GB: db.m6g.xlarge; Redis 2 vCPU, 4 GB x 1: cache.m6g.large (2 vCPU, the
 *       smallest non-burstable node of at least 4 GB), one shard with one replica, since prod's
 *       cache needs automatic failover (policy EC-04; seed 004: failover under 30 s); no read
 *       replica.
 *   <li>medium: app servers 3 x t3.xlarge (4 vCPU, 16 GB): three m6i.xlarge (the same size, not
 *       burstable); db.r6g.xlarge; cache.r6g.large with 3 nodes: one shard with two replicas, one
 *       node per zone; one read replica (seed 000 asks replicas; seed 001's medium example lists
 *       none).
 *   <li>large: application 8 vCPU, 32 GB x 5-10: m6i.2xlarge, 5 to 10 nodes; database primary 16
 *       vCPU, 64 GB: db.m6g.4xlarge; replicas 2-3: two (Plinth's replicas take the primary's class,
 *       not seed 001's 8 vCPU, 32 GB: a smaller replica can fall behind the primary's writes);
 *       Redis 4 vCPU, 16 GB x 6, 3 masters + 3 replicas: three shards of one replica on
 *       cache.r6g.xlarge (4 vCPU, 26 GiB; cache.m6g.xlarge has under 16 GB); in prod, the
 *       OpenSearch domain ({@code plinth:search}, seed 001's Elasticsearch cluster of 3 nodes).
 * </ul>
 *
 * The application's autoscaler floor is seed 001's app server count (2, 3, 5; seed 001's large
 * Deployment runs 5 replicas); its ceiling stays the preset's 20 (seed 004). Seed 001's medium
 * "allocated_storage 500" is left to storage autoscaling (100 GB growing to 1,000): RDS cannot
 * shrink allocated storage, so a tier that set it would make a later move to a smaller tier fail.
 */
public enum Tier implements Keyed {
  SMALL(100, 1_000, new Sizing("db.m6g.xlarge", 0, "cache.m6g.large", 1, 1, "c6i.large", 2, 10, 2)),
  MEDIUM(
      1_001,
      10_000,
      new Sizing("db.r6g.xlarge", 1, "cache.r6g.large", 1, 2, "m6i.xlarge", 3, 10, 3)),
  LARGE(
      10_001,
      Integer.MAX_VALUE,
      new Sizing("db.m6g.4xlarge", 2, "cache.r6g.xlarge", 3, 1, "m6i.2xlarge", 5, 10, 5));

  /** Prod's tier when the stack file names none and gives no load. */
  public static final Tier PROD_DEFAULT = MEDIUM;

  /**
   * What a tier sizes.
   *
   * @param dbInstanceClass {@code plinth:database.instanceClass}
   * @param readReplicas {@code plinth:database.readReplicas}
   * @param cacheNodeType {@code plinth:cache.nodeType}
   * @param shards {@code plinth:cache.shards}
   * @param replicasPerShard {@code plinth:cache.replicasPerShard}
   * @param nodeInstanceType {@code plinth:cluster.nodes.instanceTypes} (one type)
   * @param nodes {@code plinth:cluster.nodes.minSize} and {@code desiredSize}
   * @param maxNodes {@code plinth:cluster.nodes.maxSize}
   * @param appMinReplicas {@code plinth:workloads.minReplicas}
   */
  public record Sizing(
      String dbInstanceClass,
      int readReplicas,
      String cacheNodeType,
      int shards,
      int replicasPerShard,
      String nodeInstanceType,
      int nodes,
      int maxNodes,
      int appMinReplicas) {}

  private final int fromUsers;
  private final int toUsers;
  private final Sizing sizing;

  Tier(int fromUsers, int toUsers, Sizing sizing) {
    this.fromUsers = fromUsers;
    this.toUsers = toUsers;
    this.sizing = sizing;
  }

  @Override
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Sizing sizing() {
    return sizing;
  }

  /**
   * The concurrent users the tier is for, as seed 001 names it (the first tier reaches down to 1).
   */
  public String users() {
    return this == LARGE
        ? String.format(Locale.ROOT, "%,d+", fromUsers - 1)
        : String.format(Locale.ROOT, "%,d-%,d", this == SMALL ? fromUsers : fromUsers - 1, toUsers);
  }

  /**
   * The tier a load needs: small up to 1,000 concurrent users, medium up to 10,000, large above
   * (seed 001's ranges, a shared bound going to the smaller tier).
   */
  public static Tier forUsers(int concurrentUsers) {
    if (concurrentUsers <= SMALL.toUsers) {
      return SMALL;
    }
    return concurrentUsers <= MEDIUM.toUsers ? MEDIUM : LARGE;
  }

  /** Tiers in order, for tables. */
  public static List<Tier> all() {
    return List.of(values());
  }

  /**
   * The stack's tier: the one the stack file names; else the one its load needs; else the
   * environment's default (prod: {@link #PROD_DEFAULT}; staging and dev: none). When both a tier
   * and a load are written and disagree, the named tier stands and {@link Resolution#problem} says
   * why the configuration is refused.
   */
  public static Resolution resolve(Tier written, int concurrentUsers, Tier environmentDefault) {
    if (written != null) {
      if (concurrentUsers > 0 && forUsers(concurrentUsers) != written) {
        Tier needed = forUsers(concurrentUsers);
        return new Resolution(
            written,
            Optional.of(
                new ConfigProblem(
                    ConfigLoader.PREFIX + "tier",
                    String.format(
                        Locale.ROOT,
                        "%stier is %s (%s concurrent users), but"
                            + " %scapacity.concurrentUsers %,d is the %s tier's load (%s, seed"
                            + " 001): set one of them, or make them agree",
                        ConfigLoader.PREFIX,
                        written.key(),
                        written.users(),
                        ConfigLoader.PREFIX,
                        concurrentUsers,
                        needed.key(),
                        needed.users()))));
      }
      return new Resolution(written, Optional.empty());
    }
    if (concurrentUsers > 0) {
      return new Resolution(forUsers(concurrentUsers), Optional.empty());
    }
    return new Resolution(environmentDefault, Optional.empty());
  }

  /** A resolved tier (null: none), and the problem when the stack file contradicts itself. */
  public record Resolution(Tier tier, Optional<ConfigProblem> problem) {}

  /**
   * The preset with the tier laid over it, and with the load's derived application replicas (prod
   * only: staging keeps its own counts); a null tier leaves the preset as it is. Dev is left as it
   * is too: {@link CapacityValidation} refuses a tier or a load there.
   */
  public static PlatformConfig overlay(
      PlatformConfig preset, Tier tier, CapacitySettings capacity) {
    PlatformConfig c = with(preset, tier, capacity);
    if (tier == null || preset.environment() == Environment.DEV) {
      return c;
    }
    boolean prod = preset.environment() == Environment.PROD;
    Sizing s = tier.sizing;
    DatabaseSettings db = c.database();
    db =
        new DatabaseSettings(
            db.engineVersion(),
            s.dbInstanceClass(),
            db.multiAz(),
            db.allocatedStorageGb(),
            db.maxAllocatedStorageGb(),
            db.backupRetentionDays(),
            db.backupWindow(),
            db.maintenanceWindow(),
            prod ? s.readReplicas() : db.readReplicas(),
            db.masterUsername(),
            db.masterPasswordRotationDays(),
            db.crossRegionBackupReplication(),
            db.proxy());
    CacheSettings cache = c.cache();
    cache =
        new CacheSettings(
            cache.engine(),
            cache.engineVersion(),
            s.cacheNodeType(),
            s.shards(),
            prod ? s.replicasPerShard() : cache.replicasPerShard(),
            cache.snapshotRetentionDays());
    ClusterSettings cl = c.cluster();
    ClusterSettings.NodeGroupSettings n = cl.nodes();
    n =
        new ClusterSettings.NodeGroupSettings(
            List.of(s.nodeInstanceType()),
            // every tier's node type is an x86_64 one (c6i, m6i: no Graviton "g" in the family), so
            // a staging stack that mirrors a tier leaves its Graviton preset for x86_64 nodes
            ClusterSettings.Architecture.X86_64,
            n.capacityType(),
            prod ? s.nodes() : n.minSize(),
            prod ? s.maxNodes() : n.maxSize(),
            prod ? s.nodes() : n.desiredSize(),
            n.diskGb(),
            n.labels(),
            n.taints());
    cl =
        new ClusterSettings(
            cl.version(),
            cl.endpointPublicAccess(),
            cl.publicAccessCidrs(),
            cl.privateAccessSecurityGroupIds(),
            cl.privateAccessCidrs(),
            cl.adminPrincipalArns(),
            n,
            cl.addonVersions(),
            cl.containerInsights(),
            cl.repositories(),
            cl.chartVersions(),
            cl.scaleDownUnneededTime());
    // seed 001's large tier has its search cluster (Elasticsearch, 3 nodes of 8 vCPU, 32 GB): the
    // large tier turns plinth:search on in prod; other tiers and staging leave it as it is
    SearchSettings search = prod && tier == LARGE ? c.search().withEnabled(true) : c.search();
    WorkloadSettings w = c.workloads();
    if (prod) {
      int min =
          Math.max(
              s.appMinReplicas(),
              capacity.given() ? Capacity.appReplicas(capacity.concurrentUsers()) : 0);
      w = Capacity.withReplicas(w, min, Math.max(w.maxReplicas(), min));
    }
    return c.sized(db, cache, cl, w, search, tier, capacity);
  }

  /** The configuration with its tier and load set, nothing else changed. */
  private static PlatformConfig with(PlatformConfig c, Tier tier, CapacitySettings capacity) {
    return c.sized(c.database(), c.cache(), c.cluster(), c.workloads(), c.search(), tier, capacity);
  }

  @Override
  public String toString() {
    return key();
  }
}
