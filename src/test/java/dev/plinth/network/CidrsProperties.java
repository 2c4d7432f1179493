package dev.plinth.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.NetworkSettings;
import dev.plinth.config.NetworkSettings.SubnetTier;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the subnet plan: sizes as configured, inside the VPC, no overlaps. */
class CidrsProperties {

  @Property
  void everyTierSubnetHasTheConfiguredSizeAndLiesInsideTheVpc(
      @ForAll @IntRange(min = 0, max = 255) int secondOctet,
      @ForAll @IntRange(min = 16, max = 24) int vpcPrefix,
      @ForAll @IntRange(min = 1, max = 8) int extraBits,
      @ForAll @IntRange(min = 2, max = 6) int azCount,
      @ForAll @IntRange(min = 0, max = 300) int firstIndex) {
    int prefix = vpcPrefix + extraBits;
    Assume.that(prefix <= 28);
    String vpc = "10." + secondOctet + ".0.0/" + vpcPrefix;
    var block = Cidrs.parse(vpc).orElseThrow();
    Assume.that(Cidrs.isNetworkAddress(block));
    Assume.that(firstIndex + azCount <= Cidrs.blocksIn(block, prefix));

    List<String> subnets = Cidrs.tier(block, new SubnetTier(prefix, firstIndex), azCount);

    assertThat(subnets).hasSize(azCount).doesNotHaveDuplicates();
    for (String subnet : subnets) {
      assertThat(Cidrs.contains(vpc, subnet)).as("%s inside %s", subnet, vpc).isTrue();
      assertThat(Cidrs.size(subnet)).as("size of %s", subnet).isEqualTo(1L << (32 - prefix));
      assertThat(Cidrs.isNetworkAddress(Cidrs.parse(subnet).orElseThrow())).isTrue();
    }
    for (int i = 0; i < subnets.size(); i++) {
      for (int j = i + 1; j < subnets.size(); j++) {
        assertThat(Cidrs.overlaps(subnets.get(i), subnets.get(j)))
            .as("%s overlaps %s", subnets.get(i), subnets.get(j))
            .isFalse();
      }
    }
  }

  @Property
  void validationAcceptsALayoutExactlyWhenEveryTierFitsAndNoneOverlap(
      @ForAll @IntRange(min = 16, max = 22) int vpcPrefix,
      @ForAll @IntRange(min = 2, max = 6) int azCount,
      @ForAll @IntRange(min = 1, max = 6) int publicBits,
      @ForAll @IntRange(min = 1, max = 6) int privateBits,
      @ForAll @IntRange(min = 1, max = 6) int databaseBits,
      @ForAll @IntRange(min = 0, max = 12) int publicIndex,
      @ForAll @IntRange(min = 0, max = 12) int privateIndex,
      @ForAll @IntRange(min = 0, max = 12) int databaseIndex) {
    String vpc = "10.0.0.0/" + vpcPrefix;
    List<SubnetTier> tiers =
        List.of(
            new SubnetTier(vpcPrefix + publicBits, publicIndex),
            new SubnetTier(vpcPrefix + privateBits, privateIndex),
            new SubnetTier(vpcPrefix + databaseBits, databaseIndex));
    var settings =
        new NetworkSettings(
            vpc,
            azCount,
            List.of(),
            NetworkSettings.NatGateways.SINGLE,
            tiers.get(0),
            tiers.get(1),
            tiers.get(2),
            true,
            7);

    var block = Cidrs.parse(vpc).orElseThrow();
    boolean fits =
        tiers.stream()
            .allMatch(
                t ->
                    t.prefixLength() <= 28
                        && t.firstIndex() + azCount <= Cidrs.blocksIn(block, t.prefixLength()));
    boolean overlaps = false;
    if (fits) {
      List<String> all = new ArrayList<>();
      tiers.forEach(t -> all.addAll(Cidrs.tier(block, t, azCount)));
      for (int i = 0; i < all.size(); i++) {
        assertThat(Cidrs.contains(vpc, all.get(i))).isTrue();
        for (int j = i + 1; j < all.size(); j++) {
          overlaps |= Cidrs.overlaps(all.get(i), all.get(j));
        }
      }
    }

    assertThat(NetworkValidation.validate(settings, "us-east-1").isEmpty())
        .as("validation of %s with %d zones", tiers, azCount)
        .isEqualTo(fits && !overlaps);
  }

  @Property
  void validationRejectsEveryLayoutWhoseTiersOverlap(
      @ForAll @IntRange(min = 0, max = 10) int publicIndex,
      @ForAll @IntRange(min = 0, max = 10) int privateIndex,
      @ForAll @IntRange(min = 2, max = 4) int azCount) {
    var block = Cidrs.parse("10.0.0.0/16").orElseThrow();
    var publicTier = new SubnetTier(24, publicIndex);
    var privateTier = new SubnetTier(24, privateIndex);
    boolean overlap =
        Cidrs.tier(block, publicTier, azCount).stream()
            .anyMatch(p -> Cidrs.tier(block, privateTier, azCount).contains(p));
    var settings =
        new NetworkSettings(
            "10.0.0.0/16",
            azCount,
            List.of(),
            NetworkSettings.NatGateways.SINGLE,
            publicTier,
            privateTier,
            new SubnetTier(24, 200),
            true,
            7);

    var problems = NetworkValidation.validate(settings, "us-east-1");

    assertThat(problems.stream().anyMatch(p -> p.message().contains("must not overlap")))
        .isEqualTo(overlap);
  }

  @Property
  void theSeedLayoutIsSeed003sPlan(@ForAll @IntRange(min = 2, max = 3) int azCount) {
    var block = Cidrs.parse("10.0.0.0/16").orElseThrow();
    var preset = NetworkSettings.preset(dev.plinth.config.Environment.PROD);
    assertThat(Cidrs.tier(block, preset.privateSubnets(), azCount))
        .containsExactlyElementsOf(
            List.of("10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24").subList(0, azCount));
  }
}
