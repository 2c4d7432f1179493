package dev.plinth.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Availability zones by id. A zone's name ({@code us-east-1a}) maps to a different physical zone in
 * each account; its id ({@code use1-az1}) is the same everywhere (EC2 DescribeAvailabilityZones,
 * ZoneName and ZoneId). Plinth picks zones by id, leaving out those where EKS does not place
 * control planes.
 */
public final class ZoneIds {
  private ZoneIds() {}

  /** One availability zone: its name in this account and its id. */
  public record Zone(String name, String id) {}

  /**
   * Zone ids EKS refuses for a cluster's subnets (CreateCluster answers
   * UnsupportedAvailabilityZoneException). Source: Amazon EKS User Guide, "View Amazon EKS
   * networking requirements for VPC and subnets", section "Subnet requirements for clusters" ("The
   * subnets can't reside in the following Availability Zones"), awsdocs/amazon-eks-user-guide,
   * latest/ug/networking/network-reqs.adoc at commit f60041409f82 (2024-12-18, the repository's
   * last change to the page), read 2026-12-02.
   */
  public static final Map<String, Set<String>> EKS_UNSUPPORTED =
      Map.of(
          "us-east-1", Set.of("use1-az3"),
          "us-west-1", Set.of("usw1-az2"),
          "ca-central-1", Set.of("cac1-az3"));

  private static final Pattern ID = Pattern.compile("([a-z]+[0-9]+)-az([0-9]+)");

  private static final Map<String, String> DIRECTIONS =
      Map.of(
          "north", "n",
          "south", "s",
          "east", "e",
          "west", "w",
          "central", "c",
          "northeast", "ne",
          "northwest", "nw",
          "southeast", "se",
          "southwest", "sw",
          "gov", "g");

  /** The ids EKS refuses in {@code region}; empty where the guide lists none. */
  public static Set<String> eksUnsupported(String region) {
    return EKS_UNSUPPORTED.getOrDefault(region, Set.of());
  }

  /** Whether EKS refuses this zone id (ids are unique across regions: they carry its code). */
  public static boolean eksRefuses(String zoneId) {
    return EKS_UNSUPPORTED.values().stream().anyMatch(ids -> ids.contains(zoneId));
  }

  /**
   * The code zone ids of {@code region} start with: {@code us-east-1} to {@code use1}, {@code
   * ap-southeast-2} to {@code apse2}, {@code us-gov-west-1} to {@code usgw1}; empty for a name
   * outside that scheme.
   */
  public static Optional<String> regionCode(String region) {
    String[] parts = region.split("-");
    if (parts.length < 3 || !parts[parts.length - 1].matches("[0-9]+")) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length - 1; i++) {
      String short_ = DIRECTIONS.get(parts[i]);
      if (short_ == null) {
        return Optional.empty();
      }
      code.append(short_);
    }
    return Optional.of(code.append(parts[parts.length - 1]).toString());
  }

  /** Whether {@code zoneId} is shaped like a zone id of {@code region} ({@code use1-az4}). */
  public static boolean belongsTo(String zoneId, String region) {
    Matcher m = ID.matcher(zoneId);
    if (!m.matches()) {
      return false;
    }
    return regionCode(region).map(code -> code.equals(m.group(1))).orElse(true);
  }

  /** Zone ids in their number's order: az2 before az10. */
  static final Comparator<String> BY_NUMBER =
      Comparator.comparingInt(
              (String id) -> {
                Matcher m = ID.matcher(id);
                return m.matches() ? Integer.parseInt(m.group(2)) : Integer.MAX_VALUE;
              })
          .thenComparing(Comparator.naturalOrder());

  /**
   * The zones to use: the configured ids in their order, or else the first {@code count} zones by
   * id that EKS supports. Fails, naming the setting, when the region lacks them.
   *
   * @param names the region's zone names, as DescribeAvailabilityZones lists them
   * @param ids the zone ids, in the same order
   */
  public static List<Zone> choose(
      String region, List<String> names, List<String> ids, List<String> configured, int count) {
    List<Zone> all = new ArrayList<>();
    for (int i = 0; i < Math.min(names.size(), ids.size()); i++) {
      all.add(new Zone(names.get(i), ids.get(i)));
    }
    if (!configured.isEmpty()) {
      List<Zone> chosen = new ArrayList<>();
      for (String id : configured.subList(0, count)) {
        chosen.add(
            all.stream()
                .filter(z -> z.id().equals(id))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "plinth:network.availabilityZoneIds names "
                                + id
                                + ", which region "
                                + region
                                + " does not offer this account; available: "
                                + ids)));
      }
      return chosen;
    }
    List<Zone> usable =
        all.stream()
            .filter(z -> !eksUnsupported(region).contains(z.id()))
            .sorted(Comparator.comparing(Zone::id, BY_NUMBER))
            .toList();
    if (usable.size() < count) {
      throw new IllegalStateException(
          "plinth:network.azCount is "
              + count
              + " but region "
              + region
              + " has only "
              + usable.size()
              + " available zones EKS supports: "
              + usable.stream().map(Zone::id).toList());
    }
    return usable.subList(0, count);
  }
}
