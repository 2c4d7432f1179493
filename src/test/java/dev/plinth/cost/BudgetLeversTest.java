package dev.plinth.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: every stack file, with its presets as shipped, is estimated within its own budget
 * (plinth:cost.budgetMonthlyUsd), and every setting the budget levers turn refuses a bad value
 * naming its key.
 */
class BudgetLeversTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theShippedStackIsEstimatedWithinItsBudget(String stack) {
    PlatformConfig config = Plans.stackFile(stack);
    CostReport report =
        CostEstimator.estimate(Plans.ofStack(stack), config.cost(), config.region());

    assertThat(report.total())
        .as(
            "monthly estimate of %s against plinth:cost.budgetMonthlyUsd %s: %s",
            stack, config.cost().budgetMonthlyUsd(), report.byComponent())
        .isLessThanOrEqualTo(config.cost().budgetMonthlyUsd());
    assertThat(report.withinBudget()).as("the verdict of %s", stack).isTrue();
    // the master password's rotation function (a Lambda function run seconds a month) is the one
    // item the estimate names without a price
    assertThat(report.notes())
        .filteredOn(n -> !n.startsWith("the rotation function of " + stack + "-db-rotation"))
        .as("unpriced items of %s", stack)
        .isEmpty();
  }

  static Stream<Arguments> badLeverValues() {
    return Stream.of(
        bad(
            "dev",
            Map.of("plinth:cluster", Map.of("nodes", Map.of("architecture", "arm"))),
            "plinth:cluster.nodes.architecture must be one of x86_64, arm64 (got arm)"),
        bad(
            "dev",
            Map.of(
                "plinth:cluster", Map.of("nodes", Map.of("instanceTypes", List.of("t3.medium")))),
            "plinth:cluster.nodes.instanceTypes[0] must be a Graviton (arm64) type such as"
                + " t4g.medium to match plinth:cluster.nodes.architecture arm64 (or set"
                + " architecture to x86_64) (got t3.medium)"),
        bad(
            "prod",
            Map.of(
                "plinth:cluster", Map.of("nodes", Map.of("instanceTypes", List.of("m7g.large")))),
            "plinth:cluster.nodes.instanceTypes[0] must be an x86_64 type to match"
                + " plinth:cluster.nodes.architecture x86_64 (or set architecture to arm64) (got"
                + " m7g.large)"),
        bad(
            "staging",
            Map.of("plinth:cluster", Map.of("nodes", Map.of("capacityType", "spot"))),
            "plinth:cluster.nodes.capacityType must be one of ON_DEMAND, SPOT (got spot)"),
        bad(
            "dev",
            Map.of("plinth:database", Map.of("instanceClass", "t4g.micro")),
            "plinth:database.instanceClass must be an RDS DB instance class such as db.t4g.micro"
                + " or db.r6g.xlarge (got t4g.micro)"),
        bad(
            "dev",
            Map.of("plinth:database", Map.of("allocatedStorageGb", 10)),
            "plinth:database.allocatedStorageGb must be between 20 and 65536 GB (what RDS for"
                + " PostgreSQL accepts on gp3) (got 10)"),
        bad(
            "dev",
            Map.of("plinth:database", Map.of("maxAllocatedStorageGb", 20)),
            "plinth:database.maxAllocatedStorageGb must be above allocatedStorageGb (20) and at"
                + " most 65536: storage autoscaling needs room to grow (got 20)"),
        bad(
            "dev",
            Map.of("plinth:cache", Map.of("nodeType", "t4g.micro")),
            "plinth:cache.nodeType must be an ElastiCache node type such as cache.t4g.micro or"
                + " cache.r6g.large (got t4g.micro)"),
        bad(
            "dev",
            Map.of("plinth:keys", Map.of("layout", "one")),
            "plinth:keys.layout must be one of perDomain, shared (got one)"),
        bad(
            "prod",
            Map.of("plinth:cost", Map.of("backupCopyGb", -1)),
            "plinth:cost.backupCopyGb must be 0 or more (got -1.0)"));
  }

  private static Arguments bad(String env, Map<String, ?> values, String message) {
    return Arguments.of(env, values, message);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badLeverValues")
  void aBadValueOfALeverIsRefusedNamingItsKey(String env, Map<String, ?> values, String message) {
    assertThatThrownBy(() -> Plans.config(env, values))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::message)
                    .containsExactly(message));
  }
}
