package dev.plinth.timing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateTimesTest {
  /** How old a row's source may be before the table must be read again: a year. */
  static final long MAX_AGE_DAYS = 365;

  private final CreateTimes table = CreateTimes.standard();

  @Test
  void everyRowWasReadWithinAYearOfTodayAndNotInTheFuture() {
    LocalDate today = LocalDate.now();
    for (CreateTimes.Row row : table.all()) {
      assertThat(ChronoUnit.DAYS.between(row.date(), today))
          .as(
              "create-times.csv %s %s: read on %s; read its source again",
              row.type(), row.variant(), row.date())
          .isBetween(0L, MAX_AGE_DAYS);
    }
  }

  @Test
  void everyRowCitesASourceOrSaysItIsADefault() {
    for (CreateTimes.Row row : table.all()) {
      assertThat(row.isDefault() || row.source().matches(".*\\(.+\\).*"))
          .as(
              "create-times.csv %s %s: source '%s' names no reference",
              row.type(), row.variant(), row.source())
          .isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyTypeAStackCreatesHasItsOwnRow(String stack) {
    ResourceGraph graph = Plans.ofStack(stack);
    Set<String> missing = new TreeSet<>();
    for (RecordedResource r : graph.resources()) {
      if (table.of(r).isPresent() && !table.lists(r.type())) {
        missing.add(r.type());
      }
    }
    assertThat(missing).as("types of plan %s timed only by the * row", stack).isEmpty();
  }

  @Test
  void prodsMultiAzPrimaryAndReadReplicaAndAddOnsTakeTheirVariantsRow() {
    ResourceGraph prod = Plans.ofStack("prod");
    RecordedResource primary = prod.get("aws:rds/instance:Instance", "prod-db-primary");
    RecordedResource replica = prod.get("aws:rds/instance:Instance", "prod-db-replica-1");
    RecordedResource coredns = prod.get("aws:eks/addon:Addon", "prod-cluster-coredns");
    RecordedResource proxy = prod.get("aws:eks/addon:Addon", "prod-cluster-kube-proxy");

    assertThat(table.of(primary).orElseThrow().variant()).isEqualTo("multiAz");
    assertThat(table.of(replica).orElseThrow().variant()).isEqualTo("replica");
    assertThat(table.of(coredns).orElseThrow().variant()).isEqualTo("coredns");
    assertThat(table.of(proxy).orElseThrow().variant()).isEmpty();
  }

  /** docs/plan.md's "Deploy time" section, up to the next section. */
  static String docsSection() throws java.io.IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/plan.md"));
    int from = doc.indexOf("### Deploy time");
    assertThat(from).as("docs/plan.md has a Deploy time section").isPositive();
    return doc.substring(from, doc.indexOf("\n### ", from + 1));
  }

  @Test
  void docsPlanMdNamesEveryTypeOfTheTable() throws Exception {
    String section = docsSection();
    for (CreateTimes.Row row : table.all()) {
      if (!row.type().equals(CreateTimes.ANY)) {
        assertThat(section)
            .as("docs/plan.md, Deploy time: the table's type %s", row.type())
            .contains("`" + row.type() + "`");
      }
    }
  }

  @Test
  void docsPlanMdShowsWhatPlanProdPrints() throws Exception {
    var run = dev.plinth.plan.PlanCommandAccess.plan(dev.plinth.Fit.DEFAULT, "prod");
    String out = run.out();
    int from = out.indexOf("Deploy time (");
    int to = out.indexOf("\n", out.indexOf("resource types timed by a stated default", from));
    String printed = out.substring(from, to);

    assertThat(docsSection())
        .as(
            "docs/plan.md's example of plan prod's Deploy time part (copy it from ./plinth plan prod)")
        .contains(printed);
  }

  @Test
  void theStackAndComponentsCreateNothingAndTakeNoRow() {
    ResourceGraph prod = Plans.ofStack("prod");
    List<RecordedResource> components =
        prod.where(r -> !r.custom() && !r.type().startsWith("pulumi:providers:"));

    assertThat(components).isNotEmpty();
    assertThat(components).allMatch(r -> table.of(r).isEmpty());
  }
}
