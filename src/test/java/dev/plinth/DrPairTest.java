package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad inputs of a disaster-recovery pair (issue 17), each refused naming the key. */
class DrPairTest {
  @TempDir Path project;

  private static final String EDGE =
      "  plinth:edge:\n    domain: app.example.com\n    hostedZoneId: Z00000000PLACEHOLDER\n";

  private static String primary(String region, String standby) {
    return "config:\n  aws:region: "
        + region
        + "\n  plinth:environment: prod\n"
        + (standby == null ? "" : "  plinth:dr:\n    standbyStack: " + standby + "\n")
        + EDGE;
  }

  /** A primary whose {@code plinth:dr} also says {@code cache: <cache>}. */
  private static String primary(String region, String standby, String cache) {
    return primary(region, standby)
        .replace(
            "    standbyStack: " + standby + "\n",
            "    standbyStack: " + standby + "\n    cache: " + cache + "\n");
  }

  private static final String GLOBAL = "    cache: globalDatastore\n";

  private static String standby(String region, String primary, String extra) {
    return "config:\n  aws:region: "
        + region
        + "\n  plinth:environment: prod\n  plinth:dr:\n    role: standby\n    primaryStack: "
        + primary
        + "\n"
        + extra
        + "  plinth:database:\n    readReplicas: 0\n    crossRegionBackupReplication: false\n"
        + "  plinth:backups:\n    drRegion: us-east-1\n    crossRegion: false\n"
        + EDGE;
  }

  private void write(String stack, String text) throws IOException {
    Files.writeString(project.resolve("Pulumi." + stack + ".yaml"), text);
  }

  private List<ConfigProblem> check(String stack) throws IOException {
    PlatformConfig config =
        Checks.loadAlone(
            RawConfig.fromStackFile(project.resolve("Pulumi." + stack + ".yaml")), stack);
    return DrPair.check(config, project);
  }

  private static String text(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::toString).reduce("", (a, b) -> a + "\n" + b);
  }

  @Test
  void aConsistentPairPasses() throws IOException {
    write("prod", primary("us-east-1", "prod-dr"));
    write("prod-dr", standby("us-west-2", "prod", ""));
    assertThat(check("prod-dr")).as("standby's problems").isEmpty();
    assertThat(check("prod")).as("primary's problems").isEmpty();
  }

  @Test
  void aStandbyInItsPrimarysRegionIsRefusedOnAwsRegion() throws IOException {
    write("prod", primary("us-east-1", "prod-dr"));
    write("prod-dr", standby("us-east-1", "prod", ""));
    assertThat(check("prod-dr")).extracting(ConfigProblem::key).contains("aws:region");
    assertThat(text(check("prod-dr"))).contains("must differ from the primary's region");
  }

  @Test
  void aStandbyOfAStandbyIsRefused() throws IOException {
    write("prod-dr", standby("us-west-2", "prod", ""));
    write("prod-dr2", standby("eu-west-1", "prod-dr", ""));
    List<ConfigProblem> problems = check("prod-dr2");
    assertThat(problems).extracting(ConfigProblem::key).containsExactly("plinth:dr.primaryStack");
    assertThat(text(problems)).contains("is itself a standby");
  }

  @Test
  void aPrimaryWithoutAStackFileIsRefused() throws IOException {
    write("prod-dr", standby("us-west-2", "prod", ""));
    List<ConfigProblem> problems = check("prod-dr");
    assertThat(problems).extracting(ConfigProblem::key).containsExactly("plinth:dr.primaryStack");
    assertThat(text(problems)).contains("no stack file").contains("Pulumi.prod.yaml");
  }

  @Test
  void aPrimaryWhoseFileDoesNotLoadIsRefused() throws IOException {
    write("prod", "config:\n  aws:region: us-east-1\n  plinth:environment: prodd\n");
    write("prod-dr", standby("us-west-2", "prod", ""));
    List<ConfigProblem> problems = check("prod-dr");
    assertThat(problems).extracting(ConfigProblem::key).containsExactly("plinth:dr.primaryStack");
    assertThat(text(problems)).contains("does not load").contains("plinth:environment");
  }

  @Test
  void aPrimaryNamingAnotherStandbyIsRefusedOnBothSides() throws IOException {
    write("prod", primary("us-east-1", "staging"));
    write("staging", primary("us-east-2", null));
    write("prod-dr", standby("us-west-2", "prod", ""));
    assertThat(check("prod-dr"))
        .extracting(ConfigProblem::key)
        .containsExactly("plinth:dr.primaryStack");
    List<ConfigProblem> primarySide = check("prod");
    assertThat(primarySide)
        .extracting(ConfigProblem::key)
        .containsExactly("plinth:dr.standbyStack");
    assertThat(text(primarySide)).contains("must name this stack's standby");
  }

  @Test
  void aStandbyReplicatingBackIntoItsPrimarysRegionIsRefused() throws IOException {
    write("prod", primary("us-east-1", "prod-dr"));
    write(
        "prod-dr",
        standby("us-west-2", "prod", "").replace("crossRegion: false", "crossRegion: true"));
    assertThat(check("prod-dr"))
        .extracting(ConfigProblem::key)
        .containsExactly("plinth:backups.crossRegion");
  }

  @Test
  void aGlobalDatastoreOnBothSidesOfR6gNodesPassesOnBothSides() throws IOException {
    write("prod", primary("us-east-1", "prod-dr", "globalDatastore"));
    write("prod-dr", standby("us-west-2", "prod", GLOBAL));
    assertThat(check("prod-dr")).as("standby's problems (prod preset: cache.r6g.large)").isEmpty();
    assertThat(check("prod")).as("primary's problems").isEmpty();
  }

  @Test
  void aStandbysGlobalDatastoreWithAColdPrimaryIsRefusedOnDrCacheFromBothSides()
      throws IOException {
    write("prod", primary("us-east-1", "prod-dr"));
    write("prod-dr", standby("us-west-2", "prod", GLOBAL));
    List<ConfigProblem> standbySide = check("prod-dr");
    assertThat(standbySide).extracting(ConfigProblem::key).containsExactly("plinth:dr.cache");
    assertThat(text(standbySide))
        .contains("prod (the primary of prod-dr) has plinth:dr.cache cold")
        .contains("(got globalDatastore)");
    List<ConfigProblem> primarySide = check("prod");
    assertThat(primarySide).extracting(ConfigProblem::key).containsExactly("plinth:dr.cache");
    assertThat(text(primarySide))
        .contains("prod-dr (the standby of prod) has plinth:dr.cache globalDatastore");
  }

  @Test
  void aPrimarysGlobalDatastoreWithAColdStandbyIsRefused() throws IOException {
    write("prod", primary("us-east-1", "prod-dr", "globalDatastore"));
    write("prod-dr", standby("us-west-2", "prod", ""));
    assertThat(check("prod")).extracting(ConfigProblem::key).containsExactly("plinth:dr.cache");
    assertThat(check("prod-dr")).extracting(ConfigProblem::key).containsExactly("plinth:dr.cache");
  }

  @Test
  void aGlobalDatastoreOnBurstableNodesIsRefused() throws IOException {
    String cache = "  plinth:cache:\n    nodeType: cache.t4g.small\n";
    write("prod", primary("us-east-1", "prod-dr", "globalDatastore") + cache);
    write("prod-dr", standby("us-west-2", "prod", GLOBAL) + cache);
    for (String stack : List.of("prod-dr", "prod")) {
      List<ConfigProblem> problems = check(stack);
      assertThat(problems)
          .as("%s's problems", stack)
          .extracting(ConfigProblem::key)
          .containsExactly("plinth:dr.cache");
      assertThat(text(problems)).contains("cache.t4g.small").contains("burstable");
    }
  }

  @Test
  void aGlobalDatastoreNeedsTheSameNodeTypeShardsAndEngineOnBothSides() throws IOException {
    write("prod", primary("us-east-1", "prod-dr", "globalDatastore"));
    write(
        "prod-dr",
        standby("us-west-2", "prod", GLOBAL)
            + "  plinth:cache:\n    nodeType: cache.r6g.xlarge\n    engine: valkey\n");
    List<ConfigProblem> problems = check("prod-dr");
    assertThat(problems).extracting(ConfigProblem::key).containsExactly("plinth:dr.cache");
    assertThat(text(problems))
        .contains("equal on both stacks")
        .contains("cache.r6g.large, 1, redis 7.1");
  }

  @Test
  void aGlobalDatastoreInARegionWithoutThemIsRefused() throws IOException {
    write("prod", primary("us-east-1", "prod-dr", "globalDatastore"));
    write("prod-dr", standby("af-south-1", "prod", GLOBAL));
    List<ConfigProblem> problems = check("prod-dr");
    assertThat(problems).extracting(ConfigProblem::key).contains("plinth:dr.cache");
    assertThat(text(problems)).contains("no global datastore in af-south-1");
  }

  @Test
  void aStackNameThatPhysicalNamesRefuseExitsWithAProblem() {
    var raw = dev.plinth.testing.Plans.raw("prod", java.util.Map.of());
    assertThatThrownBy(() -> Checks.load(raw, "Prod_DR"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stack name")
        .hasMessageContaining("Prod_DR");
    assertThatThrownBy(() -> Checks.load(raw, "production-disaster"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at most " + DrPair.MAX_STACK_NAME);
    assertThat(DrPair.MAX_STACK_NAME).as("37 - len(plinth--access-logs-dr-)").isEqualTo(14);
  }
}
