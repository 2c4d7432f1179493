package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The words a stack file uses for each choice (the README's settings tables name the same), and the
 * small value types of the configuration.
 */
class KeyedValuesTest {

  static Stream<Arguments> choices() {
    return Stream.of(
        Arguments.of(NetworkSettings.NatGateways.class, List.of("single", "perAz")),
        Arguments.of(CacheSettings.CacheEngine.class, List.of("redis", "valkey")),
        Arguments.of(ClusterSettings.CapacityType.class, List.of("ON_DEMAND", "SPOT")),
        Arguments.of(EdgeSettings.RuleAction.class, List.of("block", "count")),
        Arguments.of(
            EdgeSettings.DesyncMitigation.class, List.of("monitor", "defensive", "strictest")),
        Arguments.of(ObservabilitySettings.GuardDuty.class, List.of("create", "existing", "off")),
        Arguments.of(
            ObservabilitySettings.CostAllocationTag.class, List.of("activate", "existing")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("choices")
  void eachChoiceIsWrittenAsTheStackFileSpellsIt(Class<? extends Keyed> type, List<String> keys) {
    assertThat(Arrays.stream(type.getEnumConstants()).map(Keyed::key))
        .as("keys of %s", type.getSimpleName())
        .containsExactlyElementsOf(keys);
  }

  @Test
  void onlyProdIsProduction() {
    assertThat(Environment.PROD.isProduction()).isTrue();
    assertThat(Environment.STAGING.isProduction()).isFalse();
    assertThat(Environment.DEV.isProduction()).isFalse();
    assertThat(Environment.STAGING).hasToString("staging");
    assertThat(Environment.keys()).containsExactly("dev", "staging", "prod");
  }

  @Test
  void resourceNamesArePrefixedWithTheEnvironment() {
    assertThat(PlatformConfig.preset("prod", Environment.PROD, "us-east-1").prefix())
        .isEqualTo("prod");
  }

  @Test
  void secretsAreEqualByValueAndNeverPrintIt() {
    Secret a = new Secret("s3cret");

    assertThat(a).isEqualTo(new Secret("s3cret")).isNotEqualTo(new Secret("other"));
    assertThat(a).isNotEqualTo("s3cret");
    assertThat(a.hashCode()).isEqualTo(new Secret("s3cret").hashCode()).isNotZero();
    assertThat(a).hasToString(Secret.MASK);
    assertThat(a.reveal()).isEqualTo("s3cret");
  }

  @Test
  void aProblemPrintsAsItsMessage() {
    ConfigProblem p = ConfigProblem.of("plinth:network.azCount", "must be between 2 and 6", 9);

    assertThat(p).hasToString("plinth:network.azCount must be between 2 and 6 (got 9)");
  }
}
