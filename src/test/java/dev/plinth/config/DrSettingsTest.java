package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.DrSettings.CacheRecovery;
import dev.plinth.config.DrSettings.Mode;
import dev.plinth.config.DrSettings.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrSettingsTest {

  private static List<String> keys(DrSettings dr) {
    return DrSettings.validate(dr).stream().map(ConfigProblem::key).toList();
  }

  @Test
  void everyPresetIsAPrimaryWithTargetsOnlyInProd() {
    for (Environment env : Environment.values()) {
      DrSettings dr = DrSettings.preset(env);
      assertThat(dr.role()).as("%s role", env).isEqualTo(Role.PRIMARY);
      assertThat(keys(dr)).as("%s preset problems", env).isEmpty();
      boolean prod = env == Environment.PROD;
      assertThat(dr.rpoMinutes()).as("%s rpo (seeds 002, 003: 5)", env).isEqualTo(prod ? 5 : 0);
      assertThat(dr.apiRtoMinutes()).as("%s api rto (seed 003: 15)", env).isEqualTo(prod ? 15 : 0);
      assertThat(dr.databaseRtoMinutes())
          .as("%s database rto (seeds 002, 003: 60)", env)
          .isEqualTo(prod ? 60 : 0);
    }
  }

  @Test
  void aStandbyNamesItsPrimaryAndNoStandby() {
    var standby =
        new DrSettings(
            Role.STANDBY, null, "x", Mode.PILOT_LIGHT, CacheRecovery.COLD, false, 5, 15, 60);
    assertThat(keys(standby)).containsExactly("plinth:dr.primaryStack", "plinth:dr.standbyStack");
    var fine =
        new DrSettings(
            Role.STANDBY, "prod", null, Mode.WARM_STANDBY, CacheRecovery.COLD, false, 5, 15, 60);
    assertThat(keys(fine)).isEmpty();
  }

  @Test
  void aPrimaryNamesNoPrimaryAndTargetsAreBounded() {
    var primary =
        new DrSettings(
            Role.PRIMARY, "prod", null, Mode.PILOT_LIGHT, CacheRecovery.COLD, false, -1, 0, 20000);
    assertThat(keys(primary))
        .containsExactly(
            "plinth:dr.primaryStack", "plinth:dr.rpoMinutes", "plinth:dr.databaseRtoMinutes");
    assertThat(DrSettings.validate(primary).get(1).message())
        .isEqualTo(
            "plinth:dr.rpoMinutes must be between 0 (no target) and 10080 minutes (a week) (got -1)");
  }

  @Test
  void aPrimarysGlobalDatastoreNeedsAStandbyToHoldItsSecondary() {
    var alone =
        new DrSettings(
            Role.PRIMARY,
            null,
            null,
            Mode.PILOT_LIGHT,
            CacheRecovery.GLOBAL_DATASTORE,
            false,
            5,
            15,
            60);
    assertThat(keys(alone)).containsExactly("plinth:dr.cache");
    assertThat(DrSettings.validate(alone).get(0).message())
        .contains("globalDatastore")
        .contains("plinth:dr.standbyStack");
    var paired =
        new DrSettings(
            Role.PRIMARY,
            null,
            "prod-dr",
            Mode.PILOT_LIGHT,
            CacheRecovery.GLOBAL_DATASTORE,
            false,
            5,
            15,
            60);
    assertThat(keys(paired)).as("a primary with its standby").isEmpty();
  }

  @Test
  void onlyAStandbyCanBePromoted() {
    var primary =
        new DrSettings(
            Role.PRIMARY, null, null, Mode.PILOT_LIGHT, CacheRecovery.COLD, true, 5, 15, 60);
    assertThat(DrSettings.validate(primary))
        .extracting(ConfigProblem::message)
        .containsExactly(
            "plinth:dr.promoted is only for a standby (plinth:dr.role: standby) whose replica a"
                + " failover has promoted; this stack is a primary (remove it) (got true)");
    var standby =
        new DrSettings(
            Role.STANDBY, "prod", null, Mode.WARM_STANDBY, CacheRecovery.COLD, true, 5, 15, 60);
    assertThat(DrSettings.validate(standby)).as("a promoted standby").isEmpty();
    assertThat(standby.replicaDatabase()).as("a promoted standby's database is a writer").isFalse();
  }
}
