package dev.plinth.data;

import dev.plinth.config.BackupSettings;
import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.DatabaseSettings;
import java.util.ArrayList;
import java.util.List;

/** Pure checks of {@code plinth:database}, and of what it needs from {@code plinth:backups}. */
public final class DatabaseValidation {
  static final String KEY = "plinth:database";

  /**
   * The rules of the database settings (plinth:database) with the backups they depend on, as one
   * check of the loader; dev.plinth.Checks lists it with the others.
   */
  public static final ConfigCheck CHECK =
      config -> validate(config.database(), config.backups(), config.region());

  /**
   * No RDS Proxy in a disaster-recovery standby ({@code plinth:dr.role: standby}) until its replica
   * is promoted ({@code plinth:dr.promoted}): its database is a cross-region read replica of its
   * primary's, and "For RDS DB instances in replication configurations, you can associate a proxy
   * only with the writer DB instance, not a read replica" (RDS User Guide, "RDS Proxy quotas and
   * limitations"; awsdocs/amazon-rds-user-guide doc_source/rds-proxy.md, read 2026-12-03). The
   * standby's preset has it off ({@link dev.plinth.config.ProxySettings#standbyPreset}); this
   * refuses a stack file that turns it on.
   */
  public static final ConfigCheck STANDBY_PROXY =
      config ->
          config.dr().replicaDatabase() && config.database().proxy().enabled()
              ? List.of(
                  ConfigProblem.of(
                      KEY + ".proxy.enabled",
                      "must be false in a disaster-recovery standby (plinth:dr.role: standby)"
                          + " while its database is a read replica of "
                          + config.dr().primaryStack()
                          + "'s: RDS Proxy fronts only the writer of a replication configuration,"
                          + " not a read replica. Remove the setting (the standby's default is"
                          + " false); after a failover has promoted the replica, set"
                          + " plinth:dr.promoted true and run pulumi up, which builds the proxy"
                          + " where the environment's default has one (docs/runbooks.md, \"Fail"
                          + " over\")",
                      true))
              : List.of();

  /** Secrets Manager's bounds for {@code RotationRules.AutomaticallyAfterDays}. */
  public static final int MIN_ROTATION_DAYS = 1;

  public static final int MAX_ROTATION_DAYS = 1000;

  /** RDS keeps automated backups for 0 (off) to 35 days. */
  public static final int MAX_BACKUP_RETENTION_DAYS = 35;

  /**
   * RDS Proxy's bounds for {@code IdleClientTimeout}, in seconds (botocore rds 2014-10-31,
   * DBProxy.IdleClientTimeout: "Constraints: 1 to 28,800").
   */
  public static final int MIN_IDLE_CLIENT_TIMEOUT = 1;

  public static final int MAX_IDLE_CLIENT_TIMEOUT = 28_800;

  /**
   * RDS Proxy's bounds for {@code MaxConnectionsPercent} (botocore rds 2014-10-31,
   * ConnectionPoolConfiguration.MaxConnectionsPercent: "Must be between 1 and 100").
   */
  public static final int MIN_MAX_CONNECTIONS_PERCENT = 1;

  public static final int MAX_MAX_CONNECTIONS_PERCENT = 100;

  private DatabaseValidation() {}

  /** The proxy's settings within what the RDS API accepts (checked even when it is off). */
  private static void proxy(DatabaseSettings s, List<ConfigProblem> problems) {
    var p = s.proxy();
    if (p.idleClientTimeoutSeconds() < MIN_IDLE_CLIENT_TIMEOUT
        || p.idleClientTimeoutSeconds() > MAX_IDLE_CLIENT_TIMEOUT) {
      problems.add(
          ConfigProblem.of(
              KEY + ".proxy.idleClientTimeoutSeconds",
              "must be between "
                  + MIN_IDLE_CLIENT_TIMEOUT
                  + " and "
                  + MAX_IDLE_CLIENT_TIMEOUT
                  + " seconds (what RDS Proxy accepts for IdleClientTimeout)",
              p.idleClientTimeoutSeconds()));
    }
    if (p.maxConnectionsPercent() < MIN_MAX_CONNECTIONS_PERCENT
        || p.maxConnectionsPercent() > MAX_MAX_CONNECTIONS_PERCENT) {
      problems.add(
          ConfigProblem.of(
              KEY + ".proxy.maxConnectionsPercent",
              "must be between "
                  + MIN_MAX_CONNECTIONS_PERCENT
                  + " and "
                  + MAX_MAX_CONNECTIONS_PERCENT
                  + " (percent of max_connections, what RDS Proxy accepts for"
                  + " MaxConnectionsPercent)",
              p.maxConnectionsPercent()));
    }
  }

  /** An RDS DB instance class: {@code db.}, a family, a size ({@code db.t4g.micro}). */
  static final java.util.regex.Pattern INSTANCE_CLASS =
      java.util.regex.Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");

  /**
   * RDS for PostgreSQL's bounds for gp2/gp3 storage in GiB (botocore rds 2014-10-31,
   * CreateDBInstance AllocatedStorage: "Must be an integer from 20 to 65536").
   */
  public static final int MIN_STORAGE_GB = 20;

  public static final int MAX_STORAGE_GB = 65536;

  /** The class's name and the storage bounds RDS accepts for PostgreSQL on gp3. */
  private static void sizes(DatabaseSettings s, List<ConfigProblem> problems) {
    if (!INSTANCE_CLASS.matcher(s.instanceClass()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".instanceClass",
              "must be an RDS DB instance class such as db.t4g.micro or db.r6g.xlarge",
              s.instanceClass()));
    }
    int storage = s.allocatedStorageGb();
    if (storage < MIN_STORAGE_GB || storage > MAX_STORAGE_GB) {
      problems.add(
          ConfigProblem.of(
              KEY + ".allocatedStorageGb",
              "must be between "
                  + MIN_STORAGE_GB
                  + " and "
                  + MAX_STORAGE_GB
                  + " GB (what RDS for PostgreSQL accepts on gp3)",
              storage));
    } else if (s.maxAllocatedStorageGb() <= storage || s.maxAllocatedStorageGb() > MAX_STORAGE_GB) {
      problems.add(
          ConfigProblem.of(
              KEY + ".maxAllocatedStorageGb",
              "must be above allocatedStorageGb ("
                  + storage
                  + ") and at most "
                  + MAX_STORAGE_GB
                  + ": storage autoscaling needs room to grow",
              s.maxAllocatedStorageGb()));
    }
  }

  /**
   * @param region the stack's {@code aws:region}; null when it is itself invalid (reported
   *     elsewhere)
   */
  public static List<ConfigProblem> validate(
      DatabaseSettings s, BackupSettings backups, String region) {
    List<ConfigProblem> problems = new ArrayList<>();
    sizes(s, problems);
    proxy(s, problems);
    int rotation = s.masterPasswordRotationDays();
    if (rotation < MIN_ROTATION_DAYS || rotation > MAX_ROTATION_DAYS) {
      problems.add(
          ConfigProblem.of(
              KEY + ".masterPasswordRotationDays",
              "must be between "
                  + MIN_ROTATION_DAYS
                  + " and "
                  + MAX_ROTATION_DAYS
                  + " days (the rotation intervals Secrets Manager accepts)",
              rotation));
    }
    int retention = s.backupRetentionDays();
    if (retention < 0 || retention > MAX_BACKUP_RETENTION_DAYS) {
      problems.add(
          ConfigProblem.of(
              KEY + ".backupRetentionDays",
              "must be between 0 and "
                  + MAX_BACKUP_RETENTION_DAYS
                  + " days (the retention RDS accepts for automated backups)",
              retention));
    } else if (s.crossRegionBackupReplication() && retention == 0) {
      problems.add(
          ConfigProblem.of(
              KEY + ".backupRetentionDays",
              "must be at least 1 when "
                  + KEY
                  + ".crossRegionBackupReplication is true: RDS replicates automated backups"
                  + " only while they are on",
              retention));
    }
    if (s.crossRegionBackupReplication() && region != null && region.equals(backups.drRegion())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".crossRegionBackupReplication",
              "needs plinth:backups.drRegion to differ from aws:region, but both are "
                  + region
                  + ": set plinth:backups.drRegion to another region, or set "
                  + KEY
                  + ".crossRegionBackupReplication to false",
              true));
    }
    return problems;
  }
}
