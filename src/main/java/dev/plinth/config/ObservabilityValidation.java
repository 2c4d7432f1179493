package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Pure checks of {@code plinth:observability}. */
public final class ObservabilityValidation {

  /**
   * The retention periods CloudWatch Logs accepts (PutRetentionPolicy, retentionInDays), from the
   * CloudWatch Logs API reference.
   */
  public static final Set<Integer> LOG_RETENTION_DAYS =
      new TreeSet<>(
          List.of(
              1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
              2922, 3288, 3653));

  private static final String KEY = "plinth:observability";

  private ObservabilityValidation() {}

  private static void retention(String name, int days, List<ConfigProblem> problems) {
    retention(KEY + "." + name, days).ifPresent(problems::add);
  }

  /**
   * A problem when {@code days} is not a retention CloudWatch Logs accepts; {@code key} in full.
   */
  public static java.util.Optional<ConfigProblem> retention(String key, int days) {
    if (!LOG_RETENTION_DAYS.contains(days)) {
      return java.util.Optional.of(
          ConfigProblem.of(
              key,
              "must be one of the periods CloudWatch Logs accepts: "
                  + LOG_RETENTION_DAYS.stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(", ")),
              days));
    }
    return java.util.Optional.empty();
  }

  public static List<ConfigProblem> validate(ObservabilitySettings settings) {
    List<ConfigProblem> problems = new ArrayList<>();
    retention("logRetentionDays", settings.logRetentionDays(), problems);
    retention("applicationLogRetentionDays", settings.applicationLogRetentionDays(), problems);
    return problems;
  }
}
