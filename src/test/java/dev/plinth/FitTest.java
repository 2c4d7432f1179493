package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.PlanCommandAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text output fits the terminal, 100 columns when it is not one; --json keeps every detail. */
class FitTest {

  @Test
  void theWidthIsColumnsWhenItIsAWholeNumberOfAtLeastSixtyElseOneHundred() {
    assertThat(Fit.columns(Map.of("COLUMNS", "132"))).isEqualTo(132);
    assertThat(Fit.columns(Map.of("COLUMNS", " 80 "))).isEqualTo(80);
    assertThat(Fit.columns(Map.of())).isEqualTo(100);
    assertThat(Fit.columns(Map.of("COLUMNS", "wide"))).isEqualTo(100);
    assertThat(Fit.columns(Map.of("COLUMNS", "40"))).isEqualTo(100);
  }

  @Test
  void aTypeTokenLosesOnlyAFilePartThatRepeatsItsName() {
    assertThat(Fit.shortType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
        .isEqualTo("aws:iam:RolePolicyAttachment");
    assertThat(Fit.shortType("aws:s3/bucketV2:BucketV2")).isEqualTo("aws:s3:BucketV2");
    assertThat(Fit.shortType("kubernetes:core/v1:Service")).isEqualTo("kubernetes:core/v1:Service");
    assertThat(Fit.shortType("pulumi:pulumi:Stack")).isEqualTo("pulumi:pulumi:Stack");
    assertThat(Fit.shortType("plinth:network:Network")).isEqualTo("plinth:network:Network");
  }

  @Test
  void aLongLineWrapsAtSpacesUnderItselfKeepingEveryWord() {
    String line =
        "    excepted NET-05 prod-network-private-nacl: NACLs are stateless: replies to outbound"
            + " connections through the NAT gateway return on ephemeral ports 1024-65535 from"
            + " anywhere";

    List<String> lines = Fit.wrap(line, 60);

    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));
    assertThat(lines.get(0)).startsWith("    excepted NET-05");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l).startsWith("        "));
    assertThat(String.join(" ", lines).strip().split("\\s+"))
        .containsExactly(line.strip().split("\\s+"));
  }

  @Test
  void aWordLongerThanTheLineIsBrokenWhereTheLineEnds() {
    String arn = "x".repeat(150);

    List<String> lines = Fit.wrap("    key: " + arn, 60);

    assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));
    assertThat(String.join("", lines).replace(" ", "")).isEqualTo("key:" + arn);
  }

  @ParameterizedTest(name = "plan prod fits {0} columns")
  @ValueSource(ints = {100, 80})
  void everyLineOfThePlanFitsTheWidthAndTheTreeKeepsARowPerResource(int width) {
    var run = PlanCommandAccess.plan(width, "prod");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .allSatisfy(
            l -> assertThat(l.length()).as("line of plan prod: %s", l).isLessThanOrEqualTo(width));
    long rows = run.out().lines().filter(l -> l.startsWith(" +  ")).count();
    assertThat(rows)
        .as("tree rows")
        .isEqualTo(dev.plinth.testing.Plans.ofStack("prod").resources().size());
  }

  @Test
  void planAllFitsTheWidthSettingsTableIncluded() {
    var run = PlanCommandAccess.plan(100, "--all");

    assertThat(run.out().lines())
        .allSatisfy(
            l -> assertThat(l.length()).as("line of plan --all: %s", l).isLessThanOrEqualTo(100));
    assertThat(run.out()).contains("Key settings by environment");
  }

  @Test
  void jsonIsTheSameDocumentAtAnyWidth() throws Exception {
    var narrow = PlanCommandAccess.plan(60, "dev", "--json");
    var unfitted = PlanCommandAccess.plan(Integer.MAX_VALUE, "dev", "--json");

    var mapper = new ObjectMapper();
    assertThat(mapper.readTree(narrow.out())).isEqualTo(mapper.readTree(unfitted.out()));
    assertThat(Arrays.stream(narrow.out().split("\n")).mapToInt(String::length).max().orElse(0))
        .as("the JSON's longest line is not cut to 60")
        .isGreaterThan(60);
  }
}
