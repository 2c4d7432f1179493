package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plinth.config.BackupSettings;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.DatabaseSettings;
import dev.plinth.config.Environment;
import dev.plinth.testing.Plans;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseValidationTest {

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(
            "staging",
            Map.of("plinth:database", Map.of("masterPasswordRotationDays", 0)),
            "plinth:database.masterPasswordRotationDays must be between 1 and 1000 days (the"
                + " rotation intervals Secrets Manager accepts) (got 0)"),
        Arguments.of(
            "prod",
            Map.of("plinth:database", Map.of("masterPasswordRotationDays", 1001)),
            "plinth:database.masterPasswordRotationDays must be between 1 and 1000 days (the"
                + " rotation intervals Secrets Manager accepts) (got 1001)"),
        Arguments.of(
            "prod",
            Map.of("plinth:backups", Map.of("drRegion", "us-east-1")),
            "plinth:database.crossRegionBackupReplication needs plinth:backups.drRegion to differ"
                + " from aws:region, but both are us-east-1: set plinth:backups.drRegion to another"
                + " region, or set plinth:database.crossRegionBackupReplication to false (got"
                + " true)"),
        Arguments.of(
            "dev",
            Map.of(
                "plinth:database",
                Map.of("crossRegionBackupReplication", true, "backupRetentionDays", 0)),
            "plinth:database.backupRetentionDays must be at least 1 when"
                + " plinth:database.crossRegionBackupReplication is true: RDS replicates automated"
                + " backups only while they are on (got 0)"),
        Arguments.of(
            "prod",
            Map.of("plinth:database", Map.of("backupRetentionDays", 36)),
            "plinth:database.backupRetentionDays must be between 0 and 35 days (the retention RDS"
                + " accepts for automated backups) (got 36)"),
        Arguments.of(
            "prod",
            Map.of("plinth:database", Map.of("proxy", Map.of("idleClientTimeoutSeconds", 28801))),
            "plinth:database.proxy.idleClientTimeoutSeconds must be between 1 and 28800 seconds"
                + " (what RDS Proxy accepts for IdleClientTimeout) (got 28801)"),
        Arguments.of(
            "staging",
            Map.of("plinth:database", Map.of("proxy", Map.of("idleClientTimeoutSeconds", 0))),
            "plinth:database.proxy.idleClientTimeoutSeconds must be between 1 and 28800 seconds"
                + " (what RDS Proxy accepts for IdleClientTimeout) (got 0)"),
        Arguments.of(
            "dev",
            Map.of("plinth:database", Map.of("proxy", Map.of("maxConnectionsPercent", 101))),
            "plinth:database.proxy.maxConnectionsPercent must be between 1 and 100 (percent of"
                + " max_connections, what RDS Proxy accepts for MaxConnectionsPercent) (got 101)"),
        Arguments.of(
            "prod",
            Map.of("plinth:database", Map.of("proxy", Map.of("maxConnectionsPercent", 0))),
            "plinth:database.proxy.maxConnectionsPercent must be between 1 and 100 (percent of"
                + " max_connections, what RDS Proxy accepts for MaxConnectionsPercent) (got 0)"));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void aBadDatabaseSettingIsRejectedNamingKeyValueAndWhatIsAllowed(
      String env, Map<String, ?> values, String message) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Plans.config(env, values));

    assertThat(e).as("loading %s with %s", env, values).isNotNull();
    assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(message);
  }

  @Test
  void theDrRegionMayEqualTheStackRegionWhenReplicationIsOff() {
    var config =
        Plans.config(
            "prod",
            Map.of(
                "plinth:backups",
                Map.of("drRegion", "us-east-1", "crossRegion", false),
                "plinth:database",
                Map.of("crossRegionBackupReplication", false)));

    assertThat(config.database().crossRegionBackupReplication()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyPresetIsValidInUsEast1(Environment env) {
    assertThat(
            DatabaseValidation.validate(
                DatabaseSettings.preset(env), BackupSettings.preset(env), "us-east-1"))
        .as("problems of the %s preset", env)
        .isEmpty();
  }

  @Test
  void anUnknownStackRegionIsLeftToTheRegionCheck() {
    DatabaseSettings prod = DatabaseSettings.preset(Environment.PROD);

    assertThat(DatabaseValidation.validate(prod, BackupSettings.preset(Environment.PROD), null))
        .isEmpty();
  }
}
