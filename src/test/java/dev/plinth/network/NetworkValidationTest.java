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

  @Test
  void aZoneEksRefusesIsRefusedAtItsIndex() {
    assertThat(messages(prodWithZones(2, List.of("use1-az2", "use1-az3"))))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(
                        "plinth:network.availabilityZoneIds[1] is a zone where EKS does not place")
                    .endsWith("(got use1-az3)"));
  }

  private static List<String> vpcMessages(String cidr) {
    NetworkSettings p = NetworkSettings.preset(Environment.PROD);
    return messages(
        new NetworkSettings(
            cidr,
            2,
            List.of(),
            p.natGateways(),
            new NetworkSettings.SubnetTier(28, 0),
            new NetworkSettings.SubnetTier(28, 2),
            new NetworkSettings.SubnetTier(28, 4),
            p.flowLogs(),
            p.flowLogRetentionDays()));
  }

  @Test
  void vpcBlocksFromSlash16ToSlash24AreAllowedInPrivateRanges() {
    assertThat(vpcMessages("10.0.0.0/16")).isEmpty();
    assertThat(vpcMessages("172.16.0.0/24")).isEmpty();
    assertThat(vpcMessages("192.168.0.0/20")).isEmpty();
  }

  @Test
  void aVpcBlockOutsideSlash16ToSlash28IsRefused() {
    assertThat(vpcMessages("10.0.0.0/15"))
        .containsExactly(
            "plinth:network.vpcCidr must have a prefix between /16 and /28 (the sizes AWS allows)"
                + " (got 10.0.0.0/15)");
  }

  @Test
  void aPublicVpcBlockIsRefused() {
    assertThat(vpcMessages("8.8.0.0/16"))
        .containsExactly(
            "plinth:network.vpcCidr must lie in a private range (10.0.0.0/8, 172.16.0.0/12 or"
                + " 192.168.0.0/16) (got 8.8.0.0/16)");
  }

  @Test
  void aVpcBlockWithHostBitsIsRefused() {
    assertThat(vpcMessages("10.0.0.1/16"))
        .containsExactly(
            "plinth:network.vpcCidr must be a network address with no host bits set, like"
                + " 10.0.0.0/16 (got 10.0.0.1/16)");
  }
}
