package dev.plinth.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.ConfigProblem;
import dev.plinth.config.Environment;
import dev.plinth.config.NetworkSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NetworkValidation's zone checks, called as the loader calls them. */
class NetworkValidationTest {

  private static NetworkSettings prodWithZones(int azCount, List<String> zones) {
    NetworkSettings p = NetworkSettings.preset(Environment.PROD);
    return new NetworkSettings(
        p.vpcCidr(),
        azCount,
        zones,
        p.natGateways(),
        p.publicSubnets(),
        p.privateSubnets(),
        p.databaseSubnets(),
        p.flowLogs(),
        p.flowLogRetentionDays());
  }

  private static List<String> messages(NetworkSettings s) {
    return NetworkValidation.validate(s, "us-east-1").stream().map(ConfigProblem::message).toList();
  }

  @Test
  void thePresetWithDistinctZonesOfTheRegionPasses() {
    assertThat(messages(prodWithZones(3, List.of("use1-az1", "use1-az2", "use1-az4")))).isEmpty();
  }

  @Test
  void aRepeatedZoneIsRefused() {
    assertThat(messages(prodWithZones(2, List.of("use1-az1", "use1-az1"))))
        .containsExactly(
            "plinth:network.availabilityZoneIds must not repeat a zone (got use1-az1, use1-az1)");
  }

  @Test
  void fewerZonesThanAzCountAreRefused() {
    assertThat(messages(prodWithZones(3, List.of("use1-az1", "use1-az2"))))
        .containsExactly(
            "plinth:network.availabilityZoneIds must name at least azCount (3) zones (got"
                + " use1-az1, use1-az2)");
  }

  @Test
  void exactlyAzCountZonesAreEnough() {
    assertThat(messages(prodWithZones(2, List.of("use1-az1", "use1-az2")))).isEmpty();
  }

  @Test
  void aZoneOfAnotherRegionIsRefusedAtItsIndex() {
    assertThat(messages(prodWithZones(2, List.of("use1-az1", "euw1-az2"))))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("plinth:network.availabilityZoneIds[1] must be"));
  }

  @Test
  void azCountOutsideTwoToSixIsRefused() {
    assertThat(messages(prodWithZones(1, List.of())))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("plinth:network.azCount must be between 2 and 6"));
    assertThat(messages(prodWithZones(7, List.of())))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("plinth:network.azCount must be between 2 and 6"));
    assertThat(messages(prodWithZones(6, List.of()))).isEmpty();
  }
}
