package dev.plinth.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.Environment;
import dev.plinth.config.ObservabilitySettings;
import dev.plinth.config.ObservabilityValidation;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Policy;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defects 5, 10a and 15a: the three stacks share one account and region (docs/deploy.md), so an
 * account singleton (the GuardDuty detector, the cost allocation tag's activation) is created by
 * one of them only, and alerts reach someone.
 */
class AccountSingletonsTest {
  static final List<String> STACKS = List.of("dev", "staging", "prod");

  private static List<RecordedResource> across(String type) {
    List<RecordedResource> all = new ArrayList<>();
    STACKS.forEach(env -> all.addAll(Plans.ofStack(env).ofType(type)));
    return all;
  }

  @Test
  void onlyOneOfTheStacksInAnAccountCreatesTheGuardDutyDetector() {
    List<RecordedResource> detectors = across("aws:guardduty/detector:Detector");

    assertThat(detectors)
        .as("GuardDuty detectors across dev, staging and prod (one per account and region)")
        .extracting(RecordedResource::name)
        .containsExactly("prod-audit-guardduty");
    assertThat(detectors.get(0).text("tags.plinth:account-singleton"))
        .isEqualTo("guardduty-detector");
    assertThat(Plans.ofStack("staging").outputs().at("/accountSingletons/guardDuty").asText())
        .isEqualTo("existing");
  }

  @Test
  void guardDutyExistingCreatesNothingAndAnUnknownValueIsRefused() {
    ResourceGraph plan =
        Plans.of(
            Plans.config("prod", Map.of("plinth:observability", Map.of("guardDuty", "existing"))));
    assertThat(plan.ofType("aws:guardduty/detector:Detector")).isEmpty();

    ConfigException error =
        catchThrowableOfType(
            () -> Plans.config("prod", Map.of("plinth:observability", Map.of("guardDuty", true))),
            ConfigException.class);
    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("plinth:observability.guardDuty");
  }

  @Test
  void theEnvironmentTagTheBudgetsFilterOnIsActivatedOnceInTheAccount() {
    List<RecordedResource> activations =
        across("aws:costexplorer/costAllocationTag:CostAllocationTag");

    assertThat(activations)
        .as("activations of the Environment cost allocation tag across the three stacks")
        .extracting(RecordedResource::name)
        .containsExactly("prod-budget-environment-tag");
    assertThat(activations.get(0).text("tagKey")).isEqualTo("Environment");
    assertThat(activations.get(0).text("status")).isEqualTo("Active");
    for (String env : STACKS) {
      RecordedResource budget =
          Plans.ofStack(env).get("aws:budgets/budget:Budget", env + "-budget-monthly");
      assertThat(budget.text("costFilters.0.values.0"))
          .as("budget of %s filters on the activated tag", env)
          .isEqualTo("user:Environment$" + env);
    }
    ResourceGraph prod = Plans.ofStack("prod");
    assertThat(prod.get("aws:budgets/budget:Budget", "prod-budget-monthly").dependencies())
        .as("prod's budget is created even while AWS does not yet list the tag for activation")
        .doesNotContain(activations.get(0).urn());
    assertThat(activations.get(0).retainOnDelete())
        .as("destroying the owner leaves the tag active for the account's other budgets")
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "prod"})
  void theAlertTopicOfStagingAndProdHasASubscription(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.ofType("aws:sns/topicSubscription:TopicSubscription"))
        .as("subscriptions of %s-monitoring-alerts", env)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.text("protocol")).isEqualTo("email"));
  }

  @Test
  void anAlertTopicWithoutSubscriptionFailsAMandatoryRuleOutsideDev() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "staging", Map.of("plinth:observability", Map.of("alertEmails", List.of()))));

    assertThat(Policy.evaluate(plan, Environment.STAGING).mandatoryFailures())
        .as("mandatory failures of staging without alert subscriptions")
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo("DEP-44");
              assertThat(f.resourceName()).isEqualTo("staging-monitoring-alerts");
            });
    assertThat(
            Policy.evaluate(Plans.ofStack("staging"), Environment.STAGING)
                .verdict("DEP-44", "staging-monitoring-alerts"))
        .as("the staging stack file's subscription passes DEP-44")
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void anAddressSnsCannotUseIsAConfigurationError() {
    ConfigException error =
        catchThrowableOfType(
            () ->
                Plans.config(
                    "prod",
                    Map.of("plinth:observability", Map.of("alertEmails", List.of("on call")))),
            ConfigException.class);

    assertThat(error).isNotNull();
    assertThat(error.problems().stream().map(ConfigProblem::message))
        .containsExactly(
            "plinth:observability.alertEmails[0] must be an email address like"
                + " team@your-company.com (got on call)");
  }

  @Test
  void thePlaceholderAddressIsRefusedWhenDeploying() {
    ObservabilitySettings staging = Plans.stackFile("staging").observability();

    assertThat(staging.alertEmails()).containsExactly(ObservabilitySettings.PLACEHOLDER_EMAIL);
    assertThat(ObservabilityValidation.forDeployment(staging))
        .extracting(ConfigProblem::message)
        .singleElement()
        .asString()
        .startsWith("plinth:observability.alertEmails[0] is a placeholder at a reserved domain")
        .endsWith("(got platform-alerts@example.com)");
    assertThat(
            ObservabilityValidation.forDeployment(
                Plans.config(
                        "prod",
                        Map.of(
                            "plinth:observability",
                            Map.of("alertEmails", List.of("oncall@plinth.dev"))))
                    .observability()))
        .isEmpty();
  }
}
