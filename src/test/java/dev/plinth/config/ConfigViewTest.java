package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's {@code config} view: each setting under its flat key, as the JSON kind it is. */
class ConfigViewTest {
  /**
   * Built anew for each test, never held in a static field: PIT runs each mutant in a JVM that has
   * run the tests before, and a view built by earlier code would hide the mutant.
   */
  private static ObjectNode prod() {
    return ConfigView.of(
        Plans.config(
            "prod",
            Map.of(
                "plinth:network",
                Map.of("availabilityZoneIds", List.of("use1-az1", "use1-az2", "use1-az4")),
                "plinth:secrets",
                Map.of("app", Map.of("STRIPE_API_KEY", Map.of("secure", "v1:c2VjcmV0"))))));
  }

  private static JsonNode at(String key) {
    ObjectNode view = prod();
    assertThat(view.has(key)).as("the view has %s", key).isTrue();
    return view.get(key);
  }

  @Test
  void enumsShowTheirKeyAsText() {
    assertThat(at("plinth:network.natGateways").getNodeType()).isEqualTo(JsonNodeType.STRING);
    assertThat(at("plinth:network.natGateways").asText()).isEqualTo("perAz");
    assertThat(at("plinth:environment").asText()).isEqualTo("prod");
  }

  @Test
  void wholeNumbersShowAsIntegers() {
    assertThat(at("plinth:network.azCount").isInt()).as("azCount is an int").isTrue();
    assertThat(at("plinth:network.azCount").intValue()).isEqualTo(3);
  }

  @Test
  void decimalNumbersShowAsDoubles() {
    assertThat(at("plinth:cost.budgetMonthlyUsd").isDouble()).as("budget is a double").isTrue();
    assertThat(at("plinth:cost.budgetMonthlyUsd").doubleValue()).isEqualTo(4000.0);
  }

  @Test
  void booleansShowAsBooleans() {
    assertThat(at("plinth:network.flowLogs").getNodeType()).isEqualTo(JsonNodeType.BOOLEAN);
    assertThat(at("plinth:network.flowLogs").booleanValue()).isTrue();
  }

  @Test
  void listsShowAsArraysOfTheirValues() {
    assertThat(at("plinth:network.availabilityZoneIds").isArray()).isTrue();
    assertThat(at("plinth:network.availabilityZoneIds"))
        .extracting(JsonNode::asText)
        .containsExactly("use1-az1", "use1-az2", "use1-az4");
  }

  @Test
  void nestedRecordsAreFlattenedToDottedKeys() {
    assertThat(at("plinth:network.publicSubnets.prefixLength").intValue()).isEqualTo(24);
    assertThat(at("plinth:network.privateSubnets.firstIndex").intValue()).isEqualTo(11);
  }

  @Test
  void unsetValuesShowAsJsonNull() {
    assertThat(at("plinth:edge.certificateArn").isNull()).as("certificateArn is null").isTrue();
  }

  @Test
  void secretsShowMaskedNeverTheirValue() {
    assertThat(at("plinth:secrets.app.STRIPE_API_KEY").asText()).isEqualTo(Secret.MASK);
    assertThat(prod().toString()).doesNotContain("v1:c2VjcmV0");
  }

  @Test
  void theRegionAndAccountComeFirst() {
    assertThat(prod().fieldNames().next()).isEqualTo("aws:region");
    assertThat(at("aws:region").asText()).isEqualTo("us-east-1");
    assertThat(at(AccountValidation.KEY).asText()).isEqualTo(PlatformConfig.DEFAULT_ACCOUNT);
  }

  @Test
  void everyValueOfTheProdPresetHasAJsonKindNoneIsAStringifiedObject() {
    prod()
        .fields()
        .forEachRemaining(
            e ->
                assertThat(e.getValue().asText())
                    .as("value of %s", e.getKey())
                    .doesNotContain("Settings[")
                    .doesNotContain("@"));
  }
}
