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

  /** Secrets Manager's bounds for {@code RotationRules.AutomaticallyAfterDays}. */
  public static final int MIN_ROTATION_DAYS = 1;

  public static final int MAX_ROTATION_DAYS = 1000;

  /** RDS keeps automated backups for 0 (off) to 35 days. */
  public static final int MAX_BACKUP_RETENTION_DAYS = 35;

  private DatabaseValidation() {}

  /**
   * @param region the stack's {@code aws:region}; null when it is itself invalid (reported
   *     elsewhere)
   */
  public static List<ConfigProblem> validate(
      DatabaseSettings s, BackupSettings backups, String region) {
    List<ConfigProblem> problems = new ArrayList<>();
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
