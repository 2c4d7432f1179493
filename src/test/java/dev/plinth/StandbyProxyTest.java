package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.ConfigView;
import dev.plinth.config.RawConfig;
import dev.plinth.plan.PlanCommand;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.Recorder;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RDS Proxy and a disaster-recovery standby (issue 21): RDS Proxy fronts only the writer of a
 * replication configuration, and the standby's database is a read replica, so the standby's
 * settings say the proxy is off, and a stack file that turns it on is refused.
 */
class StandbyProxyTest {

  @Test
  void theStandbysSettingsSayTheProxyIsOffThoughItsEnvironmentsPresetHasItOn() {
    assertThat(Plans.stackFile("prod").database().proxy().enabled())
        .as("plinth:database.proxy.enabled of prod (the standby's environment)")
        .isTrue();
    assertThat(Plans.stackFile("prod-dr").database().proxy().enabled())
        .as("plinth:database.proxy.enabled of prod-dr, a standby whose database is a replica")
        .isFalse();
    assertThat(Plans.ofStack("prod-dr").ofType("aws:rds/proxy:Proxy"))
        .as("RDS proxies of prod-dr")
        .isEmpty();
  }

  @Test
  void theStandbysResolvedSettingsShowTheProxyOff() {
    assertThat(
            ConfigView.of(Plans.stackFile("prod-dr"))
                .get("plinth:database.proxy.enabled")
                .asBoolean(true))
        .as(
            "plinth:database.proxy.enabled in prod-dr's resolved settings (plan JSON, plinth settings)")
        .isFalse();
  }

  /** Pulumi.prod-dr.yaml with {@code plinth:database.proxy.enabled} set to {@code enabled}. */
  private static RawConfig standbyWithProxy(boolean enabled) throws Exception {
    var raw = RawConfig.fromStackFile(Path.of("Pulumi.prod-dr.yaml"));
    var values = new LinkedHashMap<>(raw.values());
    var database = ((ObjectNode) values.get("plinth:database")).deepCopy();
    database.putObject("proxy").put("enabled", enabled);
    values.put("plinth:database", database);
    return new RawConfig(values);
  }

  @Test
  void aStandbyThatTurnsTheProxyOnIsRefusedNamingTheKeyTheValueAndWhatToDo() throws Exception {
    RawConfig raw = standbyWithProxy(true);
    assertThatThrownBy(() -> Checks.load(raw, "prod-dr"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(ConfigProblem::message)
                    .containsExactly(
                        "plinth:database.proxy.enabled must be false in a disaster-recovery"
                            + " standby (plinth:dr.role: standby) while its database is a read"
                            + " replica of prod's: RDS Proxy fronts only the writer of a"
                            + " replication configuration, not a read replica. Remove the setting"
                            + " (the standby's default is false); after a failover has promoted"
                            + " the replica, set plinth:dr.promoted true and run pulumi up, which"
                            + " builds the proxy where the environment's default has one"
                            + " (docs/runbooks.md, \"Fail over\") (got true)"));
  }

  @Test
  void aStandbyThatWritesTheProxyOffLoads() throws Exception {
    assertThat(Checks.load(standbyWithProxy(false), "prod-dr").database().proxy().enabled())
        .as("plinth:database.proxy.enabled of prod-dr written false")
        .isFalse();
  }

  /** Pulumi.prod-dr.yaml with {@code plinth:dr.promoted: true}, as after a failover. */
  private static RawConfig promoted() throws Exception {
    var raw = RawConfig.fromStackFile(Path.of("Pulumi.prod-dr.yaml"));
    var values = new LinkedHashMap<>(raw.values());
    var dr = ((ObjectNode) values.get("plinth:dr")).deepCopy();
    dr.put("promoted", true);
    values.put("plinth:dr", dr);
    return new RawConfig(values);
  }

  @Test
  void aPromotedStandbyTakesItsEnvironmentsProxyInFrontOfThePromotedInstance() throws Exception {
    var config = Checks.load(promoted(), "prod-dr");
    assertThat(config.database().proxy().enabled())
        .as("plinth:database.proxy.enabled of prod-dr once promoted: prod's default")
        .isTrue();
    ResourceGraph graph = Recorder.plan(config);
    RecordedResource target =
        graph.get("aws:rds/proxyTarget:ProxyTarget", "prod-dr-db-proxy-target");
    assertThat(target.input("dbInstanceIdentifier").orElseThrow().asText())
        .as("dbInstanceIdentifier of %s: the promoted instance", target.name())
        .isEqualTo(
            graph
                .get("aws:rds/instance:Instance", "prod-dr-db-standby")
                .input("identifier")
                .orElseThrow()
                .asText());
    assertThat(graph.outputs().has("dbProxyEndpoint"))
        .as("prod-dr's dbProxyEndpoint output once promoted")
        .isTrue();
  }

  @Test
  void aStandbysClassIsJudgedWithTheProxyItHasAfterPromotion() throws Exception {
    var raw = RawConfig.fromStackFile(Path.of("Pulumi.prod-dr.yaml"));
    var values = new LinkedHashMap<>(raw.values());
    var database = ((ObjectNode) values.get("plinth:database")).deepCopy();
    database.put("instanceClass", "db.m6g.large");
    values.put("plinth:database", database);
    values.put(
        "plinth:capacity",
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("concurrentUsers", 2_000));
    assertThat(Checks.load(new RawConfig(values), "prod-dr").database().instanceClass())
        .as(
            "db.m6g.large (901 connections) for 2,000 users (3,000) in prod-dr: pooled after"
                + " promotion, as prod's default has the proxy on")
        .isEqualTo("db.m6g.large");
  }

  @Test
  void planExitsTwoForAStandbyWithTheProxyOn(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("Pulumi.prod.yaml"), dir.resolve("Pulumi.prod.yaml"));
    String standby =
        Files.readString(Path.of("Pulumi.prod-dr.yaml"))
            .replace(
                "    crossRegionBackupReplication: false\n",
                "    crossRegionBackupReplication: false\n    proxy:\n      enabled: true\n");
    Path file = dir.resolve("Pulumi.prod-dr.yaml");
    Files.writeString(file, standby);
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "plan",
            "--config",
            file.toString(),
            "prod-dr");
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(stderr).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(stderr).contains("plinth:database.proxy.enabled must be false", "(got true)");
  }
}
