package dev.plinth.policy;

import dev.plinth.config.Environment;
import java.util.stream.Collectors;

/**
 * The rules and exceptions as Markdown tables, for docs/policy.md (RulesTableTest keeps them in
 * step).
 */
public final class RulesTable {
  private RulesTable() {}

  /** The rules other than deployability's. */
  public static String rules() {
    StringBuilder out = new StringBuilder("| id | rule | severity | environments | anchors |\n");
    out.append("|---|---|---|---|---|\n");
    for (Rule r : Policy.rules()) {
      if (!r.deployability()) {
        out.append(row(r)).append('\n');
      }
    }
    return out.toString();
  }

  /** The deployability rules, each with the AWS rule it encodes and where that is documented. */
  public static String deployability() {
    StringBuilder out =
        new StringBuilder(
            "| id | rule | severity | environments | the AWS rule it encodes, where documented |\n");
    out.append("|---|---|---|---|---|\n");
    for (Rule r : Policy.rules()) {
      if (r.deployability()) {
        out.append(row(r)).append('\n');
      }
    }
    return out.toString();
  }

  static String row(Rule r) {
    String envs =
        r.environments().size() == Environment.values().length
            ? "all"
            : r.environments().stream()
                .sorted()
                .map(Environment::key)
                .collect(Collectors.joining(", "));
    return "| "
        + r.id()
        + " | "
        + r.title().replace("|", "/")
        + " | "
        + r.severity().key()
        + " | "
        + envs
        + " | "
        + String.join(", ", r.anchors())
        + " |";
  }

  public static String exceptions() {
    StringBuilder out =
        new StringBuilder("| rule | resources | environments | covers | reason |\n");
    out.append("|---|---|---|---|---|\n");
    for (PolicyException e : Exceptions.DEFAULT) {
      out.append(row(e)).append('\n');
    }
    return out.toString();
  }

  static String row(PolicyException e) {
    String envs =
        e.environments().size() == Environment.values().length
            ? "all"
            : e.environments().stream()
                .sorted()
                .map(Environment::key)
                .collect(Collectors.joining(", "));
    return "| "
        + e.ruleId()
        + " | `"
        + e.resourcePattern()
        + "` | "
        + envs
        + " | "
        + (e.aspects().isEmpty()
            ? "all of it"
            : e.aspects().stream().sorted().collect(Collectors.joining(", ")))
        + " | "
        + e.reason()
        + " |";
  }

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "rules";
    System.out.print(
        switch (which) {
          case "exceptions" -> exceptions();
          case "deployability" -> deployability();
          default -> rules();
        });
  }
}
