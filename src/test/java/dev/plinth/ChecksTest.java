package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.access.ClientVpnValidation;
import dev.plinth.compute.ClusterValidation;
import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigLoader;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.RawConfig;
import dev.plinth.config.SettingsChecks;
import dev.plinth.data.CacheValidation;
import dev.plinth.data.DatabaseValidation;
import dev.plinth.edge.EdgeValidation;
import dev.plinth.network.NetworkValidation;
import dev.plinth.search.SearchValidation;
import dev.plinth.testing.Plans;
import dev.plinth.workloads.WorkloadValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check runs on the normal load path: for each, a bad value of the settings it owns is
 * reported when loading through {@link Checks#load}, and is not reported without that check (so the
 * row proves the check, not the binder or another check, catches it).
 */
class ChecksTest {

  static Stream<Arguments> badValueOfEachCheck() {
    return Stream.of(
        row(
            "backups.drRegion",
            SettingsChecks.DR_REGION,
            Map.of("plinth:backups", Map.of("drRegion", "mars-1")),
            "plinth:backups.drRegion"),
        row(
            "network",
            NetworkValidation.CHECK,
            Map.of("plinth:network", Map.of("azCount", 9)),
            "plinth:network.azCount"),
        row(
            "cluster",
            ClusterValidation.CHECK,
            Map.of("plinth:cluster", Map.of("privateAccessCidrs", List.of("not-a-cidr"))),
            "plinth:cluster.privateAccessCidrs[0]"),
        row(
            "edge",
            EdgeValidation.CHECK,
            Map.of("plinth:edge", Map.of("httpOnly", true, "domain", "Not A Host")),
            "plinth:edge.domain"),
        row(
            "workloads",
            WorkloadValidation.CHECK,
            Map.of("plinth:workloads", Map.of("imageTag", "latest")),
            "plinth:workloads.imageTag"),
        row(
            "observability",
            SettingsChecks.OBSERVABILITY,
            Map.of("plinth:observability", Map.of("alertEmails", List.of("nobody"))),
            "plinth:observability.alertEmails[0]"),
        row(
            "cost",
            SettingsChecks.COST,
            Map.of("plinth:cost", Map.of("spotDiscountPercent", 95)),
            "plinth:cost.spotDiscountPercent"),
        row("account", SettingsChecks.ACCOUNT, Map.of("plinth:account", "-bad-"), "plinth:account"),
        row(
            "quotas",
            SettingsChecks.QUOTAS,
            Map.of("plinth:quotas", Map.of("vpcs", 0)),
            "plinth:quotas.vpcs"),
        row(
            "cluster.repositories names",
            ClusterValidation.REPOSITORY_NAMES,
            Map.of("plinth:cluster", Map.of("repositories", List.of("app", "Not_Lower"))),
            "plinth:cluster.repositories[1]"),
        row(
            "secrets",
            SettingsChecks.SECRETS,
            Map.of(
                "plinth:secrets",
                Map.of("app", Map.of("API KEY", Map.of("secure", "v1:c2VjcmV0")))),
            "plinth:secrets.app.API KEY"),
        row(
            "dr",
            SettingsChecks.DR,
            Map.of("plinth:dr", Map.of("role", "standby")),
            "plinth:dr.primaryStack"),
        row(
            "access",
            SettingsChecks.ACCESS,
            Map.of("plinth:access", Map.of("rootVolumeGb", 4)),
            "plinth:access.rootVolumeGb"),
        row(
            "access.clientVpn",
            ClientVpnValidation.CHECK,
            Map.of("plinth:access", Map.of("clientVpn", Map.of("enabled", true))),
            "plinth:access.clientVpn.serverCertificateArn"),
        row(
            "search",
            SearchValidation.CHECK,
            Map.of("plinth:search", Map.of("zoneCount", 4)),
            "plinth:search.zoneCount"),
        row(
            "database",
            DatabaseValidation.CHECK,
            Map.of("plinth:database", Map.of("backupRetentionDays", 90)),
            "plinth:database.backupRetentionDays"),
        row(
            "cache",
            CacheValidation.CHECK,
            Map.of("plinth:cache", Map.of("nodeType", "r6g.large")),
            "plinth:cache.nodeType"));
  }

  private static Arguments row(
      String section, ConfigCheck check, Map<String, ?> values, String key) {
    return Arguments.of(section, check, values, key);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValueOfEachCheck")
  void loadingReportsABadValueOfEverySectionThroughItsCheck(
      String section, ConfigCheck check, Map<String, ?> values, String key) {
    assertThat(keysOf(() -> Plans.config("dev", values)))
        .as("Checks.load must report %s for a bad %s setting %s", key, section, values)
        .contains(key);

    List<ConfigCheck> without = new ArrayList<>(Checks.ALL);
    assertThat(without.remove(check)).as("Checks.ALL must list the %s check", section).isTrue();
    RawConfig raw = Plans.raw("dev", values);
    assertThat(keysOf(() -> ConfigLoader.load(raw, "dev", without)))
        .as(
            "without the %s check, nothing else may report %s (the row must test the check)",
            section, key)
        .doesNotContain(key);
  }

  private static List<String> keysOf(Runnable load) {
    try {
      load.run();
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::key).toList();
    }
    return List.of();
  }

  @org.junit.jupiter.api.Test
  void everyCheckIsListedOnce() {
    assertThat(Checks.ALL).doesNotHaveDuplicates();
  }
}
