package dev.plinth.config;

/**
 * PostgreSQL on RDS ({@code plinth:database}).
 *
 * @param engineVersion major version: 15 everywhere (seeds 000, 001, 002; seed 004 asks 14+ with
 *     pgvector, which 15 ships); minor versions upgrade automatically
 * @param instanceClass db.t4g.micro in dev (2 vCPU, 1 GiB, Graviton: seed 001's development
 *     database container, 0.5 CPU and 1 GB of the single 2 vCPU / 4 GB server; RDS's default
 *     max_connections 112 covers seed 004's pools of at most 50 per container at dev's 2 replicas),
 *     db.t4g.medium in staging (2 vCPU, 4 GB, Graviton: seed 004's development class, above seed
 *     003's staging database, an Atlas M10; staging's Multi-AZ pair on db.m6g.large alone was over
 *     half of seed 003's $450), db.r6g.xlarge in prod (seed 001 production medium: 4 vCPU, 32 GB).
 *     Not checked offline: that RDS offers PostgreSQL 15 on db.t4g.micro in the stack's region
 *     ({@code aws rds describe-orderable-db-instance-options --engine postgres --engine-version 15
 *     --db-instance-class db.t4g.micro}, docs/plan.md, "Cost model")
 * @param multiAz a standby in another zone: off in dev, on in staging and prod (seeds 001, 004)
 * @param allocatedStorageGb initial gp3 storage: 20 GB in dev (seed 001 development: 20 GB SSD;
 *     RDS's gp3 minimum for PostgreSQL, botocore rds 2014-10-31 CreateDBInstance AllocatedStorage:
 *     20 to 65536), 100 GB in staging and prod (seed 004: 100 GB minimum, a production figure).
 *     Seed 004's 100 GB conflicts with seed 001's 20 GB in dev: dev holds development data only,
 *     and storage autoscaling ({@code maxAllocatedStorageGb}) grows it when it fills
 * @param maxAllocatedStorageGb storage autoscaling ceiling: 200 dev, 500 staging, 1000 prod (seed
 *     004: autoscaling up to 1 TB)
 * @param backupRetentionDays automated backups and point-in-time recovery: 7 in dev (seed 004), 14
 *     in staging, 30 in prod (seeds 000, 001, 004)
 * @param backupWindow daily backup window, UTC: 03:00-04:00 (seed 001)
 * @param maintenanceWindow weekly maintenance window, UTC: sun:04:00-sun:05:00 (seed 001)
 * @param readReplicas read replicas in other zones: 0 in dev and staging, 1 in prod (seed 000 asks
 *     2 replicas, seed 004 calls them optional; one keeps reads off the primary at half the cost)
 * @param masterUsername the master user (not {@code postgres}: scanners flag the default)
 * @param masterPasswordRotationDays days between rotations of the master password (Plinth's secret,
 *     rotated by AWS's single-user PostgreSQL rotation function): 30 everywhere, within seed 003's
 *     90-day schedule (seed 004 asks automatic rotation of database credentials; seed 002 gives no
 *     period). Each single-user rotation briefly refuses the old password to new connections, so
 *     monthly rather than RDS's weekly default. Secrets Manager accepts 1 to 1000
 * @param crossRegionBackupReplication replicate the primary's automated backups (snapshots and
 *     transaction logs) to {@code plinth:backups.drRegion}, encrypted with a key in that region:
 *     prod only (seed 004: cross-region backup replication, optional for DR; seed 002: RPO 5
 *     minutes, geographic redundancy). Needs a DR region other than the stack's
 * @param proxy {@code plinth:database.proxy}: RDS Proxy in front of the primary, on in staging and
 *     prod, off in dev and in a disaster-recovery standby ({@link ProxySettings})
 */
public record DatabaseSettings(
    String engineVersion,
    String instanceClass,
    boolean multiAz,
    int allocatedStorageGb,
    int maxAllocatedStorageGb,
    int backupRetentionDays,
    String backupWindow,
    String maintenanceWindow,
    int readReplicas,
    String masterUsername,
    int masterPasswordRotationDays,
    boolean crossRegionBackupReplication,
    ProxySettings proxy) {

  /** These settings with {@code proxy} in place of their own. */
  public DatabaseSettings withProxy(ProxySettings proxy) {
    return new DatabaseSettings(
        engineVersion,
        instanceClass,
        multiAz,
        allocatedStorageGb,
        maxAllocatedStorageGb,
        backupRetentionDays,
        backupWindow,
        maintenanceWindow,
        readReplicas,
        masterUsername,
        masterPasswordRotationDays,
        crossRegionBackupReplication,
        proxy);
  }

  public static DatabaseSettings preset(Environment env) {
    return switch (env) {
      case DEV ->
          new DatabaseSettings(
              "15",
              "db.t4g.micro",
              false,
              20,
              200,
              7,
              "03:00-04:00",
              "sun:04:00-sun:05:00",
              0,
              "plinth_admin",
              30,
              false,
              ProxySettings.preset(env));
      case STAGING ->
          new DatabaseSettings(
              "15",
              "db.t4g.medium",
              true,
              100,
              500,
              14,
              "03:00-04:00",
              "sun:04:00-sun:05:00",
              0,
              "plinth_admin",
              30,
              false,
              ProxySettings.preset(env));
      case PROD ->
          new DatabaseSettings(
              "15",
              "db.r6g.xlarge",
              true,
              100,
              1000,
              30,
              "03:00-04:00",
              "sun:04:00-sun:05:00",
              1,
              "plinth_admin",
              30,
              true,
              ProxySettings.preset(env));
    };
  }
}
