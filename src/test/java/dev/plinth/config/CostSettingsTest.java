package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostSettingsTest {

  @ParameterizedTest(name = "{0}: budget {1}")
  @CsvSource({"dev, 200", "staging, 450", "prod, 4000"})
  void budgetsDefaultToIssue7sFigures(String env, double budget) {
    assertThat(Plans.config(env).cost().budgetMonthlyUsd()).isEqualTo(budget);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "budgetMonthlyUsd | 0 | plinth:cost.budgetMonthlyUsd must be more than 0 (got 0.0)",
        "trafficGbPerMonth | -1 | plinth:cost.trafficGbPerMonth must be 0 or more (got -1.0)",
        "logsGbPerMonth | -5 | plinth:cost.logsGbPerMonth must be 0 or more (got -5.0)",
        "s3GbStored | -0.5 | plinth:cost.s3GbStored must be 0 or more (got -0.5)",
        "albAverageLcus | -2 | plinth:cost.albAverageLcus must be 0 or more (got -2.0)",
        "wafRequestsMillionsPerMonth | -3 | plinth:cost.wafRequestsMillionsPerMonth must be 0 or more (got -3.0)",
        "spotDiscountPercent | 95 | plinth:cost.spotDiscountPercent must be between 0 and 90 (got 95.0)",
        "backupCopyGb | -1 | plinth:cost.backupCopyGb must be 0 or more (got -1.0)",
      })
  void badCostSettingsAreRefusedNamingKeyAndValue(String key, double value, String message) {
    assertThat(Plans.refusal("dev", Map.of("plinth:cost", Map.of(key, value))))
        .containsExactly(message);
  }

  @ParameterizedTest(name = "{0} = {1} is allowed")
  @CsvSource({
    "spotDiscountPercent, 0",
    "spotDiscountPercent, 90",
    "trafficGbPerMonth, 0",
    "albAverageLcus, 0",
    "wafRequestsMillionsPerMonth, 0",
    "logsGbPerMonth, 0",
    "s3GbStored, 0",
    "backupCopyGb, 0",
    "budgetMonthlyUsd, 0.01"
  })
  void theBoundsOfCostSettingsAreAllowed(String key, double value) {
    CostSettings cost = Plans.config("dev", Map.of("plinth:cost", Map.of(key, value))).cost();

    assertThat(
            ConfigView.of(Plans.config("dev", Map.of("plinth:cost", Map.of(key, value))))
                .get("plinth:cost." + key)
                .doubleValue())
        .as("%s of %s", key, cost)
        .isEqualTo(value);
  }

  @ParameterizedTest(name = "spotDiscountPercent = {0}")
  @CsvSource({"-0.5, -0.5", "90.5, 90.5"})
  void aSpotDiscountJustOutsideTheBoundsIsRefused(double value, String shown) {
    assertThat(Plans.refusal("dev", Map.of("plinth:cost", Map.of("spotDiscountPercent", value))))
        .containsExactly(
            "plinth:cost.spotDiscountPercent must be between 0 and 90 (got " + shown + ")");
  }
}
