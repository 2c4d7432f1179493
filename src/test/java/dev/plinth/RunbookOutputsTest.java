package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/runbooks.md names only outputs that exist: every {@code pulumi stack output <name> -s
 * <stack>} must name an output of that stack's plan. Stacks are the stack files in the project; a
 * runbook step for a stack whose file is not here yet (prod-dr before it ships) is checked once the
 * file is.
 */
class RunbookOutputsTest {
  /** A reference: the output's name, then on the same line the stack. */
  static final Pattern REFERENCE =
      Pattern.compile("pulumi stack output (?:--json )?([A-Za-z<>]+)([^\\n`]*)");

  static final Pattern STACK = Pattern.compile("(?:-s|--stack) ([A-Za-z0-9<>-]+)");

  /** One reference to an output in a page, with the stack it names. */
  record Reference(String output, String stack, int line) {}

  static List<Reference> references(String page) {
    List<Reference> out = new ArrayList<>();
    String[] lines = page.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = REFERENCE.matcher(lines[i]);
      while (m.find()) {
        Matcher stack = STACK.matcher(m.group(2));
        out.add(new Reference(m.group(1), stack.find() ? stack.group(1) : null, i + 1));
      }
    }
    return out;
  }

  /**
   * What is wrong with a page's references: an output its stack's plan lacks, or no stack named.
   * {@code outputsOf} gives a stack's outputs, empty when the project has no file for it.
   */
  static List<String> problems(String page, Function<String, Optional<Set<String>>> outputsOf) {
    List<String> problems = new ArrayList<>();
    for (Reference r : references(page)) {
      if (r.output().startsWith("<")) {
        continue; // the page's own placeholder, `pulumi stack output <name> -s <stack>`
      }
      if (r.stack() == null) {
        problems.add(
            "line " + r.line() + ": pulumi stack output " + r.output() + " names no stack (-s)");
        continue;
      }
      outputsOf
          .apply(r.stack())
          .filter(outputs -> !outputs.contains(r.output()))
          .ifPresent(
              outputs ->
                  problems.add(
                      "line "
                          + r.line()
                          + ": "
                          + r.output()
                          + " is not an output of "
                          + r.stack()
                          + " (its plan exports "
                          + outputs
                          + ")"));
    }
    return problems;
  }

  private static final Map<String, Optional<Set<String>>> OUTPUTS = new ConcurrentHashMap<>();

  /** A stack's outputs from its plan, when Pulumi.<stack>.yaml is in the project. */
  static Optional<Set<String>> outputsOf(String stack) {
    return OUTPUTS.computeIfAbsent(
        stack,
        s -> {
          if (!Files.isRegularFile(Path.of("Pulumi." + s + ".yaml"))) {
            return Optional.empty();
          }
          Set<String> names = new TreeSet<>();
          for (Iterator<String> it = Plans.ofStack(s).outputs().fieldNames(); it.hasNext(); ) {
            names.add(it.next());
          }
          return Optional.of(names);
        });
  }

  static String runbooks() throws IOException {
    return Files.readString(Path.of("docs/runbooks.md"));
  }

  @Test
  void everyOutputTheRunbooksNameExistsInItsStacksPlan() throws IOException {
    String page = runbooks();
    List<Reference> checked =
        references(page).stream()
            .filter(r -> r.stack() != null && outputsOf(r.stack()).isPresent())
            .toList();

    assertThat(problems(page, RunbookOutputsTest::outputsOf)).as("docs/runbooks.md").isEmpty();
    assertThat(checked)
        .as("references checked against a plan (the runbooks are built on outputs)")
        .hasSizeGreaterThan(10);
  }

  @Test
  void aMadeUpOutputOrAMissingStackFails() {
    String page =
        String.join(
            "\n",
            "aws rds reboot-db-instance --db-instance-identifier \"$(pulumi stack output dbIdentifier -s prod)\"",
            "aws rds describe-db-instances --db-instance-identifier \"$(pulumi stack output dbPrimaryName -s prod)\"",
            "aws eks describe-cluster --name \"$(pulumi stack output clusterName)\"",
            "aws rds promote-read-replica --db-instance-identifier \"$(pulumi stack output dbIdentifier -s prod-elsewhere)\"");

    assertThat(problems(page, RunbookOutputsTest::outputsOf))
        .containsExactly(
            "line 2: dbPrimaryName is not an output of prod (its plan exports "
                + outputsOf("prod").orElseThrow()
                + ")",
            "line 3: pulumi stack output clusterName names no stack (-s)");
  }
}
