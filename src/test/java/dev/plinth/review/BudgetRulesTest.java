package dev.plinth.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.policy.Finding;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyMode;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stack over its budget fails an advisory rule; prod over its budget fails a mandatory one. */
class BudgetRulesTest {

  @Test
  void devOverItsBudgetFailsTheAdvisoryRuleNamingTheBudgetAndTheShare() {
    // the shipped dev preset is within its $200 (issue 16; BudgetLeversTest): a $150 budget is not
    var config = Plans.config("dev", Map.of("plinth:cost", Map.of("budgetMonthlyUsd", 150)));
    Review review = Review.of(Plans.of(config), config, PolicyMode.ENFORCE);

    Finding finding = review.policy().verdict("COST-01", "dev-budget-monthly").orElseThrow();
    assertThat(review.cost().withinBudget()).as("dev's estimate within $150").isFalse();
    assertThat(finding.verdict()).as("COST-01 on dev-budget-monthly").isEqualTo(Verdict.FAIL);
    assertThat(String.join(" ", finding.messages()))
        .contains("dev-budget-monthly: is $150.00 a month")
        .containsPattern("the estimate is \\$[\\d,.]+ \\(\\d+% of it\\)");
    assertThat(review.exitCode()).as("an advisory failure does not fail the plan").isZero();
  }

  @Test
  void theShippedDevAndStagingPassTheAdvisoryBudgetRule() {
    for (String stack : java.util.List.of("dev", "staging")) {
      Review review = Review.of(Plans.ofStack(stack), Plans.stackFile(stack), PolicyMode.ENFORCE);

      assertThat(
              review.policy().verdict("COST-01", stack + "-budget-monthly").orElseThrow().verdict())
          .as("COST-01 on %s-budget-monthly", stack)
          .isEqualTo(Verdict.PASS);
    }
  }

  @Test
  void prodWithinItsBudgetPassesTheMandatoryRule() {
    Review review = Review.of(Plans.ofStack("prod"), Plans.stackFile("prod"), PolicyMode.ENFORCE);

    assertThat(review.policy().verdict("COST-02", "prod-budget-monthly").orElseThrow().verdict())
        .as("COST-02 on prod-budget-monthly")
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void prodOverItsBudgetFailsTheMandatoryRuleAndThePlan() {
    var config = Plans.config("prod", Map.of("plinth:cost", Map.of("budgetMonthlyUsd", 1000)));
    Review review = Review.of(Plans.of(config), config, PolicyMode.ENFORCE);

    assertThat(review.policy().verdict("COST-02", "prod-budget-monthly").orElseThrow().verdict())
        .as("COST-02 on prod-budget-monthly with a $1,000 budget")
        .isEqualTo(Verdict.FAIL);
    assertThat(review.exitCode()).isEqualTo(Review.POLICY_VIOLATIONS);
  }

  @Test
  void withoutAnEstimateTheBudgetRulesAreNotApplicable() {
    var report = Policy.evaluate(Plans.ofStack("dev"), Environment.DEV);

    assertThat(report.verdict("COST-01", "dev-budget-monthly")).isEmpty();
    assertThat(report.failures()).noneMatch(f -> f.rule().id().startsWith("COST-"));
  }
}
