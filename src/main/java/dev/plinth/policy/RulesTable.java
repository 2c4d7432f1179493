package dev.plinth.policy;

import dev.plinth.config.Environment;
import java.util.stream.Collectors;

/** The rules and exceptions as Markdown tables, for the README (a test keeps them in step). */
public final class RulesTable {
  private RulesTable() {}

  public static String rules() {
    StringBuilder out = new StringBuilder("| id | rule | severity | environments | anchors |\n");
    out.append("|---|---|---|---|---|\n");
    for (Rule r : Policy.rules()) {
      out.append(row(r)).append('\n');
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
    System.out.print(args.length > 0 && args[0].equals("exceptions") ? exceptions() : rules());
  }
}
