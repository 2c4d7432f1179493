package dev.plinth.observability;

import com.pulumi.aws.budgets.BudgetArgs;
import com.pulumi.aws.budgets.inputs.BudgetCostFilterArgs;
import com.pulumi.aws.budgets.inputs.BudgetNotificationArgs;
import com.pulumi.aws.costexplorer.CostAllocationTag;
import com.pulumi.aws.costexplorer.CostAllocationTagArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A monthly AWS cost budget for this environment, filtered to its {@code Environment} tag, with
 * notifications at 50%, 80% and 100% of actual spend and 100% of forecast (seed 004).
 *
 * <p>The filter counts only once {@code Environment} is an active cost allocation tag (AWS Billing
 * user guide, "Using user-defined cost allocation tags"; budgets 2016-10-20 Budget, CostFilters
 * TagKeyValue {@code user:<key>$<value>}). Activation (ce 2017-10-25
 * UpdateCostAllocationTagsStatus, Status Active; Pulumi {@code aws.costexplorer.CostAllocationTag})
 * is account-wide, so one stack owns it ({@code plinth:observability.costAllocationTag: activate})
 * and the others say {@code existing}. AWS lists a tag key for activation only after resources
 * carry it, up to 24 hours later (AWS Billing user guide, "Using user-defined cost allocation
 * tags"): an owner's very first {@code pulumi up} can fail on the activation, and succeeds once the
 * key has appeared. The budget does not wait for the activation (CreateBudget needs no active tag),
 * so it exists from the first run. The activation is retained on delete: the provider's delete sets
 * the tag Inactive (terraform-provider-aws {@code cost_allocation_tag.go}), which would blind every
 * other stack's budget in the account when its owner is destroyed or hands it over.
 */
public final class Budget extends Component {
  public static final String TYPE = "plinth:observability:Budget";

  /** Seed 004: alert at 50%, 80%, 100% of budget. */
  static final List<Double> ACTUAL_THRESHOLDS = List.of(50.0, 80.0, 100.0);

  static final double FORECAST_THRESHOLD = 100.0;

  /** The tag the budget filters on; the AWS providers' default tags put it on every resource. */
  public static final String TAG_KEY = "Environment";

  /**
   * @param environment the environment whose costs the budget counts (the {@value #TAG_KEY} tag)
   * @param stack the stack, whose name the budget's name carries ({@code plinth-<stack>-monthly}):
   *     a primary and its standby are two stacks of one environment in one account
   */
  public record Args(
      String environment,
      String stack,
      double limitUsd,
      List<String> emails,
      Output<String> alertTopicArn,
      boolean activateTag) {}

  private final com.pulumi.aws.budgets.Budget budget;

  public Budget(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    List<BudgetNotificationArgs> notifications = new ArrayList<>();
    ACTUAL_THRESHOLDS.forEach(t -> notifications.add(notification("ACTUAL", t, args)));
    notifications.add(notification("FORECASTED", FORECAST_THRESHOLD, args));
    if (args.activateTag()) {
      new CostAllocationTag(
          child("environment-tag"),
          CostAllocationTagArgs.builder().tagKey(TAG_KEY).status("Active").build(),
          com.pulumi.resources.CustomResourceOptions.builder()
              .parent(this)
              .retainOnDelete(true)
              .build());
    }
    budget =
        new com.pulumi.aws.budgets.Budget(
            child("monthly"),
            BudgetArgs.builder()
                .name("plinth-" + args.stack() + "-monthly")
                .budgetType("COST")
                .timeUnit("MONTHLY")
                .limitAmount(String.format(java.util.Locale.ROOT, "%.2f", args.limitUsd()))
                .limitUnit("USD")
                .costFilters(
                    BudgetCostFilterArgs.builder()
                        .name("TagKeyValue")
                        .values("user:" + TAG_KEY + "$" + args.environment())
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
