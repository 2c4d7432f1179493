package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plinth.plan.PlanCommandAccess.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code plan} says of a stack's tier and load: text and JSON, and the capacity errors. */
class SizingCommandTest {
  @TempDir Path dir;

  /**
   * The real prod stack file with a load (and, if given, a database class) added, its standby's
   * file beside it.
   */
  Path prodWithLoad(int users, String dbClass) throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory());
    var stack = (ObjectNode) yaml.readTree(Path.of("Pulumi.prod.yaml").toFile());
    var config = (ObjectNode) stack.get("config");
    config.putObject("plinth:capacity").put("concurrentUsers", users);
    if (dbClass != null) {
      // a class of its own, reached directly: with RDS Proxy the load's connections are the
      // proxy's client connections, which no class's max_connections limits
      var database = config.putObject("plinth:database").put("instanceClass", dbClass);
      database.putObject("proxy").put("enabled", false);
    }
    Path file = dir.resolve("Pulumi.prod.yaml");
    yaml.writeValue(file.toFile(), stack);
    // prod names its standby, whose file the pair's check reads beside prod's
    java.nio.file.Files.copy(Path.of("Pulumi.prod-dr.yaml"), dir.resolve("Pulumi.prod-dr.yaml"));
    return file;
  }

  static Run plan(String... args) {
    return PlanCommandAccess.plan(PlanCommandAccess.UNFITTED, args);
  }

  @Test
  void prodsPlanNamesItsTier() {
    Run run = plan("prod");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Sizing: tier medium (1,000-10,000 concurrent users, seed 001; plinth:tier, or prod's"
                + " default)");
  }

  @Test
  void aLoadShowsEachDerivedFigureWithItsFormulaInText() throws Exception {
    Run run = plan("prod", "--config", prodWithLoad(900, null).toString());

    assertThat(run.exit()).as(run.err()).isZero();
    String sizing = run.out().substring(run.out().indexOf("Sizing:"));
    assertThat(sizing)
        .contains("Sizing: tier small (100-1,000 concurrent users, seed 001;")
        .contains("application replicas = ceil(900 / 500) = 2; has: autoscaler 2-20")
        .contains(
            "database connections = 900 x 1.5 = 1,350; has: db.m6g.xlarge max_connections 1,802")
        .contains("Redis memory = 900 x 0.1 MB = 90.0 MB; has: 1 shard(s) x cache.m6g.large");
  }

  @Test
  void aLoadShowsEachDerivedFigureWithItsFormulaInJson() throws Exception {
    Run run = plan("prod", "--json", "--config", prodWithLoad(900, null).toString());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode sizing = new ObjectMapper().readTree(run.out()).get("sizing");
    assertThat(sizing.get("tier").asText()).isEqualTo("small");
    assertThat(sizing.get("concurrentUsers").asInt()).isEqualTo(900);
    assertThat(sizing.at("/derived/0/formula").asText()).isEqualTo("ceil(900 / 500)");
    assertThat(sizing.at("/derived/1/formula").asText()).isEqualTo("900 x 1.5");
    assertThat(sizing.at("/derived/1/value").asText()).isEqualTo("1,350");
    assertThat(sizing.at("/derived/2/formula").asText()).isEqualTo("900 x 0.1 MB");
  }

  @Test
  void withoutAProxyADatabaseClassBelowTheLoadsConnectionsExitsTwoNamingBothNumbers()
      throws Exception {
    Run run = plan("prod", "--config", prodWithLoad(2_000, "db.m6g.large").toString());

    assertThat(run.exit()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.err())
        .contains("plinth:database.instanceClass db.m6g.large allows at most 901 connections")
        .contains("below the 3,000 that plinth:capacity.concurrentUsers 2,000 needs");
    assertThat(run.out()).as("nothing planned").doesNotContain("Previewing");
  }
}
