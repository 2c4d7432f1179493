package dev.plinth.policy;

import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stack's cost estimate against its AWS Budgets limit (issue 16): over it, an advisory failure
 * in dev and staging, a mandatory one in prod. The estimate comes from the review's cost report
 * ({@link PolicyContext#estimate}); without one (a caller that did not price the graph) the rules
 * are not applicable.
 */
final class BudgetRules {
  private BudgetRules() {}

  static final String PREFIX = "COST-";

  static List<Rule> all() {
    return List.of(
        withinBudget("COST-01", ADVISORY, EnumSet.of(Environment.DEV, Environment.STAGING)),
        withinBudget("COST-02", MANDATORY, PROD));
  }

  static boolean needsEstimate(Rule rule) {
    return rule.id().startsWith(PREFIX);
  }

  private static Rule withinBudget(String id, Severity severity, Set<Environment> where) {
    return Rule.of(
        id,
        severity == MANDATORY
            ? "prod's monthly estimate within its budget"
            : "the monthly estimate within the stack's budget",
        severity,
        where,
        "seed 003 budgets (staging $450; prod $4000), seed 004 budget (dev $100-200)",
        List.of(Types.BUDGET),
        (budget, ctx) -> problems(budget, ctx.estimate().orElse(0)));
  }

  static List<Problem> problems(RecordedResource budget, double estimate) {
    double limit = In.text(budget, "limitAmount").map(Double::parseDouble).orElse(0.0);
    return Problems.of(budget)
        .require(
            estimate <= limit,
            "limit",
            String.format(
                Locale.ROOT,
                "is $%,.2f a month, and the estimate is $%,.2f (%.0f%% of it)",
                limit,
                estimate,
                limit > 0 ? 100 * estimate / limit : 0),
            "lower the estimate (the cost section says what each resource costs) or raise"
                + " plinth:cost.budgetMonthlyUsd")
        .list();
  }
}
