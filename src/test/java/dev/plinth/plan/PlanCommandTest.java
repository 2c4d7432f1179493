package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.PlanCommandAccess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PlanCommandTest {
  @TempDir Path dir;

  public static Run plan(String... args) {
    return PlanCommandAccess.plan(PlanCommandAccess.UNFITTED, args);
  }

  @Test
  void planningAStackPrintsATreeAndExitsZero() {
    Run run = plan("dev");

    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .contains("pulumi:pulumi:Stack")
        .contains("─ plinth:network:Network")
        .contains("aws:ec2/natGateway:NatGateway")
        .containsPattern("\\+ \\d+ to create");
  }

  @Test
  void jsonIsShapedLikePulumiPreviewJson() throws Exception {
    Run run = plan("prod", "--json");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);

    JsonNode doc = new ObjectMapper().readTree(run.out());
    JsonNode steps = doc.get("steps");
    assertThat(steps.isArray()).isTrue();
    assertThat(doc.at("/changeSummary/create").asInt()).isEqualTo(steps.size());
    Set<String> urns = new HashSet<>();
    for (JsonNode step : steps) {
      assertThat(step.get("op").asText()).isEqualTo("create");
      JsonNode state = step.get("newState");
      assertThat(state.get("urn").asText()).isEqualTo(step.get("urn").asText());
      assertThat(state.get("type").asText()).isNotBlank();
      assertThat(state.has("custom")).isTrue();
      assertThat(state.get("inputs").isObject()).isTrue();
      assertThat(state.get("dependencies").isArray()).isTrue();
      assertThat(state.get("protect").isBoolean()).isTrue();
      assertThat(state.get("retainOnDelete").isBoolean()).isTrue();
      urns.add(step.get("urn").asText());
    }
    for (JsonNode step : steps) {
      JsonNode state = step.get("newState");
      if (!state.get("type").asText().equals("pulumi:pulumi:Stack")) {
        assertThat(urns).as("parent of %s", step.get("urn")).contains(state.get("parent").asText());
      }
      state.get("dependencies").forEach(d -> assertThat(urns).contains(d.asText()));
    }
    assertThat(doc.at("/config/plinth:environment").asText()).isEqualTo("prod");
    assertThat(doc.at("/outputs/vpcId").asText()).startsWith("vpc-");
  }

  @Test
  void devHasOneNatGatewayAndTwoZonesProdThreeOfEach() {
    assertThat(count(plan("dev").out(), "aws:ec2/natGateway:NatGateway")).isEqualTo(1);
    assertThat(count(plan("dev").out(), "aws:ec2/subnet:Subnet")).isEqualTo(6);
    assertThat(count(plan("prod").out(), "aws:ec2/natGateway:NatGateway")).isEqualTo(3);
    assertThat(count(plan("prod").out(), "aws:ec2/subnet:Subnet")).isEqualTo(9);
  }

  private static long count(String tree, String type) {
    return tree.lines().filter(l -> l.contains("─ " + type + " ")).count();
  }

  @Test
  void severalMistakesPrintEveryMessageOnStderrAndExitTwo() throws Exception {
    Path file = dir.resolve("Pulumi.broken.yaml");
    Files.writeString(
        file,
        "config:\n  aws:region: us-east-1\n  plinth:environment: prod\n  plinth:netwrk: {}\n"
            + "  plinth:edge:\n    domain: app.example.com\n    hostedZoneId: Z0TESTZONE\n"
            + "  plinth:network:\n    azCount: 9\n");

    Run run = plan("broken", "--config", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList())
        .containsExactly(
            "plinth:network.azCount must be between 2 and 6 (two zones at least for high"
                + " availability, seed 004) (got 9)",
            "plinth:netwrk is not a setting Plinth knows; did you mean plinth:network?");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aRegionThatDoesNotExistExitsTwoBeforeAnythingIsPlanned() throws Exception {
    Path file = dir.resolve("Pulumi.region.yaml");
    Files.writeString(
        file,
        "config:\n  aws:region: us-east-9\n  plinth:environment: dev\n"
            + "  plinth:edge:\n    httpOnly: true\n");

    Run run = plan("region", "--config", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList())
        .containsExactly(
            "aws:region must be an AWS region; did you mean us-east-1 or us-east-2? (got"
                + " us-east-9)");
  }

  @Test
  void theSameKeyTwiceInAStackFileExitsTwoNamingTheKeyAndBothLines() throws Exception {
    Path file = dir.resolve("Pulumi.twice.yaml");
    Files.writeString(
        file,
        "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n"
            + "  plinth:edge:\n    httpOnly: true\n"
            + "  plinth:network:\n    azCount: 2\n"
            + "  plinth:network:\n    azCount: 3\n");

    Run run = plan("twice", "--config", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList())
        .containsExactly(
            "plinth:network is set twice in Pulumi.twice.yaml (lines 6 and 8): keep one; a YAML"
                + " mapping holds each key once, and the second would silently replace the"
                + " first");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aMissingStackFileExitsTwo() {
    Run run = plan("nosuchstack");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Pulumi.nosuchstack.yaml does not exist");
  }

  @Test
  void aBadCommandLineExitsTwo() {
    assertThat(plan().exit()).isEqualTo(2);
    assertThat(plan("dev", "--colour").exit()).isEqualTo(2);
  }

  @Test
  void invalidYamlIsAConfigurationError() throws Exception {
    Path file = dir.resolve("Pulumi.bad.yaml");
    Files.writeString(file, "config: [unclosed\n");

    Run run = plan("bad", "--config", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is not valid YAML");
  }

  @Test
  void invalidYamlIsOneLineNamingWhereTheParserStopped() throws Exception {
    Path file = dir.resolve("Pulumi.indent.yaml");
    Files.writeString(file, "config:\n  aws:region: us-east-1\n   plinth:environment: dev\n");

    Run run = plan("indent", "--config", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .containsExactly(
            "stack file "
                + file
                + " is not valid YAML (line 3, column 22): mapping values are not allowed here");
  }

  @Test
  void secretSettingsShowAsSecretInTheJson() throws Exception {
    Path file = dir.resolve("Pulumi.sec.yaml");
    Files.writeString(
        file,
        "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n"
            + "  plinth:edge:\n    httpOnly: true\n  plinth:secrets:\n"
            + "    app:\n      API_KEY:\n        secure: v1:SeCrEtCiPhErTeXt==\n");

    Run run = plan("sec", "--config", file.toString(), "--json");

    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).contains("\"plinth:secrets.app.API_KEY\" : \"[secret]\"");
    assertThat(run.out()).doesNotContain("SeCrEtCiPhErTeXt");
  }
}
