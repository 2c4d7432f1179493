package dev.plinth.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget built alone, from a hand-made alert topic. */
class BudgetTest {
  static final String BUDGET = "aws:budgets/budget:Budget";
  static final String TAG = "aws:costexplorer/costAllocationTag:CostAllocationTag";
  static final String TOPIC = "arn:aws:sns:us-east-1:" + Handles.ACCOUNT + ":test-alerts";

  static ResourceGraph build(List<String> emails, boolean activateTag) {
    return Handles.build(
        ctx ->
            new Budget(
                "test-budget",
                new Budget.Args(
                    "staging", "staging", 1234.5, emails, Output.of(TOPIC), activateTag),
                ComponentResourceOptions.builder().build()));
  }

  @Test
  void everyNotificationGoesToTheGivenTopicAndTheEmails() {
    RecordedResource budget =
        build(List.of("ops@example.com"), false).get(BUDGET, "test-budget-monthly");

    JsonNode notifications = budget.input("notifications").orElseThrow();
    assertThat(notifications).as("notifications of %s", budget).hasSize(4);
    for (JsonNode notification : notifications) {
      assertThat(notification.at("/subscriberSnsTopicArns/0").asText())
          .as("topic of %s's notification %s", budget, notification)
          .isEqualTo(TOPIC);
      assertThat(notification.at("/subscriberEmailAddresses/0").asText())
          .as("email of %s's notification %s", budget, notification)
          .isEqualTo("ops@example.com");
    }
  }

  @Test
  void theBudgetCountsOnlyTheEnvironmentsTagAndItsLimitInDollarsAndCents() {
    RecordedResource budget = build(List.of(), false).get(BUDGET, "test-budget-monthly");

    assertThat(budget.text("name")).as("name of %s", budget).isEqualTo("plinth-staging-monthly");
    assertThat(budget.text("limitAmount")).as("limit of %s", budget).isEqualTo("1234.50");
    assertThat(budget.text("costFilters.0.values.0"))
        .as("filter of %s", budget)
        .isEqualTo("user:Environment$staging");
  }

  @Test
  void theTagIsActivatedOnlyWhenAskedAndKeptOnDelete() {
    assertThat(build(List.of(), false).ofType(TAG)).as("activation when not asked").isEmpty();

    RecordedResource tag = build(List.of(), true).get(TAG, "test-budget-environment-tag");
    assertThat(tag.text("tagKey")).as("key of %s", tag).isEqualTo(Budget.TAG_KEY);
    assertThat(tag.retainOnDelete()).as("retainOnDelete of %s", tag).isTrue();
  }
}
