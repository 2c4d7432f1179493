package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;

/** Pure checks of {@code plinth:cost}. */
public final class CostValidation {
  private CostValidation() {}

  public static List<ConfigProblem> validate(CostSettings s) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!(s.budgetMonthlyUsd() > 0)) {
      problems.add(
          ConfigProblem.of(
              "plinth:cost.budgetMonthlyUsd", "must be more than 0", s.budgetMonthlyUsd()));
    }
    nonNegative(problems, "trafficGbPerMonth", s.trafficGbPerMonth());
    nonNegative(problems, "albAverageLcus", s.albAverageLcus());
    nonNegative(problems, "wafRequestsMillionsPerMonth", s.wafRequestsMillionsPerMonth());
    nonNegative(problems, "logsGbPerMonth", s.logsGbPerMonth());
    nonNegative(problems, "s3GbStored", s.s3GbStored());
    nonNegative(problems, "backupCopyGb", s.backupCopyGb());
    nonNegative(problems, "cdnRequestsMillionsPerMonth", s.cdnRequestsMillionsPerMonth());
    nonNegative(problems, "cdnTransferGbPerMonth", s.cdnTransferGbPerMonth());
    nonNegative(problems, "clientVpnConnectionHoursPerMonth", s.clientVpnConnectionHoursPerMonth());
    if (s.spotDiscountPercent() < 0 || s.spotDiscountPercent() > 90) {
      problems.add(
          ConfigProblem.of(
              "plinth:cost.spotDiscountPercent",
              "must be between 0 and 90",
              s.spotDiscountPercent()));
    }
    return problems;
  }

  private static void nonNegative(List<ConfigProblem> problems, String key, double value) {
    if (value < 0) {
      problems.add(ConfigProblem.of("plinth:cost." + key, "must be 0 or more", value));
    }
  }
}
