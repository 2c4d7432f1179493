package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stack files written by hand or by {@code pulumi config set} hold booleans as text: "true" and
 * "false" are read as the booleans they name, any other text is refused.
 */
class TextValuesTest {

  @Test
  void textFalseIsFalse() {
    EdgeSettings edge =
        Plans.config(
                "dev", Map.of("plinth:edge", Map.of("httpOnly", "true", "aliasRecord", "false")))
            .edge();

    assertThat(edge.aliasRecord()).as("aliasRecord from \"false\"").isFalse();
  }

  @Test
  void textTrueIsTrue() {
    NetworkSettings network =
        Plans.config("prod", Map.of("plinth:network", Map.of("flowLogs", "false"))).network();
    EdgeSettings edge =
        Plans.config("dev", Map.of("plinth:edge", Map.of("httpOnly", "true"))).edge();

    assertThat(network.flowLogs()).as("flowLogs from \"false\"").isFalse();
    assertThat(edge.httpOnly()).as("httpOnly from \"true\"").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"True", "FALSE", "yes", "1"})
  void otherTextIsRefusedNamingKeyAndValue(String text) {
    assertThatThrownBy(
            () -> Plans.config("prod", Map.of("plinth:network", Map.of("flowLogs", text))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::message)
                    .containsExactly(
                        "plinth:network.flowLogs must be true or false (got " + text + ")"));
  }

  @Test
  void numbersWrittenAsTextAreRead() {
    PlatformConfig c =
        Plans.config(
            "prod",
            Map.of(
                "plinth:network", Map.of("azCount", "2"),
                "plinth:cost", Map.of("budgetMonthlyUsd", " 1234.5 ")));

    assertThat(c.network().azCount()).isEqualTo(2);
    assertThat(c.cost().budgetMonthlyUsd()).isEqualTo(1234.5);
  }
}
