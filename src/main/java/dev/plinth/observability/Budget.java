package dev.plinth.observability;

import com.pulumi.aws.budgets.BudgetArgs;
import com.pulumi.aws.budgets.inputs.BudgetCostFilterArgs;
import com.pulumi.aws.budgets.inputs.BudgetNotificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A monthly AWS cost budget for this environment, filtered to its {@code Environment} tag, with
 * notifications at 50%, 80% and 100% of actual spend and 100% of forecast (seed 004).
 */
public final class Budget extends Component {
  public static final String TYPE = "plinth:observability:Budget";

  /** Seed 004: alert at 50%, 80%, 100% of budget. */
  static final List<Double> ACTUAL_THRESHOLDS = List.of(50.0, 80.0, 100.0);

  static final double FORECAST_THRESHOLD = 100.0;

  public record Args(
      String environment, double limitUsd, List<String> emails, Output<String> alertTopicArn) {}

  private final com.pulumi.aws.budgets.Budget budget;

  public Budget(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    List<BudgetNotificationArgs> notifications = new ArrayList<>();
    ACTUAL_THRESHOLDS.forEach(t -> notifications.add(notification("ACTUAL", t, args)));
    notifications.add(notification("FORECASTED", FORECAST_THRESHOLD, args));
    budget =
        new com.pulumi.aws.budgets.Budget(
            child("monthly"),
            BudgetArgs.builder()
                .name("plinth-" + args.environment() + "-monthly")
                .budgetType("COST")
                .timeUnit("MONTHLY")
                .limitAmount(String.format(java.util.Locale.ROOT, "%.2f", args.limitUsd()))
                .limitUnit("USD")
                .costFilters(
                    BudgetCostFilterArgs.builder()
                        .name("TagKeyValue")
                        .values("user:Environment$" + args.environment())
                        .build())
                .notifications(notifications)
                .build(),
            childOptions());
    registerOutputs(Map.of("budgetName", budget.name()));
  }

  private static BudgetNotificationArgs notification(String type, double threshold, Args args) {
    var builder =
        BudgetNotificationArgs.builder()
            .notificationType(type)
            .comparisonOperator("GREATER_THAN")
            .threshold(threshold)
            .thresholdType("PERCENTAGE")
            .subscriberSnsTopicArns(args.alertTopicArn().applyValue(List::of));
    if (!args.emails().isEmpty()) {
      builder.subscriberEmailAddresses(args.emails());
    }
    return builder.build();
  }

  public Output<String> budgetName() {
    return budget.name();
  }
}
