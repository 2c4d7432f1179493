package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.PlanCommandAccess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack of a disaster-recovery pair planned from another directory ({@code --config}, {@code
 * --all} elsewhere) is paired with the stack file beside it, not with the working directory's: the
 * pair's checks and the standby's StackReference both read the file next to the planned one.
 */
class PairedStackFilesTest {
  @TempDir Path dir;

  private static Run plan(String... args) {
    return PlanCommandAccess.plan(PlanCommandAccess.UNFITTED, args);
  }

  /** The real Pulumi.prod.yaml in {@code dir}, with {@code from} replaced by {@code to}. */
  private Path primaryWith(String from, String to) throws Exception {
    String prod = Files.readString(Path.of("Pulumi.prod.yaml"));
    assertThat(prod).as("Pulumi.prod.yaml").contains(from);
    Path file = dir.resolve("Pulumi.prod.yaml");
    Files.writeString(file, prod.replace(from, to));
    return file;
  }

  private Path standby() throws Exception {
    Path file = dir.resolve("Pulumi.prod-dr.yaml");
    Files.copy(Path.of("Pulumi.prod-dr.yaml"), file);
    return file;
  }

  @Test
  void aPrimaryWhoseStandbyFileIsNotBesideItExitsTwoNamingTheKeyAndTheMissingFile()
      throws Exception {
    Path prod = dir.resolve("Pulumi.prod.yaml");
    Files.copy(Path.of("Pulumi.prod.yaml"), prod);

    Run run = plan("prod", "--config", prod.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.err())
        .contains("plinth:dr.standbyStack")
        .contains("no stack file " + dir.resolve("Pulumi.prod-dr.yaml"));
  }

  @Test
  void aStandbyIsCheckedAgainstThePrimaryBesideIt() throws Exception {
    primaryWith("standbyStack: prod-dr\n", "standbyStack: prod-dr2\n");
    Path standby = standby();

    Run run = plan("prod-dr", "--config", standby.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.err())
        .as("the primary beside it names prod-dr2 as its standby")
        .contains("plinth:dr.primaryStack")
        .contains("whose plinth:dr.standbyStack is prod-dr2, not prod-dr");
  }

  @Test
  void aStandbyIsPlannedAgainstThePrimaryBesideIt() throws Exception {
    primaryWith("aws:region: us-east-1\n", "aws:region: us-east-2\n");
    Path standby = standby();

    Run run = plan("prod-dr", "--config", standby.toString(), "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.at("/outputs/primaryRegion").asText())
        .as("primaryRegion read through the StackReference from the primary beside prod-dr")
        .isEqualTo("us-east-2");
  }

  @Test
  void aStandbysGlobalDatastoreBesideAColdPrimaryExitsTwoNamingPlinthDrCache() {
    dev.plinth.testing.Pairs.write(dir, "cold", "globalDatastore");

    Run run = plan("prod-dr", "--config", dir.resolve("Pulumi.prod-dr.yaml").toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.err())
        .contains("plinth:dr.cache")
        .contains("prod (the primary of prod-dr) has plinth:dr.cache cold");
    assertThat(run.out()).as("nothing planned").doesNotContain("aws:elasticache");
  }
}
