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

  /** Domains reserved for documentation (RFC 2606): placeholders, never a real inbox. */
  static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.org", "example.net");

  /** What SNS accepts as an email endpoint, roughly: one {@code @}, a dotted domain. */
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public static List<ConfigProblem> validate(ObservabilitySettings settings) {
    List<ConfigProblem> problems = new ArrayList<>();
    retention("logRetentionDays", settings.logRetentionDays(), problems);
    retention("applicationLogRetentionDays", settings.applicationLogRetentionDays(), problems);
    List<String> emails = settings.alertEmails();
    for (int i = 0; i < emails.size(); i++) {
      if (!EMAIL.matcher(emails.get(i)).matches()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".alertEmails[" + i + "]",
                "must be an email address like team@your-company.com",
                emails.get(i)));
      }
    }
    return problems;
  }

  /**
   * Checks that only matter when deploying: an address at a reserved domain (the stack files'
   * placeholder {@link ObservabilitySettings#PLACEHOLDER_EMAIL}) would subscribe nobody. The
   * offline plan accepts it.
   */
  public static List<ConfigProblem> forDeployment(ObservabilitySettings settings) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<String> emails = settings.alertEmails();
    for (int i = 0; i < emails.size(); i++) {
      String domain =
          emails
              .get(i)
              .substring(emails.get(i).indexOf('@') + 1)
              .toLowerCase(java.util.Locale.ROOT);
      if (RESERVED_DOMAINS.contains(domain)) {
        problems.add(
            ConfigProblem.of(
                KEY + ".alertEmails[" + i + "]",
                "is a placeholder at a reserved domain: before pulumi up, put the address of the"
                    + " team that answers this stack's alarms (each address confirms its"
                    + " subscription from the email SNS sends)",
                emails.get(i)));
      }
    }
    return problems;
  }
}
