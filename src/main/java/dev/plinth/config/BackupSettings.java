package dev.plinth.config;

/**
 * The backups bucket and AWS Backup ({@code plinth:backups}).
 *
 * @param drRegion the disaster-recovery region for replicated backups: us-west-2 (seed 003:
 *     us-east-1 + us-west-2)
 * @param crossRegion replicate the backups bucket and copy AWS Backup recovery points to {@code
 *     drRegion}: prod only (seeds 002, 003: geographic redundancy)
 * @param infrequentAccessDays move objects to Standard-IA after 30 days (seed 003)
 * @param glacierDays move objects to Glacier after 90 days (seed 003)
 * @param expireDays delete objects after 365 days (seed 003)
 * @param noncurrentExpireDays delete overwritten versions after 30 days
 * @param retentionDays AWS Backup recovery points: 7 days in dev (seed 004), 30 elsewhere (seed
 *     002)
 * @param schedule AWS Backup's daily run, UTC: 05:00, after the database's 03:00-04:00 window
 */
public record BackupSettings(
    String drRegion,
    boolean crossRegion,
    int infrequentAccessDays,
    int glacierDays,
    int expireDays,
    int noncurrentExpireDays,
    int retentionDays,
    String schedule) {

  public static BackupSettings preset(Environment env) {
    return new BackupSettings(
        "us-west-2",
        env == Environment.PROD,
        30,
        90,
        365,
        30,
        env == Environment.DEV ? 7 : 30,
        "cron(0 5 * * ? *)");
  }
}
