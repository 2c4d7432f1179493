package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.PlatformConfig;
import dev.plinth.diagram.Diagram;
import dev.plinth.diagram.DiagramWriter;
import dev.plinth.plan.PlanCommand;
import dev.plinth.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README is what a newcomer reads first; the reference pages under docs/ are checked against
 * the code here (the policy tables by RulesTableTest).
 */
class DocsTest {

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> pages() throws Exception {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** GitHub's anchor of a heading: lower case, punctuation but hyphens dropped, spaces hyphens. */
  static String anchor(String heading) {
    return heading.strip().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  @Test
  void theReadmeIsUnder250LinesWithAContentsListWhoseLinksResolve() {
    String readme = read("README.md");
    List<String> lines = readme.lines().toList();

    assertThat(lines).as("README lines").hasSizeLessThan(250);
    assertThat(readme).contains("\n## Contents\n");
    Set<String> anchors = new TreeSet<>();
    lines.stream()
        .filter(l -> l.startsWith("## ") || l.startsWith("### "))
        .forEach(l -> anchors.add(anchor(l.substring(l.indexOf(' ')))));
    String contents = readme.substring(readme.indexOf("## Contents"));
    contents = contents.substring(0, contents.indexOf("\n## ", 3));
    Matcher m = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(contents);
    int links = 0;
    while (m.find()) {
      links++;
      assertThat(anchors).as("README contents link #%s", m.group(1)).contains(m.group(1));
    }
    assertThat(links).as("links in the contents").isGreaterThanOrEqualTo(4);
  }

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsResolvesInsideTheRepository() throws Exception {
    for (Path page : pages()) {
      String text = Files.readString(page);
      assertThat(text).as("%s names a file outside the repository", page).doesNotContain("../");
      Matcher m = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(text);
      while (m.find()) {
        Path target = page.toAbsolutePath().getParent().resolve(m.group(1)).normalize();
        assertThat(target).as("link %s in %s", m.group(1), page).exists();
      }
    }
  }

  @Test
  void theReadmeTourShowsLinesThatAPlanOfProdPrints() {
    String readme = read("README.md");
    String tour = readme.substring(readme.indexOf("```text\n") + 8);
    tour = tour.substring(0, tour.indexOf("```"));
    var out = new ByteArrayOutputStream();
    int exit =
        PlanCommand.execute(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            "prod");
    assertThat(exit).isZero();
    String printed = out.toString(StandardCharsets.UTF_8).replaceAll("[ \\t]+", " ");

    int shown = 0;
    for (String line : tour.lines().toList()) {
      String l = line.replaceAll("[ \\t]+", " ");
      if (l.isBlank() || l.strip().equals("...")) {
        continue;
      }
      shown++;
      String expected = l.endsWith("...") ? l.substring(0, l.length() - 3).stripTrailing() : l;
      assertThat(printed).as("the tour's line '%s' in plan prod's output", line).contains(expected);
    }
    assertThat(shown).isGreaterThan(10);
  }

  @Test
  void thePlanPageDescribesEveryOptionOfThePlanCommand() {
    String page = read("docs/plan.md");
    var spec = new CommandLine(new PlanCommand(System.out, System.err)).getCommandSpec();

    for (var option : spec.options()) {
      for (String name : option.names()) {
        assertThat(page).as("docs/plan.md describes %s", name).contains("`" + name);
      }
    }
    assertThat(page).contains("`STACK`");
  }

  @Test
  void theSettingsPageHasARowForEveryKeyTheLoaderReads() {
    String page = read("docs/settings.md");
    for (var section : PlatformConfig.class.getRecordComponents()) {
      String name = section.getName();
      if (Set.of("stack", "region", "environment").contains(name)) {
        continue;
      }
      if (!section.getType().isRecord()) {
        assertThat(page)
            .as("docs/settings.md row for plinth:%s", name)
            .contains("| `plinth:" + name + "` |");
        continue;
      }
      String heading = "## `plinth:" + name + "`";
      assertThat(page).as("docs/settings.md section %s", heading).contains(heading);
      String body = page.substring(page.indexOf(heading) + heading.length());
      int next = body.indexOf("\n## ");
      body = next < 0 ? body : body.substring(0, next);
      // The first cells of the section's table rows: a key has a row of its own or shares one.
      List<String> firstCells =
          body.lines()
              .filter(l -> l.startsWith("| `"))
              .map(l -> l.substring(0, l.indexOf(" |", 2)))
              .toList();
      for (var key : section.getType().getRecordComponents()) {
        Pattern row = Pattern.compile("`" + Pattern.quote(key.getName()) + "[`.\\[]");
        assertThat(firstCells)
            .as("docs/settings.md, plinth:%s, a row for %s", name, key.getName())
            .anyMatch(cell -> row.matcher(cell).find());
      }
    }
  }

  @Test
  void theSettingsPageHoldsTheTableTheLoadersModelGenerates() {
    assertThat(read("docs/settings.md"))
        .as("docs/settings.md, All settings at a glance: regenerate with SettingsTable.markdown()")
        .contains("## All settings at a glance")
        .contains(dev.plinth.config.SettingsTable.markdown());
  }

  @Test
  void theOutputsPageListsExactlyTheOutputsOfThePlans() {
    String page = read("docs/outputs.md");
    Set<String> documented = new TreeSet<>();
    page.lines()
        .filter(l -> l.startsWith("| `"))
        .forEach(
            l -> {
              Matcher m =
                  Pattern.compile("`([A-Za-z]+)`").matcher(l.substring(0, l.indexOf(" |", 2)));
              while (m.find()) {
                documented.add(m.group(1));
              }
            });
    Set<String> exported = new TreeSet<>();
    for (String stack : List.of("dev", "staging", "prod", "prod-dr")) {
      JsonNode outputs = Plans.ofStack(stack).outputs();
      for (Iterator<String> it = outputs.fieldNames(); it.hasNext(); ) {
        exported.add(it.next());
      }
    }
    assertThat(documented).as("outputs in docs/outputs.md").isEqualTo(exported);
  }

  @Test
  void theProdDiagramFileIsWhatPlanProdDrawsToday() {
    String drawn = DiagramWriter.dot(Diagram.of(Plans.ofStack("prod")));

    // Line by line, in any order: within a cluster the nodes follow the order the resources
    // registered in, which the SDK's asynchronous registration does not fix from run to run.
    assertThat(read("docs/prod-diagram.dot").lines().sorted().toList())
        .as("docs/prod-diagram.dot: re-render it (docs/plan.md, Diagram)")
        .isEqualTo(drawn.lines().sorted().toList());
  }

  @Test
  void everyClassTheHandwrittenPageNamesExists() {
    String page = read("docs/handwritten.md");
    Matcher m = Pattern.compile("`([a-z]+)/([A-Z][A-Za-z]+)`").matcher(page);
    int named = 0;
    while (m.find()) {
      named++;
      assertThat(Path.of("src/main/java/dev/plinth", m.group(1), m.group(2) + ".java"))
          .as("docs/handwritten.md names %s/%s", m.group(1), m.group(2))
          .exists();
    }
    assertThat(named).isGreaterThanOrEqualTo(5);
  }

  /** The seed numbers a text cites: "seed 004", "seeds 000, 001", "seeds 000-002". */
  static Set<String> seedsCited(String text) {
    Set<String> seeds = new TreeSet<>();
    Matcher m = Pattern.compile("(?i)seeds? (00\\d(?:(?:, | and |-)00\\d)*)").matcher(text);
    while (m.find()) {
      String list = m.group(1);
      Matcher range = Pattern.compile("(00\\d)-(00\\d)").matcher(list);
      while (range.find()) {
        for (int i = Integer.parseInt(range.group(1)); i <= Integer.parseInt(range.group(2)); i++) {
          seeds.add(String.format("%03d", i));
        }
      }
      Matcher one = Pattern.compile("00\\d").matcher(list);
      while (one.find()) {
        seeds.add(one.group());
      }
    }
    return seeds;
  }

  @Test
  void everySeedCitedInTheCodeStackFilesAndDocsHasItsSectionOnTheRequirementsPage()
      throws Exception {
    String page = read("docs/requirements.md");
    Set<String> cited = new TreeSet<>();
    List<Path> files = new ArrayList<>(pages());
    try (Stream<Path> main = Files.walk(Path.of("src/main"));
        Stream<Path> root = Files.list(Path.of(""))) {
      main.filter(Files::isRegularFile).forEach(files::add);
      root.filter(p -> p.getFileName().toString().matches("Pulumi\\..*\\.yaml"))
          .forEach(files::add);
    }
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(text)
          .as("%s names a file outside the repository", file)
          .doesNotContain("../shared");
      cited.addAll(seedsCited(text));
    }

    assertThat(cited).as("seeds cited").contains("000", "001", "002", "003", "004");
    for (String seed : cited) {
      assertThat(page)
          .as("docs/requirements.md, the section of seed %s with its file name", seed)
          .containsPattern("\n## Seed " + seed + "\n\n`" + seed + "_[0-9a-f]{16}\\.txt`");
      String body = page.substring(page.indexOf("## Seed " + seed));
      int next = body.indexOf("\n## ", 3);
      body = next < 0 ? body : body.substring(0, next);
      assertThat(body.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| figure")))
          .as("figures of seed %s, each with its section", seed)
          .isNotEmpty()
          .allSatisfy(
              l ->
                  assertThat(l.split(" \\| "))
                      .hasSize(3)
                      .allSatisfy(c -> assertThat(c.strip()).isNotEmpty()));
    }
  }
}
