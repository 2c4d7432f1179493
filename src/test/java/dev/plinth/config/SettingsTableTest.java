package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings table read from the loader's model: keys, types and defaults per environment. */
class SettingsTableTest {

  static SettingsTable.Row row(String key) {
    return SettingsTable.rows().stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key));
  }

  @Test
  void theRequiredKeysComeFirstThenEverySettingWithItsTypeAndPresets() {
    List<SettingsTable.Row> rows = SettingsTable.rows();

    assertThat(rows.get(0).key()).isEqualTo("aws:region");
    assertThat(rows.get(1).key()).isEqualTo("plinth:environment");
    assertThat(rows.get(1).type()).isEqualTo("dev|staging|prod");
    assertThat(rows.get(0).defaults())
        .containsOnlyKeys(Environment.values())
        .containsValue("(required)");
    assertThat(row("plinth:network.azCount").type()).isEqualTo("int");
    assertThat(row("plinth:network.azCount").defaults())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Environment.DEV, "2", Environment.STAGING, "3", Environment.PROD, "3"));
    assertThat(row("plinth:network.natGateways").type()).isEqualTo("single|perAz");
    assertThat(row("plinth:network.natGateways").defaults().get(Environment.PROD))
        .isEqualTo("perAz");
    assertThat(row("plinth:observability.alertEmails").type()).isEqualTo("List<String>");
    assertThat(row("plinth:observability.alertEmails").defaults().get(Environment.DEV))
        .isEqualTo("[]");
    assertThat(rows).extracting(SettingsTable.Row::key).doesNotHaveDuplicates();
  }

  @Test
  void aMapsEntriesAreRowsOfTheirOwnInNameOrder() {
    List<String> charts =
        SettingsTable.rows().stream()
            .map(SettingsTable.Row::key)
            .filter(k -> k.startsWith("plinth:cluster.chartVersions."))
            .toList();

    assertThat(charts)
        .containsExactly(
            "plinth:cluster.chartVersions.aws-load-balancer-controller",
            "plinth:cluster.chartVersions.cluster-autoscaler",
            "plinth:cluster.chartVersions.metrics-server");
    assertThat(SettingsTable.mapEntry("plinth:cluster.chartVersions.cluster-autoscaler")).isTrue();
    assertThat(SettingsTable.mapEntry("plinth:network.azCount")).isFalse();
    assertThat(SettingsTable.typeOf("plinth:cluster.chartVersions.cluster-autoscaler"))
        .isEqualTo("String");
    assertThat(row("plinth:cluster.chartVersions.cluster-autoscaler").defaults())
        .containsValue("9.55.1");
  }

  @Test
  void valuesAreWrittenAsAStackFileWouldWriteThem() {
    var f = JsonNodeFactory.instance;

    assertThat(SettingsTable.text((com.fasterxml.jackson.databind.JsonNode) null)).isEqualTo("-");
    assertThat(SettingsTable.text(f.nullNode())).isEqualTo("(unset)");
    assertThat(SettingsTable.text(f.textNode(""))).isEqualTo("\"\"");
    assertThat(SettingsTable.text(f.textNode("perAz"))).isEqualTo("perAz");
    assertThat(SettingsTable.text(f.numberNode(3))).isEqualTo("3");
    assertThat(SettingsTable.text(f.booleanNode(true))).isEqualTo("true");
  }

  @Test
  void theMarkdownEscapesPipesAndHasOneRowPerSetting() {
    String md = SettingsTable.markdown();
    List<String> lines = md.lines().toList();

    assertThat(lines.get(0)).isEqualTo("| key | type | dev | staging | prod |");
    assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|");
    assertThat(lines).hasSize(SettingsTable.rows().size() + 2);
    assertThat(lines)
        .contains("| `plinth:network.natGateways` | single\\|perAz | single | single | perAz |")
        .contains("| `plinth:network.azCount` | int | 2 | 3 | 3 |");
  }

  @Test
  void withAStackItsValuesFollowAndWhatItsFileChangesIsMarked() {
    PlatformConfig prod =
        Plans.config(
            "prod",
            Map.of(
                "plinth:network",
                Map.of("azCount", 2),
                "plinth:observability",
                Map.of("alertEmails", List.of("a-very-long-address-for-alerts@plinth.dev"))));
    List<String> text = SettingsTable.text(prod);
    String header = text.get(0);
    String az =
        text.stream()
            .filter(l -> l.startsWith("plinth:network.azCount "))
            .findFirst()
            .orElseThrow();
    String nat =
        text.stream()
            .filter(l -> l.startsWith("plinth:network.natGateways "))
            .findFirst()
            .orElseThrow();
    String emails =
        text.stream()
            .filter(l -> l.startsWith("plinth:observability.alertEmails "))
            .findFirst()
            .orElseThrow();

    assertThat(header).startsWith("key").contains("prod (* set by its stack file)");
    assertThat(az.strip()).endsWith("2 *");
    assertThat(nat.strip()).endsWith("perAz").doesNotEndWith("*");
    assertThat(emails.strip())
        .as("a value wider than %d characters is cut", SettingsTable.VALUE_WIDTH)
        .endsWith("... *")
        .doesNotContain("plinth.dev");
    assertThat(SettingsTable.text((PlatformConfig) null).get(0))
        .doesNotContain("set by its stack file");
  }
}
