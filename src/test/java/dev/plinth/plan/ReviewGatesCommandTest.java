package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plinth.plan.PlanCommandAccess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}'s review gates: --policy, the cost breakdown, --json keys, --diagram, --all. */
class ReviewGatesCommandTest {
  @TempDir Path dir;

  static Run plan(String... args) {
    return PlanCommandAccess.plan(PlanCommandAccess.UNFITTED, args);
  }

  /**
   * The real prod stack file with flow logs turned off: NET-01 (mandatory) fails on
   * prod-network-vpc. Derived from Pulumi.prod.yaml so that whatever else prod must say stays; its
   * standby's file Pulumi.prod-dr.yaml is copied beside it, where the pair's check reads it.
   */
  Path prodWithoutFlowLogs() throws Exception {
    return prodWithoutFlowLogs(dir);
  }

  /** {@link #prodWithoutFlowLogs()} written into {@code dir}. */
  static Path prodWithoutFlowLogs(Path dir) throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory());
    var stack = (ObjectNode) yaml.readTree(Path.of("Pulumi.prod.yaml").toFile());
    var config = (ObjectNode) stack.get("config");
    if (!config.has("plinth:network")) {
      config.putObject("plinth:network");
    }
    ((ObjectNode) config.get("plinth:network")).put("flowLogs", false);
    Path file = dir.resolve("Pulumi.prod.yaml");
    yaml.writeValue(file.toFile(), stack);
    Files.copy(
        Path.of("Pulumi.prod-dr.yaml"),
        dir.resolve("Pulumi.prod-dr.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  @Test
  void prodPrintsVerdictsCostAndExitsZero() {
    Run run = plan("prod");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Policy (enforce, prod):")
        .containsPattern("\\d+ passes, \\d+ excepted, \\d+ not applicable")
        .contains("Cost estimate (monthly, us-east-1 on-demand prices of 2026-11-01")
        .contains("prod-network")
        .containsPattern("total +\\$")
        .contains("within the budget of $4,000.00");
  }

  @Test
  void aMandatoryFailureUnderEnforceExitsThreeNamingRuleAndResource() throws Exception {
    Run run = plan("prod", "--config", prodWithoutFlowLogs().toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(PlanCommand.POLICY_VIOLATIONS);
    assertThat(run.out())
        .contains("FAIL mandatory NET-01")
        .contains("prod-network-vpc: no flow log");
    assertThat(run.out().indexOf("FAIL mandatory NET-01"))
        .as("failures come before the count of passes")
        .isLessThan(run.out().indexOf(" passes, "));
  }

  @Test
  void advisoryReportsTheSameFailureAndExitsZero() throws Exception {
    Run run = plan("prod", "--config", prodWithoutFlowLogs().toString(), "--policy", "advisory");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Policy (advisory, prod)").contains("FAIL mandatory NET-01");
  }

  @Test
  void offSkipsThePolicy() throws Exception {
    Run run = plan("prod", "--config", prodWithoutFlowLogs().toString(), "--policy", "off");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Policy: off").doesNotContain("FAIL");
  }

  @Test
  void jsonCarriesPolicyAndCostBesideThePlan() throws Exception {
    Run run = plan("staging", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());

    assertThat(
            doc.has("steps") && doc.has("config") && doc.has("outputs") && doc.has("changeSummary"))
        .isTrue();
    assertThat(doc.at("/policy/mode").asText()).isEqualTo("enforce");
    JsonNode net01 = null;
    for (JsonNode rule : doc.at("/policy/rules")) {
      if (rule.get("id").asText().equals("NET-01")) {
        net01 = rule;
      }
    }
    assertThat(net01).as("NET-01 in the JSON").isNotNull();
    assertThat(net01.at("/verdicts/0/resource").asText()).isEqualTo("staging-network-vpc");
    assertThat(net01.at("/verdicts/0/verdict").asText()).isEqualTo("pass");
    double sum = 0;
    for (JsonNode line : doc.at("/cost/lines")) {
      sum += line.get("monthlyUsd").asDouble();
    }
    assertThat(doc.at("/cost/totalMonthlyUsd").asDouble())
        .isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05));
    assertThat(doc.at("/cost/budgetMonthlyUsd").asDouble()).isEqualTo(450);
  }

  @Test
  void diagramIsWrittenByExtension() throws Exception {
    Path dot = dir.resolve("prod.dot");
    Run run = plan("prod", "--diagram", dot.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(dot)).startsWith("digraph").contains("NAT gateway x3");
  }

  @Test
  void anUnknownDiagramExtensionIsABadCommandLine() {
    Run run = plan("prod", "--diagram", dir.resolve("prod.png").toString());

    assertThat(run.exit()).isEqualTo(PlanCommand.CONFIG_ERRORS);
    assertThat(run.err()).contains(".mmd").contains(".dot");
  }

  @Test
  void allPlansEveryStackAndComparesTheirSettings() {
    Run run = plan("--all");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("=== dev ===")
        .contains("=== staging ===")
        .contains("=== prod ===");
    String table = run.out().substring(run.out().indexOf("Key settings by environment"));
    assertThat(table).containsPattern("setting +dev +staging +prod");
    assertThat(table).containsPattern("NAT gateways +1 +1 +3");
    assertThat(table).containsPattern("availability zones +2 +3 +3");
    assertThat(table)
        .containsPattern("PostgreSQL class +db.t4g.micro +db.t4g.medium +db.r6g.xlarge");
    assertThat(table).containsPattern("cost / month +\\$");
    assertThat(table).containsPattern("app replicas \\(min-max\\) +1-2 +1-3 +3-20");
    assertThat(table)
        .as("retention periods in numeric order")
        .containsPattern("log retention days +7, 365 +7, 365 +30, 365");
    String tiers = run.out().substring(run.out().indexOf("Production tiers of prod"));
    assertThat(tiers)
        .as("the three tiers side by side, prod's own marked")
        .containsPattern("setting +small +medium \\(prod\\) +large")
        .containsPattern("PostgreSQL class +db.m6g.xlarge +db.r6g.xlarge +db.m6g.4xlarge")
        .containsPattern("Redis nodes +2 +3 +6")
        .containsPattern("cost / month +\\$[\\d,.]+ +\\$[\\d,.]+ +\\$[\\d,.]+")
        .doesNotContain("EKS version");
    String standbyTiers = run.out().substring(run.out().indexOf("Production tiers of prod-dr"));
    assertThat(standbyTiers)
        .as("the standby's replica follows its tier's class, marked as a replica")
        .containsPattern(
            "PostgreSQL class +db.m6g.xlarge \\(replica\\) +db.r6g.xlarge \\(replica\\)"
                + " +db.m6g.4xlarge \\(replica\\)");
  }

  @Test
  void allWithJsonIsOneDocument() throws Exception {
    Run run = plan("--all", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    var prod = dev.plinth.testing.Plans.stackFile("prod");
    double expected =
        dev.plinth.cost.CostEstimator.estimate(
                dev.plinth.testing.Plans.ofStack("prod"), prod.cost(), prod.region())
            .total();
    assertThat(doc.at("/stacks/prod/cost/totalMonthlyUsd").asDouble())
        .as("prod's total in the document is the estimate of prod's plan, to the cent")
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(0.005))
        .isPositive();
    assertThat(doc.at("/comparison/dev/NAT gateways").asText()).isEqualTo("1");
    assertThat(doc.at("/account/mode").asText()).isEqualTo("enforce");
    assertThat(doc.at("/account/stacks/prod/account").asText()).isEqualTo("default");
    assertThat(doc.at("/account/passes").asBoolean()).isTrue();
    assertThat(doc.at("/tiers/prod/medium (prod)/cost ~1 month").asText())
        .as("the medium tier's estimate is prod's own")
        .isEqualTo(doc.at("/comparison/prod/cost ~1 month").asText());
    double small = money(doc.at("/tiers/prod/small/cost ~1 month").asText());
    double large = money(doc.at("/tiers/prod/large/cost ~1 month").asText());
    assertThat(small).as("small below medium below large").isLessThan(expected);
    assertThat(large).isGreaterThan(expected);
  }

  private static double money(String text) {
    return Double.parseDouble(text.replace("$", "").replace(",", ""));
  }

  static Run planIn(Path directory, String... args) {
    return PlanCommandAccess.plan(directory, PlanCommandAccess.UNFITTED, args);
  }

  /**
   * Two dev stacks (the real Pulumi.dev.yaml, and a copy as stack dev2) that collide when they
   * share an account: resource names carry the stack's name, so what they still share is what each
   * creates for the account, here the region's GuardDuty detector (an account and region holds
   * one); with {@code account} set on the copy.
   */
  Path twoDevStacks(String account) throws Exception {
    return twoDevStacks(dir, account);
  }

  /** {@link #twoDevStacks(String)} written into {@code dir}. */
  static Path twoDevStacks(Path dir, String account) throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory());
    for (String name : new String[] {"dev", "dev2"}) {
      var stack = (ObjectNode) yaml.readTree(Path.of("Pulumi.dev.yaml").toFile());
      var config = (ObjectNode) stack.get("config");
      config.putObject("plinth:observability").put("guardDuty", "create");
      if (account != null && name.equals("dev2")) {
        config.put("plinth:account", account);
      }
      yaml.writeValue(dir.resolve("Pulumi." + name + ".yaml").toFile(), stack);
    }
    return dir;
  }

  @Test
  void allFailsTheAccountCheckWhenTwoStacksInOneAccountCollideExitingThree() throws Exception {
    Run run = planIn(twoDevStacks(null), "--all");

    assertThat(run.exit()).as(run.err()).isEqualTo(PlanCommand.POLICY_VIOLATIONS);
    String check = run.out().substring(run.out().indexOf("Account check (enforce)"));
    assertThat(check)
        .contains("2 stacks in account default, us-east-1 (dev, dev2)")
        .contains("FAIL mandatory singleton: GuardDuty detector is created by dev (dev-audit-")
        .contains("and dev2 (dev2-audit-")
        .contains("Account check fails.");
    assertThat(check)
        .as("names carry the stack's name (budget plinth-dev2-monthly, cluster plinth-dev2, ...)")
        .doesNotContain("FAIL mandatory unique name");
    assertThat(run.out().indexOf("Account check"))
        .as("after the per-stack results")
        .isGreaterThan(run.out().indexOf("=== dev2 ==="));
  }

  @Test
  void allUnderAdvisoryReportsTheAccountCheckAndExitsZero() throws Exception {
    Run run = planIn(twoDevStacks(null), "--all", "--policy", "advisory");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Account check (advisory)").contains("Account check fails.");
  }

  @Test
  void stacksInDifferentAccountsDoNotCollide() throws Exception {
    Run run = planIn(twoDevStacks("sandbox"), "--all", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.at("/account/passes").asBoolean()).isTrue();
    assertThat(doc.at("/account/failures").size()).isZero();
    assertThat(doc.at("/account/stacks/dev2/account").asText()).isEqualTo("sandbox");
  }
}
