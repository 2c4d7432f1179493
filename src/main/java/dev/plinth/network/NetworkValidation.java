package dev.plinth.network;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.NetworkSettings;
import dev.plinth.config.NetworkSettings.SubnetTier;
import dev.plinth.config.ObservabilityValidation;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure checks of {@code plinth:network}; each problem names the key, the value and what is allowed.
 */
public final class NetworkValidation {
  static final String KEY = "plinth:network";

  /**
   * The rules of the network settings (plinth:network), as one check of the loader;
   * dev.plinth.Checks lists it with the others.
   */
  public static final ConfigCheck CHECK = config -> validate(config.network(), config.region());

  /** AWS accepts VPC blocks from /16 to /28. */
  static final int LARGEST_VPC = 16;

  static final int SMALLEST_BLOCK = 28;

  /** No AWS region has more than six availability zones. */
  static final int MAX_AZS = 6;

  private static final List<String> PRIVATE_RANGES =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

  private NetworkValidation() {}

  public static List<ConfigProblem> validate(NetworkSettings network, String region) {
    List<ConfigProblem> problems = new ArrayList<>();
    ObservabilityValidation.retention(KEY + ".flowLogRetentionDays", network.flowLogRetentionDays())
        .ifPresent(problems::add);
    if (network.azCount() < 2 || network.azCount() > MAX_AZS) {
      problems.add(
          ConfigProblem.of(
              KEY + ".azCount",
              "must be between 2 and "
                  + MAX_AZS
                  + " (two zones at least for high availability, seed 004)",
              network.azCount()));
    }
    validateZones(network, region, problems);
    Optional<IPv4Address> vpc = vpc(network.vpcCidr(), problems);
    if (vpc.isPresent() && problems.stream().noneMatch(p -> p.key().endsWith(".azCount"))) {
      validateTiers(network, vpc.get(), problems);
    }
    return problems;
  }

  private static void validateZones(
      NetworkSettings network, String region, List<ConfigProblem> problems) {
    List<String> zones = network.availabilityZoneIds();
    if (zones.isEmpty()) {
      return;
    }
    String key = KEY + ".availabilityZoneIds";
    if (zones.size() < network.azCount()) {
      problems.add(
          ConfigProblem.of(
              key,
              "must name at least azCount (" + network.azCount() + ") zones",
              String.join(", ", zones)));
    }
    if (new HashSet<>(zones).size() != zones.size()) {
      problems.add(ConfigProblem.of(key, "must not repeat a zone", String.join(", ", zones)));
    }
    for (int i = 0; i < zones.size(); i++) {
      String zone = zones.get(i);
      if (region != null && !ZoneIds.belongsTo(zone, region)) {
        problems.add(
            ConfigProblem.of(
                key + "[" + i + "]",
                "must be a zone id of the stack's region "
                    + region
                    + ", like "
                    + ZoneIds.regionCode(region).orElse("use1")
                    + "-az1 (aws ec2 describe-availability-zones lists ZoneId)",
                zone));
      } else if (ZoneIds.eksRefuses(zone)) {
        problems.add(
            ConfigProblem.of(
                key + "[" + i + "]",
                "is a zone where EKS does not place a cluster's subnets (EKS user guide, \"Subnet"
                    + " requirements for clusters\"); choose another zone id",
                zone));
      }
    }
  }

  private static Optional<IPv4Address> vpc(String cidr, List<ConfigProblem> problems) {
    String key = KEY + ".vpcCidr";
    Optional<IPv4Address> parsed = Cidrs.parse(cidr);
    if (parsed.isEmpty()) {
      problems.add(ConfigProblem.of(key, "must be an IPv4 CIDR block like 10.0.0.0/16", cidr));
      return Optional.empty();
    }
    IPv4Address vpc = parsed.get();
    int prefix = vpc.getNetworkPrefixLength();
    if (prefix < LARGEST_VPC || prefix > SMALLEST_BLOCK) {
      problems.add(
          ConfigProblem.of(
              key, "must have a prefix between /16 and /28 (the sizes AWS allows)", cidr));
      return Optional.empty();
    }
    if (!Cidrs.isNetworkAddress(vpc)) {
      problems.add(
          ConfigProblem.of(
              key,
              "must be a network address with no host bits set, like "
                  + vpc.toPrefixBlock().toCanonicalString(),
              cidr));
      return Optional.empty();
    }
    if (PRIVATE_RANGES.stream().noneMatch(range -> Cidrs.contains(range, cidr))) {
      problems.add(
          ConfigProblem.of(
              key,
              "must lie in a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)",
              cidr));
    }
    return Optional.of(vpc);
  }

  private static void validateTiers(
      NetworkSettings network, IPv4Address vpc, List<ConfigProblem> problems) {
    Map<String, SubnetTier> tiers = new LinkedHashMap<>();
    tiers.put("publicSubnets", network.publicSubnets());
    tiers.put("privateSubnets", network.privateSubnets());
    tiers.put("databaseSubnets", network.databaseSubnets());
    Map<String, List<String>> layouts = new LinkedHashMap<>();
    int vpcPrefix = vpc.getNetworkPrefixLength();
    tiers.forEach(
        (name, tier) -> {
          String key = KEY + "." + name;
          if (tier.prefixLength() <= vpcPrefix || tier.prefixLength() > SMALLEST_BLOCK) {
            problems.add(
                ConfigProblem.of(
                    key + ".prefixLength",
                    "must be between /"
                        + (vpcPrefix + 1)
                        + " (inside the VPC's /"
                        + vpcPrefix
                        + ") and /"
                        + SMALLEST_BLOCK,
                    tier.prefixLength()));
            return;
          }
          long blocks = Cidrs.blocksIn(vpc, tier.prefixLength());
          long last = (long) tier.firstIndex() + network.azCount() - 1;
          if (tier.firstIndex() < 0 || last >= blocks) {
            problems.add(
                ConfigProblem.of(
                    key + ".firstIndex",
                    "must leave room for "
                        + network.azCount()
                        + " blocks of /"
                        + tier.prefixLength()
                        + " in "
                        + network.vpcCidr()
                        + ", so between 0 and "
                        + (blocks - network.azCount()),
                    tier.firstIndex()));
            return;
          }
          layouts.put(name, Cidrs.tier(vpc, tier, network.azCount()));
        });
    List<String> names = List.copyOf(layouts.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Optional<String> clash = firstOverlap(layouts.get(names.get(i)), layouts.get(names.get(j)));
        if (clash.isPresent()) {
          String key = KEY + "." + names.get(j);
          problems.add(
              ConfigProblem.of(
                  key,
                  "must not overlap " + KEY + "." + names.get(i) + " (" + clash.get() + ")",
                  String.join(", ", layouts.get(names.get(j)))));
        }
      }
    }
  }

  private static Optional<String> firstOverlap(List<String> a, List<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (Cidrs.overlaps(x, y)) {
          return Optional.of(x + " and " + y);
        }
      }
    }
    return Optional.empty();
  }
}
