package dev.plinth.config;

/**
 * RDS Proxy in front of the PostgreSQL primary ({@code plinth:database.proxy}): a connection pool
 * the application reaches with IAM authentication over TLS, which logs in to the database with
 * Plinth's master secret. Seeds 002, 003 and 004 ask for connection pooling ("connection pooling
 * required", seed 004); seed 001's load formula (users x 1.5 connections) passes the default
 * max_connections of every class above 3,333 users, which a pool absorbs.
 *
 * @param enabled create the proxy and point the application at it: off in dev (seed 003's
 *     development environment is "compute: minimal" at $80 a month, and dev's 2 replicas' pools of
 *     at most 50, seed 004, fit db.t4g.micro's 112 connections), on in staging (so that staging
 *     tests the path prod takes; $21.90 a month, inside seed 003's $450) and prod (seeds 002, 004:
 *     pooling required). Off in a disaster-recovery standby ({@code plinth:dr.role: standby},
 *     {@link #standbyPreset}) whatever its environment, and refused there: its database is a
 *     cross-region read replica, and "For RDS DB instances in replication configurations, you can
 *     associate a proxy only with the writer DB instance, not a read replica" (RDS User Guide, "RDS
 *     Proxy quotas and limitations", awsdocs/amazon-rds-user-guide doc_source/rds-proxy.md, read
 *     2026-12-03)
 * @param idleClientTimeoutSeconds seconds a client connection may stay idle before the proxy closes
 *     it: 1800 everywhere, the API's default (botocore rds 2014-10-31, DBProxy.IdleClientTimeout:
 *     "Default: 1800 (30 minutes)", "Constraints: 1 to 28,800")
 * @param maxConnectionsPercent the pool's ceiling, in percent of the database's max_connections: 90
 *     everywhere, below the API's default of 100 (botocore rds 2014-10-31,
 *     ConnectionPoolConfiguration.MaxConnectionsPercent: "Default: 10 for RDS for Microsoft SQL
 *     Server, and 100 for all other engines", "Must be between 1 and 100") so that what connects
 *     directly (the master password's rotation function, operator sessions, migrations) still finds
 *     a connection
 */
public record ProxySettings(
    boolean enabled, int idleClientTimeoutSeconds, int maxConnectionsPercent) {

  /** The documented defaults of an environment: off in dev, on in staging and prod. */
  public static ProxySettings preset(Environment env) {
    return new ProxySettings(env != Environment.DEV, 1800, 90);
  }

  /**
   * The defaults of a disaster-recovery standby ({@code plinth:dr.role: standby}): the
   * environment's, with the proxy off, since RDS Proxy fronts only the writer of a replication
   * configuration and the standby's database is a replica of its primary's until promoted.
   */
  public static ProxySettings standbyPreset(Environment env) {
    ProxySettings p = preset(env);
    return new ProxySettings(false, p.idleClientTimeoutSeconds(), p.maxConnectionsPercent());
  }
}
