package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Disaster recovery across regions ({@code plinth:dr}): whether the stack is a primary or the
 * standby of one, how warm the standby is kept, and the recovery targets the plan reports against.
 * A standby is a second stack of the same environment in another region (prod's is {@code
 * prod-dr}); it reads its primary's outputs and creates nothing in the primary's region.
 *
 * @param role {@code primary} (default everywhere) or {@code standby}
 * @param primaryStack for a standby, the primary's stack name (its stack file {@code
 *     Pulumi.<name>.yaml} is beside this stack's); no default, refused on a primary
 * @param standbyStack for a primary, the name of its standby stack, so that the plan reports the
 *     pair's recovery figures and the policy pack knows a standby exists; no default, refused on a
 *     standby
 * @param mode for a standby: {@code pilotLight} (default: network, keys, the database replica and
 *     the cluster with no nodes and the application at zero replicas) or {@code warmStandby} (the
 *     application running at its minimum replicas); seed 002: "standby environment"
 * @param cache the cache after a failover: {@code cold} (default: an empty cache in the standby
 *     region, rebuilt from the database) or {@code globalDatastore} (an ElastiCache global
 *     datastore keeps a replica warm in the standby region). Both stacks of a pair say the same: on
 *     the primary, {@code globalDatastore} creates the global datastore with its cache as the
 *     primary member; on the standby, its cache joins it as the secondary (docs/dr.md)
 * @param promoted for a standby: its database replica has been promoted to a writer
 *     (docs/runbooks.md, "Fail over", step 2). False everywhere (refused true on a primary). A
 *     standby's database is a read replica, which RDS Proxy cannot front, so its preset has {@code
 *     plinth:database.proxy.enabled} off and true is refused; once promoted, the database is a
 *     writer and the proxy setting takes its environment's default again (on in prod), so that
 *     {@code pulumi up} builds the proxy in front of the promoted instance and points the
 *     application at it
 * @param rpoMinutes the data-loss target: 5 in prod (seeds 002 and 003: RPO 5 minutes), 0 (no
 *     target) elsewhere
 * @param apiRtoMinutes the target for the API to serve again after losing the region: 15 in prod
 *     (seed 003: API back in 15 minutes), 0 (no target) elsewhere
 * @param databaseRtoMinutes the target for the database to accept writes again: 60 in prod (seeds
 *     002 and 003: RTO 1 hour), 0 (no target) elsewhere
 */
public record DrSettings(
    Role role,
    String primaryStack,
    String standbyStack,
    Mode mode,
    CacheRecovery cache,
    boolean promoted,
    int rpoMinutes,
    int apiRtoMinutes,
    int databaseRtoMinutes) {

  /** What the stack is in a disaster-recovery pair. */
  public enum Role implements Keyed {
    PRIMARY("primary"),
    STANDBY("standby");

    private final String key;

    Role(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** How much of the standby runs before a failover. */
  public enum Mode implements Keyed {
    PILOT_LIGHT("pilotLight"),
    WARM_STANDBY("warmStandby");

    private final String key;

    Mode(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** What the standby's cache holds when it takes over. */
  public enum CacheRecovery implements Keyed {
    COLD("cold"),
    GLOBAL_DATASTORE("globalDatastore");

    private final String key;

    CacheRecovery(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** The documented defaults of each environment: a primary, with targets in prod only. */
  public static DrSettings preset(Environment env) {
    boolean prod = env == Environment.PROD;
    return new DrSettings(
        Role.PRIMARY,
        null,
        null,
        Mode.PILOT_LIGHT,
        CacheRecovery.COLD,
        false,
        prod ? 5 : 0,
        prod ? 15 : 0,
        prod ? 60 : 0);
  }

  public boolean standby() {
    return role == Role.STANDBY;
  }

  /** Whether the stack is one of a failover pair: a standby, or a primary that names one. */
  public boolean inPair() {
    return standby() || standbyStack() != null;
  }

  /**
   * Whether the stack's database is a read replica of another region's: a standby's, until a
   * failover promotes it ({@code plinth:dr.promoted}).
   */
  public boolean replicaDatabase() {
    return standby() && !promoted;
  }

  /** Whether the stack's cache is a member of an ElastiCache global datastore. */
  public boolean globalDatastore() {
    return cache == CacheRecovery.GLOBAL_DATASTORE;
  }

  /**
   * The checks of this section alone: a standby names its primary and no standby; a primary names
   * no primary, and a global datastore only with a standby; targets are whole minutes of 0 (none)
   * or more.
   */
  public static List<ConfigProblem> validate(DrSettings dr) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (dr.standby()) {
      if (dr.primaryStack() == null || dr.primaryStack().isBlank()) {
        problems.add(
            ConfigProblem.of(
                "plinth:dr.primaryStack",
                "is required when plinth:dr.role is standby: the primary's stack name",
                dr.primaryStack()));
      }
      if (dr.standbyStack() != null) {
        problems.add(
            ConfigProblem.of(
                "plinth:dr.standbyStack",
                "must not be set on a standby (plinth:dr.role: standby): a standby has no standby"
                    + " of its own",
                dr.standbyStack()));
      }
    } else if (dr.primaryStack() != null) {
      problems.add(
          ConfigProblem.of(
              "plinth:dr.primaryStack",
              "is only for a standby (plinth:dr.role: standby); this stack is a primary",
              dr.primaryStack()));
    }
    if (!dr.standby() && dr.promoted()) {
      problems.add(
          ConfigProblem.of(
              "plinth:dr.promoted",
              "is only for a standby (plinth:dr.role: standby) whose replica a failover has"
                  + " promoted; this stack is a primary (remove it)",
              true));
    }
    if (!dr.standby() && dr.globalDatastore() && dr.standbyStack() == null) {
      problems.add(
          ConfigProblem.of(
              "plinth:dr.cache",
              "can be globalDatastore on a primary only with a plinth:dr.standbyStack: the global"
                  + " datastore's secondary is the standby's cache (use cold)",
              dr.cache().key()));
    }
    minutes(problems, "plinth:dr.rpoMinutes", dr.rpoMinutes());
    minutes(problems, "plinth:dr.apiRtoMinutes", dr.apiRtoMinutes());
    minutes(problems, "plinth:dr.databaseRtoMinutes", dr.databaseRtoMinutes());
    return problems;
  }

  private static void minutes(List<ConfigProblem> problems, String key, int value) {
    if (value < 0 || value > 10_080) {
      problems.add(
          ConfigProblem.of(key, "must be between 0 (no target) and 10080 minutes (a week)", value));
    }
  }
}
