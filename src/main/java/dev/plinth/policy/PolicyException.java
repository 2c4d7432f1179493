package dev.plinth.policy;

import dev.plinth.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A recorded exception: a rule that legitimately does not hold for some resources, with the reason.
 * Exceptions are data, not silence: the report shows each excepted verdict with its reason.
 *
 * @param ruleId the rule excepted
 * @param resourcePattern a glob over resource names ({@code *-edge-lb-sg-in-*}); {@code *} matches
 *     any characters
 * @param environments where the exception holds
 * @param aspects the parts of the rule excepted ({@link Problem#aspect()}); empty for all of it
 * @param reason why the rule does not hold there
 */
public record PolicyException(
    String ruleId,
    String resourcePattern,
    Set<Environment> environments,
    Set<String> aspects,
    String reason) {

  public PolicyException {
    environments = Set.copyOf(environments);
    aspects = Set.copyOf(aspects);
  }

  public boolean matches(String rule, String resourceName, Environment environment) {
    return ruleId.equals(rule)
        && environments.contains(environment)
        && glob(resourcePattern).matcher(resourceName).matches();
  }

  /** Whether this exception covers a problem of a matching resource. */
  public boolean covers(Problem problem) {
    return aspects.isEmpty() || aspects.contains(problem.aspect());
  }

  static Pattern glob(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts));
  }
}
