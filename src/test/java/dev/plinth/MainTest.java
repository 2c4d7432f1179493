package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.PlanCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {
  record Run(int exit, String out, String err) {}

  static Run main(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help", ""})
  void topLevelHelpListsTheCommandsEveryPlanOptionAndExitsZero(String arg) {
    Run run = arg.isEmpty() ? main() : main(arg);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("plinth plan ", "--help", "--version", "pulumi up");
    var spec = new CommandLine(new PlanCommand(System.out, System.err)).getCommandSpec();
    for (var option : spec.options()) {
      assertThat(run.out())
          .as("help names plan's option %s", option.longestName())
          .contains(option.longestName());
    }
    assertThat(run.out().lines())
        .as("lines of the top-level help")
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "version"})
  void versionPrintsTheBuiltVersionAndThePulumiPackages(String arg) {
    Run run = main(arg);

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip())
        .matches(
            "plinth \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Pulumi Java SDK \\d+\\.\\d+\\.\\d+,"
                + " pulumi-aws \\d+\\.\\d+\\.\\d+; Java .+\\)");
  }

  @Test
  void planDashCapitalVPrintsTheVersion() {
    Run run = main("plan", "-V");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("plinth ").doesNotContain("${");
  }

  @Test
  void anUnknownCommandExitsTwoNamingItWithTheHelpOnStderr() {
    Run run = main("deploy");

    assertThat(run.exit()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("plinth: unknown command 'deploy'").contains("plinth plan ");
  }

  @Test
  void theProgramRunsOnlyWhenTheEngineStartedIt() {
    assertThat(Main.underEngine(Map.of())).isFalse();
    assertThat(Main.underEngine(Map.of("PULUMI_STACK", "dev"))).isFalse();
    assertThat(Main.underEngine(Map.of("PULUMI_MONITOR", "127.0.0.1:40123"))).isTrue();
  }

  @Test
  void settingsListsEverySettingOfTheLoadersModelWithItsTypeAndDefaults() {
    Run run = settings(Integer.MAX_VALUE);

    assertThat(run.exit()).as(run.err()).isZero();
    var preset =
        dev.plinth.config.ConfigView.of(
            dev.plinth.config.PlatformConfig.preset(
                "x", dev.plinth.config.Environment.PROD, "us-east-1"));
    preset
        .fieldNames()
        .forEachRemaining(key -> assertThat(run.out()).as("settings lists %s", key).contains(key));
    assertThat(run.out())
        .containsPattern("plinth:network\\.azCount +int +2 +3 +3\\n")
        .containsPattern("plinth:network\\.natGateways +single\\|perAz +single +single +perAz\\n");
  }

  @Test
  void settingsOfAStackMarksWhatItsStackFileChanges() {
    Run run = settings(Integer.MAX_VALUE, "prod");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("plinth:workloads\\.enabled +boolean +false +false +false +true \\*\\n")
        .containsPattern("plinth:network\\.azCount +int +2 +3 +3 +3\\n");
  }

  /** {@code plinth settings} at a width: the table, or blocks where the table is wider. */
  static Run settings(int width, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        Main.settings(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            width,
            args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void settingsNarrowerThanTheTableShowsEachSettingAsABlockWithinTheWidth() {
    Run run = settings(100, "prod");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .as("lines of plinth settings prod at 100 columns")
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    assertThat(run.out())
        .contains(
            "plinth:network.azCount  (int)\n    dev: 2; staging: 3; prod: 3; Pulumi.prod.yaml: 3\n")
        .contains("plinth:workloads.enabled  (boolean)\n")
        .contains("Pulumi.prod.yaml: true *");
  }

  @Test
  void settingsOfAMissingStackExitsTwo() {
    Run run = main("settings", "nosuchstack");

    assertThat(run.exit()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.err()).contains("Pulumi.nosuchstack.yaml");
  }
}
